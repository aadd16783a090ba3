import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import type { DatasetFile, Problem } from '../../src/domain/dataset';
import { collection, compound, facility, feature, files, line, memory, point, polygon, square } from './loader-helpers';

async function load(overrides: Partial<Record<DatasetFile, string | null>>) {
  const result = await loadDataset(memory(files(overrides)));
  expect(result.fatal).toBeNull();
  return { ...result, dataset: result.dataset! };
}

/** The problems without their messages, for exact comparison. */
const where = (problems: Problem[]) => problems.map(({ message: _message, code: _code, params: _params, ...rest }) => rest);

describe('loader: geometry problems', () => {
  it('leaves out a feature with the wrong geometry type and keeps the rest', async () => {
    const { dataset, problems } = await load({
      'facilities.geojson': collection(facility('f-1'), polygon({ id: 'f-2', category: 'clinic' }), facility('f-3')),
    });
    expect(dataset.facilities.features.map((f) => f.properties.id)).toEqual(['f-1', 'f-3']);
    expect(where(problems)).toEqual([{ file: 'facilities.geojson', id: 'f-2', field: 'geometry', severity: 'error' }]);
    expect(problems[0]!.message).toBe('wrong geometry type: expected a Point, found a Polygon');
  });

  it('reports a missing geometry', async () => {
    const { problems } = await load({ 'facilities.geojson': collection(facility('f-1'), feature({ id: 'f-2', category: 'clinic' }, null)) });
    expect(where(problems)).toEqual([{ file: 'facilities.geojson', id: 'f-2', field: 'geometry', severity: 'error' }]);
    expect(problems[0]!.message).toBe('missing geometry: expected a Point, found null');
  });

  it('accepts Polygon and MultiPolygon compounds, LineString and MultiLineString ways', async () => {
    const { dataset, problems } = await load({
      'compounds.geojson': collection(
        compound('c-1'),
        feature({ id: 'c-2', population: 1, elderly60: 0, elderly80: 0 }, { type: 'MultiPolygon', coordinates: [square()] }),
      ),
      'network.geojson': collection(
        line({ id: 'w-1' }),
        feature(
          { id: 'w-2' },
          {
            type: 'MultiLineString',
            coordinates: [
              [
                [119.33, 26.09],
                [119.331, 26.09],
              ],
            ],
          },
        ),
      ),
    });
    expect(problems).toEqual([]);
    expect(dataset.compounds.features).toHaveLength(2);
    expect(dataset.network?.features).toHaveLength(2);
  });

  it('reports coordinates out of range, and ones that are not numbers', async () => {
    const { dataset, problems } = await load({
      'facilities.geojson': collection(
        facility('f-1'),
        point({ id: 'f-2', category: 'clinic' }, 200, 26.09),
        point({ id: 'f-3', category: 'clinic' }, 119.33, -95.5),
        feature({ id: 'f-4', category: 'clinic' }, { type: 'Point', coordinates: ['119.33', 26.09] }),
        feature({ id: 'f-5', category: 'clinic' }, { type: 'Point', coordinates: [null, 26.09] }),
      ),
    });
    expect(dataset.facilities.features.map((f) => f.properties.id)).toEqual(['f-1']);
    expect(problems.map((p) => [p.id, p.field, p.message])).toEqual([
      ['f-2', 'geometry', 'coordinate [200, 26.09] is out of range: expected longitude within ±180 and latitude within ±90'],
      ['f-3', 'geometry', 'coordinate [119.33, -95.5] is out of range: expected longitude within ±180 and latitude within ±90'],
      ['f-4', 'geometry', 'coordinate ["119.33", 26.09] is not a pair of numbers [lon, lat]'],
      ['f-5', 'geometry', 'coordinate [null, 26.09] is not a pair of numbers [lon, lat]'],
    ]);
  });

  it('says when a position looks like [lat, lon], and drops it rather than guessing', async () => {
    const { dataset, problems } = await load({ 'facilities.geojson': collection(facility('f-1'), point({ id: 'f-2', category: 'clinic' }, 26.09, 119.33)) });
    expect(dataset.facilities.features).toHaveLength(1);
    expect(where(problems)).toEqual([{ file: 'facilities.geojson', id: 'f-2', field: 'geometry', severity: 'error' }]);
    expect(problems[0]!.message).toContain('[26.09, 119.33] looks like [lat, lon]; GeoJSON is [lon, lat]');
  });

  it('reports degenerate polygons: too few positions, or a ring that is not closed', async () => {
    const open = [
      [
        [119.33, 26.09],
        [119.331, 26.09],
        [119.331, 26.091],
        [119.33, 26.091],
      ],
    ];
    const short = [
      [
        [119.33, 26.09],
        [119.331, 26.09],
        [119.33, 26.09],
      ],
    ];
    const people = { population: 1, elderly60: 0, elderly80: 0 };
    const { dataset, problems } = await load({
      'compounds.geojson': collection(compound('c-1'), polygon({ id: 'c-2', ...people }, short), polygon({ id: 'c-3', ...people }, open)),
    });
    expect(dataset.compounds.features.map((f) => f.properties.id)).toEqual(['c-1']);
    expect(problems.map((p) => [p.id, p.field, p.message])).toEqual([
      ['c-2', 'geometry', 'degenerate polygon: outer ring has 3 positions; a closed ring needs at least 4 (the last repeating the first)'],
      [
        'c-3',
        'geometry',
        'degenerate polygon: outer ring is not closed (first position [119.33, 26.09], last [119.33, 26.091]); the last position must repeat the first',
      ],
    ]);
  });

  it('reports a degenerate line of fewer than 2 positions', async () => {
    const { dataset, problems } = await load({ 'network.geojson': collection(line({ id: 'w-1' }), line({ id: 'w-2' }, [[119.33, 26.09]])) });
    expect(dataset.network?.features).toHaveLength(1);
    expect(problems.map((p) => [p.file, p.id, p.field, p.message])).toEqual([
      ['network.geojson', 'w-2', 'geometry', 'degenerate line: expected at least 2 positions, found 1'],
    ]);
  });
});

describe('loader: ids', () => {
  it('names a feature without an id by its index', async () => {
    const { dataset, problems } = await load({ 'facilities.geojson': collection(facility('f-1'), point({ category: 'clinic' })) });
    expect(dataset.facilities.features).toHaveLength(1);
    expect(where(problems)).toEqual([{ file: 'facilities.geojson', index: 1, field: 'id', severity: 'error' }]);
    expect(problems[0]!.message).toBe('missing id: expected a unique text id in properties.id, found nothing (the field is missing)');
  });

  it('drops the second and later features with the same id, naming the first index', async () => {
    const { dataset, problems } = await load({
      'facilities.geojson': collection(facility('f-1'), facility('f-2'), facility('f-1', { category: 'canteen' }), facility('f-1')),
    });
    expect(dataset.facilities.features.map((f) => [f.properties.id, f.properties.category])).toEqual([
      ['f-1', 'clinic'],
      ['f-2', 'clinic'],
    ]);
    expect(where(problems)).toEqual([
      { file: 'facilities.geojson', id: 'f-1', index: 2, field: 'id', severity: 'error' },
      { file: 'facilities.geojson', id: 'f-1', index: 3, field: 'id', severity: 'error' },
    ]);
    expect(problems[0]!.message).toBe('duplicate id "f-1": the feature at index 0 already uses it; this one (index 2) was left out');
  });

  it('takes a numeric id, or the feature-level id, as text', async () => {
    const fromFeature = { ...facility('ignored'), id: 'f-9', properties: { category: 'clinic' } };
    const { dataset, problems } = await load({ 'facilities.geojson': collection(facility('f-1'), point({ id: 7, category: 'clinic' }), fromFeature) });
    expect(problems).toEqual([]);
    expect(dataset.facilities.features.map((f) => f.properties.id)).toEqual(['f-1', '7', 'f-9']);
  });
});

describe('loader: property problems', () => {
  it('reports an unknown facility category and lists valid ones', async () => {
    const { dataset, problems } = await load({ 'facilities.geojson': collection(facility('f-1'), facility('f-2', { category: 'hospital' })) });
    expect(dataset.facilities.features).toHaveLength(1);
    expect(where(problems)).toEqual([{ file: 'facilities.geojson', id: 'f-2', field: 'category', severity: 'error' }]);
    expect(problems[0]!.message).toMatch(/^category: expected one of the facility categories \(canteen, clinic, .*found "hospital"$/);
  });

  it('reports negative or fractional counts', async () => {
    const { dataset, problems } = await load({
      'compounds.geojson': collection(
        compound('c-1'),
        compound('c-2', { population: -5 }),
        compound('c-3', { elderly60: 12.5 }),
        compound('c-4', { elderly80: '3' }),
      ),
    });
    expect(dataset.compounds.features.map((f) => f.properties.id)).toEqual(['c-1']);
    expect(problems.map((p) => [p.id, p.field, p.message])).toEqual([
      ['c-2', 'population', 'population: expected a whole number ≥ 0, found -5'],
      ['c-3', 'elderly60', 'elderly60: expected a whole number ≥ 0 (residents aged 60+), found 12.5'],
      ['c-4', 'elderly80', 'elderly80: expected a whole number ≥ 0 (residents aged 80+), found "3"'],
    ]);
  });

  it('loads but warns when elderly80 > elderly60 or elderly60 > population', async () => {
    const { dataset, problems } = await load({
      'compounds.geojson': collection(compound('c-1', { elderly60: 10, elderly80: 12 }), compound('c-2', { population: 50, elderly60: 60, elderly80: 0 })),
    });
    expect(dataset.compounds.features).toHaveLength(2);
    expect(where(problems)).toEqual([
      { file: 'compounds.geojson', id: 'c-1', field: 'elderly80', severity: 'warning' },
      { file: 'compounds.geojson', id: 'c-2', field: 'elderly60', severity: 'warning' },
    ]);
    expect(problems[0]!.message).toBe('elderly80 (12) is more than elderly60 (10); everyone aged 80+ is also counted in 60+');
  });

  it('reports a gate or request pointing at an unknown compound', async () => {
    const request = (id: string, extra: Record<string, unknown> = {}) =>
      point({ id, service_code: 'canteen', status: 'open', stage: 'collect', requested_datetime: '2026-10-20T09:30:00+08:00', ...extra });
    const { dataset, problems } = await load({
      'compounds.geojson': collection(compound('c-1'), compound('c-2', { population: -1 })),
      'gates.geojson': collection(point({ id: 'g-1', compound_id: 'c-1' }), point({ id: 'g-2', compound_id: 'c-9' }), point({ id: 'g-3', compound_id: 'c-2' })),
      'requests.geojson': collection(request('r-1', { compound_id: 'c-1' }), request('r-2'), request('r-3', { compound_id: 'c-9' })),
    });
    expect(dataset.gates.features.map((f) => f.properties.id)).toEqual(['g-1']);
    expect(dataset.requests.features.map((f) => f.properties.id)).toEqual(['r-1', 'r-2']);
    expect(problems.map((p) => [p.file, p.id, p.field, p.message])).toEqual([
      ['compounds.geojson', 'c-2', 'population', 'population: expected a whole number ≥ 0, found -1'],
      ['gates.geojson', 'g-2', 'compound_id', 'unknown compound_id: expected the id of a compound in compounds.geojson, found "c-9", which is not there'],
      [
        'gates.geojson',
        'g-3',
        'compound_id',
        'unknown compound_id: expected the id of a compound in compounds.geojson, found "c-2", which was left out because of its own problem',
      ],
      ['requests.geojson', 'r-3', 'compound_id', 'unknown compound_id: expected the id of a compound in compounds.geojson, found "c-9", which is not there'],
    ]);
    expect(dataset.requests.features[1]!.properties.service_request_id).toBe('r-2');
  });

  it('reports grids with an unknown parent_id or level', async () => {
    const grid = (id: string, props: Record<string, unknown>) => polygon({ id, ...props });
    const { dataset, problems } = await load({
      'grids.geojson': collection(
        grid('sq-1', { level: 'community', name: '三台社区' }),
        grid('sq-1-g1', { level: 'grid', parent_id: 'sq-1' }),
        grid('sq-1-g2', { level: 'grid', parent_id: 'sq-7' }),
        grid('sq-1-g3', { level: 'street' }),
      ),
    });
    expect(dataset.grids.features.map((f) => f.properties.id)).toEqual(['sq-1', 'sq-1-g1']);
    expect(problems.map((p) => [p.id, p.field, p.message])).toEqual([
      ['sq-1-g3', 'level', 'level: expected one of community, grid, found "street"'],
      ['sq-1-g2', 'parent_id', 'unknown parent_id: expected the id of another feature in grids.geojson, found "sq-7", which is not there'],
    ]);
  });

  it('reports a request stage outside the six and a rating outside 1–5', async () => {
    const base = { service_code: 'canteen', status: 'closed', requested_datetime: '2026-10-20T09:30:00+08:00' };
    const { dataset, problems } = await load({
      'requests.geojson': collection(
        point({ id: 'r-1', ...base, stage: 'rate', rating: 5 }),
        point({ id: 'r-2', ...base, stage: 'done' }),
        point({ id: 'r-3', ...base, stage: 'rate', rating: 0 }),
        point({ id: 'r-4', ...base, stage: 'rate', rating: 6 }),
      ),
    });
    expect(dataset.requests.features.map((f) => f.properties.id)).toEqual(['r-1']);
    expect(problems.map((p) => [p.id, p.field, p.message])).toEqual([
      ['r-2', 'stage', 'stage: expected one of collect, deliberate, coordinate, execute, publish, rate, found "done"'],
      ['r-3', 'rating', 'rating: expected a whole number from 1 to 5, found 0'],
      ['r-4', 'rating', 'rating: expected a whole number from 1 to 5, found 6'],
    ]);
  });

  it('does not check opening_hours, treats null optional fields as absent and keeps extra properties', async () => {
    const { dataset, problems } = await load({
      'facilities.geojson': collection(facility('f-1', { opening_hours: 'not really hours', capacity: null, phone: 59187654321, operator: '岳峰镇' })),
    });
    expect(problems).toEqual([]);
    expect(dataset.facilities.features[0]!.properties).toEqual({
      id: 'f-1',
      name: 'f-1',
      category: 'clinic',
      opening_hours: 'not really hours',
      phone: '59187654321',
      operator: '岳峰镇',
    });
  });

  it('gives a volunteer without skills an empty list, and checks context kinds', async () => {
    const { dataset, problems } = await load({
      'volunteers.geojson': collection(point({ id: 'v-1', team: '岳峰志愿服务队' }), point({ id: 'v-2', skills: ['medical', 3] })),
      'context.geojson': collection(line({ kind: 'rail' }), polygon({ kind: 'lava' })),
    });
    expect(dataset.volunteers.features.map((f) => f.properties.skills)).toEqual([[]]);
    expect(dataset.context.features.map((f) => f.properties.kind)).toEqual(['rail']);
    expect(problems.map((p) => [p.file, p.id ?? p.index, p.field])).toEqual([
      ['volunteers.geojson', 'v-2', 'skills'],
      ['context.geojson', 1, 'kind'],
    ]);
  });

  it('reports every problem of one feature, each once', async () => {
    const { problems } = await load({
      'facilities.geojson': collection(facility('f-1'), feature({ category: 'nope' }, { type: 'LineString', coordinates: [] })),
    });
    expect(where(problems)).toEqual([
      { file: 'facilities.geojson', index: 1, field: 'id', severity: 'error' },
      { file: 'facilities.geojson', index: 1, field: 'geometry', severity: 'error' },
      { file: 'facilities.geojson', index: 1, field: 'category', severity: 'error' },
    ]);
  });
});

describe('loader: text is kept as text', () => {
  it('keeps HTML in a name unchanged, as a plain string', async () => {
    const html = '<img src=x onerror=alert(1)>';
    const { dataset, problems } = await load({ 'compounds.geojson': collection(compound('c-1', { name: `瑞城${html}花园` })) });
    expect(problems).toEqual([]);
    expect(dataset.compounds.features[0]!.properties.name).toBe('瑞城<img src=x onerror=alert(1)>花园');
  });
});
