import { describe, expect, it } from 'vitest';
import { parseBuildingContacts } from '../../src/data/buildingContacts';
import { loadDataset } from '../../src/data/load';
import { collection, compound, files, memory, point, polygon } from './loader-helpers';

/** The optional buildings layer (楼栋): a dataset without it loads as before; bad buildings are listed and left out. */

const grids = collection(polygon({ id: 'cm-1', name: '社区', level: 'community' }), polygon({ id: 'gr-1', name: '网格', level: 'grid', parent_id: 'cm-1' }));
const building = (id: string, extra: Record<string, unknown> = {}) =>
  polygon({ id, name: `${id}号楼`, compound_id: 'c-1', households: 40, residents: 90, elderly60: 20, party_group: '1号楼党小组', ...extra });

describe('buildings.geojson', () => {
  it('is optional: a dataset without it loads with no problem and no buildings', async () => {
    const { dataset, problems, fatal } = await loadDataset(memory(files()));
    expect(fatal).toBeNull();
    expect(problems).toEqual([]);
    expect(dataset?.buildings?.features).toEqual([]);
  });

  it('loads polygons and points, filling in the grid of their compound', async () => {
    const input = files({
      'compounds.geojson': collection(compound('c-1', { grid_id: 'gr-1', households: 100 })),
      'grids.geojson': grids,
      'buildings.geojson': collection(building('b-1'), point({ id: 'b-2', compound_id: 'c-1', grid_id: 'gr-1', households: 60 })),
    });
    const { dataset, problems } = await loadDataset(memory(input));
    expect(problems).toEqual([]);
    expect(dataset?.buildings?.features.map((f) => [f.properties.id, f.geometry.type, f.properties.grid_id])).toEqual([
      ['b-1', 'Polygon', 'gr-1'],
      ['b-2', 'Point', 'gr-1'],
    ]);
    expect(dataset?.buildings?.features[0]?.properties).toMatchObject({ households: 40, residents: 90, elderly60: 20, party_group: '1号楼党小组' });
  });

  it('reports a building of an unknown compound, a bad figure and a line geometry, and keeps the valid ones', async () => {
    const input = files({
      'buildings.geojson': collection(building('b-ok'), building('b-lost', { compound_id: 'c-404' }), building('b-neg', { households: -3 }), {
        type: 'Feature',
        properties: { id: 'b-line', compound_id: 'c-1' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [119.33, 26.09],
            [119.331, 26.09],
          ],
        },
      }),
    });
    const { dataset, problems } = await loadDataset(memory(input));
    expect(dataset?.buildings?.features.map((f) => f.properties.id)).toEqual(['b-ok']);
    const byId = new Map(problems.map((p) => [p.id, p]));
    expect(problems.every((p) => p.file === 'buildings.geojson' && p.severity === 'error')).toBe(true);
    expect(byId.get('b-lost')).toMatchObject({ field: 'compound_id', code: 'reference.absent' });
    expect(byId.get('b-lost')?.message).toContain('"c-404"');
    expect(byId.get('b-neg')).toMatchObject({ field: 'households', code: 'field.invalid' });
    expect(byId.get('b-line')?.field).toBe('geometry');
    expect(problems).toHaveLength(3);
  });

  it('reports a grid that is not in grids.geojson, and warns when figures exceed the compound', async () => {
    const input = files({
      'compounds.geojson': collection(compound('c-1', { households: 50 })),
      'grids.geojson': grids,
      'buildings.geojson': collection(building('b-1', { grid_id: 'gr-9' }), building('b-2', { elderly60: 200 }), building('b-3')),
    });
    const { dataset, problems } = await loadDataset(memory(input));
    expect(dataset?.buildings?.features.map((f) => f.properties.id)).toEqual(['b-2', 'b-3']);
    expect(problems.map((p) => [p.id, p.field, p.severity, p.code])).toEqual([
      ['b-2', 'elderly60', 'warning', 'building.elderly60AboveResidents'],
      ['b-1', 'grid_id', 'error', 'reference.absent'],
      ['b-3', 'households', 'warning', 'building.householdsAboveCompound'],
      ['b-3', 'residents', 'warning', 'building.householdsAboveCompound'],
    ]);
  });

  it('is not a reason to fail: a buildings file that is not JSON is one problem, the rest loads', async () => {
    const { dataset, problems, fatal } = await loadDataset(memory(files({ 'buildings.geojson': '{ nope' })));
    expect(fatal).toBeNull();
    expect(dataset?.compounds.features).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: 'buildings.geojson', field: '(file)', code: 'file.notJsonAt' })]);
  });
});

describe('staff/buildings-contacts.json', () => {
  const ids = new Set(['b-1', 'b-2']);

  it('is optional', () => {
    expect(parseBuildingContacts(null, ids)).toEqual({ byBuilding: new Map(), problems: [] });
  });

  it('keeps valid entries, lists an unknown building and a bad entry', () => {
    const text = JSON.stringify({
      buildings: [
        { building_id: 'b-1', leader: { role: '楼栋党小组组长', name: '林某', phone: 13600000001 }, centre_households: [{ role: '党员中心户', name: '陈某' }] },
        { building_id: 'b-9', leader: { role: '楼栋党小组组长' } },
        { leader: { role: '楼栋党小组组长' } },
      ],
    });
    const { byBuilding, problems } = parseBuildingContacts(text, ids);
    expect([...byBuilding.keys()]).toEqual(['b-1']);
    expect(byBuilding.get('b-1')?.leader?.phone).toBe('13600000001');
    expect(problems.map((p) => [p.file, p.id ?? p.index, p.field, p.code])).toEqual([
      ['staff/buildings-contacts.json', 'b-9', 'building_id', 'reference.absent'],
      ['staff/buildings-contacts.json', 2, 'building_id', 'field.invalid'],
    ]);
  });

  it('says when the file is not JSON or has no buildings list', () => {
    expect(parseBuildingContacts('{', ids).problems[0]).toMatchObject({ field: '(file)', severity: 'error' });
    expect(parseBuildingContacts('{"people": []}', ids).problems[0]).toMatchObject({ field: 'buildings', severity: 'error' });
  });
});
