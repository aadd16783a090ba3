import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { importOsm, writeDataset, type OsmImport } from '../../src/data/osm/index';

/** tests/fixtures/osm/rules.osm (and the same data as Overpass JSON): one case per mapping rule. */

const FIXTURES = join(import.meta.dirname, '../fixtures/osm');
type Props = Record<string, unknown>;

const fc = (imported: OsmImport, file: keyof OsmImport['files']) => imported.files[file] as FeatureCollection<Point | Polygon, Props>;
const byId = (imported: OsmImport, file: keyof OsmImport['files'], id: string) => fc(imported, file).features.find((f) => f.properties.id === id);

let xml: OsmImport;
let overpass: OsmImport;
const temp = mkdtempSync(join(tmpdir(), 'import-osm-'));

beforeAll(async () => {
  xml = await importOsm(join(FIXTURES, 'rules.osm'), { id: 'rules' });
  overpass = await importOsm(join(FIXTURES, 'rules.overpass.json'), { id: 'rules' });
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('import:osm mapping rules (hand-written XML)', () => {
  it('assembles the multipolygon compound from two outer ways, with its hole', () => {
    const compound = byId(xml, 'compounds.geojson', 'osm-r201') as Feature<Polygon, Props>;
    expect(compound.geometry.type).toBe('Polygon');
    expect(compound.geometry.coordinates).toHaveLength(2);
    expect(compound.properties).toMatchObject({ name: '瑞城花园', name_en: 'Ruicheng Garden', population: 0, population_missing: true, osm: 'relation/201' });
    // 200 m × 222 m less a 80 m × 89 m hole.
    expect(compound.properties.area_m2).toBeGreaterThan(36_000);
    expect(compound.properties.area_m2).toBeLessThan(38_500);
    expect(xml.summary.multipolygons).toEqual({ assembled: 1, holes: 1, failed: 1 });
    expect(xml.summary.skipped['(all layers)']).toEqual({ 'multipolygon not assembled: incomplete: member ways or nodes are outside the extract': 1 });
  });

  it('puts a way-based amenity on a point inside its outline, with its names and details', () => {
    const pharmacy = byId(xml, 'facilities.geojson', 'osm-w104') as Feature<Point, Props>;
    expect(pharmacy.properties).toMatchObject({
      name: '康健大药房',
      name_en: 'Kangjian Pharmacy',
      category: 'pharmacy',
      kind_zh: '药店',
      opening_hours: 'Mo-Su 08:00-22:00',
      phone: '+86 591 1234 5678',
      source: 'OpenStreetMap',
    });
    const outline = byId(xml, 'context.geojson', 'osm-w104') as Feature<Polygon, Props>;
    expect(outline.properties.kind).toBe('building');
    expect(booleanPointInPolygon(pharmacy.geometry, outline.geometry)).toBe(true);
  });

  it('gives the gate on the boundary to its compound, and no compound to a far entrance', () => {
    const gates = fc(xml, 'gates.geojson').features;
    expect(gates.map((g) => g.properties)).toEqual([{ id: 'osm-n9', compound_id: 'osm-r201', name: '南门', kind: 'barrier=gate', distance_m: 0 }]);
    expect(xml.summary.skipped['gates.geojson']).toEqual({ 'entrance or gate not within 15 m of a compound boundary': 1 });
  });

  it('keeps foot=yes on a private way and steps; drops private, motorway, foot=no and construction', () => {
    const network = fc(xml, 'network.geojson').features.map((f) => f.properties);
    expect(network.map((p) => p.id)).toEqual(['osm-w301', 'osm-w304', 'osm-w306', 'osm-w307', 'osm-w308']);
    expect(network[0]).toEqual({ id: 'osm-w301', highway: 'service', foot: 'yes' });
    expect(network.every((p) => p.access === undefined)).toBe(true);
    expect(network.find((p) => p.id === 'osm-w306')).toMatchObject({ name: '滨江步道', bridge: 'yes' });
    expect(network.find((p) => p.id === 'osm-w307')).toMatchObject({ highway: 'pedestrian', area: true });
    expect(xml.summary.skipped['network.geojson']).toEqual({
      'access=private without foot=yes': 1,
      'foot=no': 1,
      'highway=construction is not a walkable way type': 1,
      motorway: 1,
    });
  });

  it('classifies facility nodes, keeps one of two same-named clinics 20 m apart, and counts what it skipped', () => {
    const facilities = fc(xml, 'facilities.geojson').features.map((f) => [f.properties.id, f.properties.category]);
    expect(facilities).toEqual([
      ['osm-n15', 'clinic'],
      ['osm-n17', 'clinic'],
      ['osm-n40', 'elderly_care'],
      ['osm-n41', 'primary_school'],
      ['osm-n42', 'canteen'],
      ['osm-w104', 'pharmacy'],
    ]);
    expect(byId(xml, 'facilities.geojson', 'osm-n15')?.properties.capacity).toBe(12);
    expect(xml.summary.skipped['facilities.geojson']).toMatchObject({ 'not in the category table: amenity=bench': 1 });
  });

  it('draws water, buildings and rail as context, or only the kinds asked for', async () => {
    expect(xml.summary.contextByKind).toEqual({ building: 1, rail: 1, water: 1 });
    const noBuildings = await importOsm(join(FIXTURES, 'rules.osm'), { contextKinds: ['water', 'rail'] });
    expect(noBuildings.summary.contextByKind).toEqual({ rail: 1, water: 1 });
    expect(noBuildings.summary.facilitiesByCategory.pharmacy).toBe(1);
  });

  it('writes a manifest with the ODbL attribution and dataAsOf from the file timestamp', () => {
    const manifest = xml.files['manifest.json'] as Props;
    expect(manifest).toMatchObject({
      id: 'rules',
      crs: 'WGS84',
      dataAsOf: '2026-10-01',
      synthetic: false,
      licence: 'ODbL-1.0',
      population_estimated: false,
      sources: [{ name: 'OpenStreetMap', licence: 'ODbL-1.0', attribution: '© OpenStreetMap contributors', url: 'https://www.openstreetmap.org/copyright' }],
    });
    expect(String(manifest.notes)).toContain('Population is missing');
  });

  it('estimates population from area with a density, and says so on each compound and in the manifest', async () => {
    const dense = await importOsm(join(FIXTURES, 'rules.osm'), { densityPerM2: 0.02, elderly60Share: 0.2, elderly80Share: 0.03 });
    const props = (dense.files['compounds.geojson'] as FeatureCollection).features[0]?.properties as Props;
    expect(props.population).toBe(Math.round((props.area_m2 as number) * 0.02));
    expect(props).toMatchObject({ population_estimated: true, elderly60: Math.round((props.population as number) * 0.2) });
    expect(props.population_missing).toBeUndefined();
    expect(dense.files['manifest.json']).toMatchObject({ population_estimated: true, population_density_per_m2: 0.02 });
  });

  it('loads through the app loader with no error', async () => {
    const dir = join(temp, 'rules');
    await writeDataset(dir, xml.files);
    const loaded = await loadDataset(fromDirectory(dir));
    expect(loaded.fatal).toBeNull();
    expect(loaded.problems).toEqual([]);
    expect(loaded.dataset?.gates.features).toHaveLength(1);
  });

  it('lists in the manifest exactly the files it wrote, so the app asks for no absent file', async () => {
    const dir = join(temp, 'listed');
    const written = await writeDataset(dir, xml.files);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(written.map((w) => w.file).filter((f) => f !== 'manifest.json'));
    expect(manifest.files).toEqual(['compounds.geojson', 'facilities.geojson', 'network.geojson', 'gates.geojson', 'context.geojson']);
    const asked: string[] = [];
    const read = fromDirectory(dir);
    await loadDataset(async (name) => (asked.push(name), read(name)));
    expect(asked.sort()).toEqual(['manifest.json', ...manifest.files].sort());
  });
});

describe('--bbox', () => {
  it('keeps only what lies in the box, and counts what it left out', async () => {
    const boxed = await importOsm(join(FIXTURES, 'rules.osm'), { bbox: [119.3305, 26.08, 119.3315, 26.0895] });
    expect(boxed.summary.features).toMatchObject({ 'facilities.geojson': 0, 'compounds.geojson': 0, 'gates.geojson': 0 });
    expect((boxed.files['network.geojson'] as FeatureCollection).features.map((f) => f.properties?.id)).toEqual([
      'osm-w301',
      'osm-w304',
      'osm-w306',
      'osm-w307',
      'osm-w308',
    ]);
    expect(boxed.summary.skipped['facilities.geojson']).toMatchObject({ 'outside --bbox': 6 });
  });
});

describe('Overpass JSON', () => {
  it('gives the same dataset as the same data in XML', () => {
    for (const file of ['compounds.geojson', 'facilities.geojson', 'network.geojson', 'gates.geojson', 'context.geojson', 'manifest.json'] as const) {
      expect(overpass.files[file], file).toEqual(xml.files[file]);
    }
    expect(overpass.summary.format).toBe('overpass-json');
  });

  it('takes way geometry from `out geom` when the nodes are not listed', async () => {
    const path = join(temp, 'geom.json');
    const way = {
      type: 'way',
      id: 7,
      nodes: [1, 2],
      geometry: [
        { lat: 26.09, lon: 119.33 },
        { lat: 26.091, lon: 119.331 },
      ],
      tags: { highway: 'footway' },
    };
    writeFileSync(path, JSON.stringify({ version: 0.6, elements: [way] }));
    const imported = await importOsm(path);
    expect((imported.files['network.geojson'] as FeatureCollection).features[0]?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [119.33, 26.09],
        [119.331, 26.091],
      ],
    });
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['missing.osm.pbf', null, 'no such file'],
    ['empty.osm', '', 'it is empty'],
    ['table.csv', 'name,lon,lat\n', 'not an OSM file'],
    ['broken.osm', '<osm><node id="1" lat="x" lon="2"/></osm>', 'not readable as OSM XML'],
    ['cut.osm', '<osm><node id="1" lat="1" lon="2">', 'not readable as OSM XML'],
    ['poi.geojson', '{"type":"FeatureCollection","features":[]}', 'no "elements" array'],
    ['fake.osm.pbf', '\0\0\0\x0e\x0a\x09OSMHeader\x18\x05', 'not a complete OSM PBF file'],
  ])('%s: a clear message', async (name, content, message) => {
    const path = join(temp, name);
    if (content !== null) writeFileSync(path, content, 'latin1');
    await expect(importOsm(path)).rejects.toThrow(message);
  });
});
