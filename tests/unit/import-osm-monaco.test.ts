import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { importOsm, writeDataset, type OsmImport } from '../../src/data/osm/index';
import { analyzeDataset } from '../../src/domain/analysis';
import { isCategoryId } from '../../src/domain/taxonomy';
import { describeShared } from '../shared-fixtures';

/**
 * The real Monaco extract, read in place from ../shared/fixtures/osm-monaco/ (never copied
 * here). Its SOURCE.md gives the counts: 46,444 nodes, 3,717 ways, 210 relations, 1,884
 * highway ways (osmium counts highway=* ways that are not areas), 5 landuse=residential.
 */

type Props = Record<string, unknown>;
const LAYERS = ['compounds.geojson', 'facilities.geojson', 'network.geojson', 'gates.geojson', 'context.geojson'] as const;

describeShared('import:osm on the Monaco extract', 'fixtures/osm-monaco', (dir) => {
  let pbf: OsmImport;
  let xml: OsmImport;
  const temp = mkdtempSync(join(tmpdir(), 'import-monaco-'));
  const fc = (file: (typeof LAYERS)[number]) => pbf.files[file] as FeatureCollection<Polygon | MultiPolygon, Props>;

  beforeAll(async () => {
    const options = { id: 'monaco', densityPerM2: 0.02 };
    [pbf, xml] = await Promise.all([importOsm(join(dir, 'monaco-latest.osm.pbf'), options), importOsm(join(dir, 'monaco.osm'), options)]);
  }, 60_000);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('reads the counts of SOURCE.md from both the PBF and the XML', () => {
    for (const imported of [pbf, xml]) {
      expect(imported.summary.elements).toEqual({ nodes: 46_444, ways: 3_717, relations: 210 });
      expect(imported.summary.highways.lines).toBe(1_884);
    }
    expect(pbf.summary.format).toBe('pbf');
    expect(xml.summary.format).toBe('xml');
  });

  it('gives identical datasets from the PBF and the XML', () => {
    for (const file of LAYERS) expect(xml.files[file], file).toEqual(pbf.files[file]);
    const { notes: _a, ...pbfManifest } = pbf.files['manifest.json'] as Props;
    const { notes: _b, ...xmlManifest } = xml.files['manifest.json'] as Props;
    expect(xmlManifest).toEqual(pbfManifest);
    expect(xml.summary.skipped).toEqual(pbf.summary.skipped);
  });

  it('keeps walkable ways only: no motorway, nothing private without foot=yes, steps kept', () => {
    const network = fc('network.geojson').features.map((f) => f.properties);
    const walked = pbf.summary.highways.lines + pbf.summary.highways.areas;
    const dropped = Object.values(pbf.summary.skipped['network.geojson'] ?? {}).reduce((a, b) => a + b, 0);
    expect(network).toHaveLength(walked - dropped);
    expect(network.some((p) => String(p.highway).startsWith('motorway'))).toBe(false);
    expect(network.every((p) => p.access === undefined)).toBe(true);
    expect(network.filter((p) => p.highway === 'steps').length).toBeGreaterThan(200);
    expect(pbf.summary.skipped['network.geojson']).toMatchObject({ 'foot=no': expect.any(Number), 'access=private without foot=yes': expect.any(Number) });
    expect(network.filter((p) => p.foot === 'yes').length).toBeGreaterThan(0);
  });

  it('classifies facilities into taxonomy categories, with names from OSM', () => {
    const facilities = fc('facilities.geojson').features;
    expect(facilities.length).toBeGreaterThan(200);
    expect(facilities.every((f) => isCategoryId(f.properties.category))).toBe(true);
    expect(pbf.summary.facilitiesByCategory).toMatchObject({
      pharmacy: expect.any(Number),
      supermarket: expect.any(Number),
      park: expect.any(Number),
      health_center: expect.any(Number),
    });
    expect(facilities.filter((f) => typeof f.properties.name === 'string').length).toBeGreaterThan(facilities.length / 2);
    expect(facilities.find((f) => f.properties.name === 'Centre Hospitalier Princesse Grace')?.properties.category).toBe('health_center');
  });

  it('makes the 5 residential compounds, with estimated population', () => {
    const compounds = fc('compounds.geojson').features;
    expect(compounds).toHaveLength(5);
    for (const c of compounds) expect(c.properties.population).toBe(Math.round((c.properties.area_m2 as number) * 0.02));
    expect(compounds.every((c) => c.properties.population_estimated === true)).toBe(true);
  });

  it('assembles multipolygons with their holes (the Fairmont: one outer, two inner rings)', () => {
    expect(pbf.summary.multipolygons.assembled).toBeGreaterThanOrEqual(20);
    expect(pbf.summary.multipolygons.holes).toBeGreaterThanOrEqual(20);
    const fairmont = (pbf.files['context.geojson'] as FeatureCollection<Polygon, Props>).features.find((f) => f.properties.id === 'osm-r2093796');
    expect(fairmont?.properties.kind).toBe('building');
    expect(fairmont?.geometry.coordinates).toHaveLength(3);
  });

  it('credits OpenStreetMap under the ODbL with the date of the extract', () => {
    expect(pbf.files['manifest.json']).toMatchObject({
      dataAsOf: '2019-09-30',
      licence: 'ODbL-1.0',
      sources: [expect.objectContaining({ attribution: '© OpenStreetMap contributors', licence: 'ODbL-1.0' })],
    });
  });

  it('loads through the app loader with no problem at all, and analyses on the walking network', async () => {
    const out = join(temp, 'monaco');
    await writeDataset(out, pbf.files);
    const loaded = await loadDataset(fromDirectory(out));
    expect(loaded.fatal).toBeNull();
    expect(loaded.problems).toEqual([]);
    expect(loaded.dataset?.network?.features.length).toBe(fc('network.geojson').features.length);
    if (!loaded.dataset) return;
    const report = analyzeDataset(loaded.dataset, loaded.problems, 60);
    expect(report.network).toBe(true);
    expect(report.compounds).toHaveLength(5);
    // Les Villas du Sporting's driveways meet the public ways only through access=private roads.
    expect(report.compounds.filter((c) => (c.nearest.pharmacy?.walk_m ?? 0) > 0)).toHaveLength(4);
  });
});
