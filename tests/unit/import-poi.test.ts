import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { writeDataset } from '../../src/data/osm/write-dataset';
import { haversineM } from '../../src/data/osm/distance';
import { classifyPoi, decodeText, importPoi, type PoiImport } from '../../src/data/poi/index';
import { poiTableCategories } from '../../src/data/poi/classify-poi';
import { mapColumns, missingColumns } from '../../src/data/poi/columns';
import { NameIndex } from '../../src/data/poi/dedupe';
import { placePoi } from '../../src/data/poi/place';
import { CATEGORIES } from '../../src/domain/taxonomy';

/**
 * tests/fixtures/poi: an AMap-style table in GCJ-02 and a Baidu-style one in BD-09 whose
 * rows are known WGS84 points near 岳峰镇 shifted with gcoord, a GBK-encoded CSV and a
 * GeoJSON table with bad rows. A converted row must land within 1 m of its WGS84 point.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/poi');
const temp = mkdtempSync(join(tmpdir(), 'import-poi-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The WGS84 points the fixture rows were made from. */
const KNOWN: Record<string, [number, number]> = {
  瑞城长者食堂: [119.33, 26.09],
  岳峰社区卫生服务中心: [119.34, 26.1],
  好又多超市: [119.335, 26.095],
  福州市鼓楼区实验小学: [119.33, 26.09],
  益丰大药房: [119.34, 26.1],
  和平社区居委会: [119.335, 26.095],
};

type Props = Record<string, unknown>;
const features = (imported: PoiImport) => imported.files['facilities.geojson'].features as Feature<Point, Props>[];
let counter = 0;
const freshDir = () => join(temp, `ds-${++counter}`);

describe('POI type table', () => {
  it('can give every category of the taxonomy', () => {
    expect([...poiTableCategories()].sort()).toEqual(CATEGORIES.map((c) => c.id).sort());
  });

  it.each([
    [{ typecode: '090601' }, 'pharmacy'],
    [{ typecode: '090602' }, 'pharmacy'],
    [{ typecode: '141203' }, 'primary_school'],
    [{ typecode: '141202|141203' }, 'middle_school'],
    [{ typecode: '060200' }, 'convenience'],
    [{ typecode: '050100', name: '瑞城长者食堂' }, 'canteen'],
    [{ type: '医疗;药店' }, 'pharmacy'],
    [{ type: '医疗保健服务;诊所;诊所' }, 'clinic'],
    [{ type: '教育培训;幼儿园' }, 'kindergarten'],
    [{ type: '政府机构;居民委员会' }, 'community_service'],
    [{ type: '风景名胜;公园广场;城市广场' }, 'park'],
    [{ type: '餐饮服务;中餐厅;中餐厅' }, 'restaurant'],
    [{ type: '地名地址信息;普通地名;村庄级地名', name: '凤林社区居委会' }, 'community_service'],
  ] as const)('%o → %s', (input, category) => {
    expect(classifyPoi({ ...input })).toMatchObject({ ok: true, category });
  });

  it('tells a known non-facility from an unknown type', () => {
    expect(classifyPoi({ typecode: '120302', type: '商务住宅;住宅区;住宅小区' })).toMatchObject({ ok: false, reason: 'not-a-facility' });
    expect(classifyPoi({ type: '奇怪类型' })).toEqual({
      ok: false,
      reason: 'unknown-type',
      message: 'unknown type "奇怪类型" (no rule in src/data/poi/poi-types.json)',
    });
    expect(classifyPoi({ name: '某店' })).toMatchObject({ ok: false, message: 'no type given' });
  });
});

describe('reading and placing rows', () => {
  it('finds columns by their AMap, Baidu or Chinese names, and says which are missing', () => {
    expect(mapColumns(['名称', '经度', '纬度', '类型'])).toEqual({ name: 0, lon: 1, lat: 2, type: 3 });
    expect(mapColumns(['Name', 'location', 'typecode'])).toEqual({ name: 0, location: 1, typecode: 2 });
    expect(missingColumns(mapColumns(['name', 'x']), ['name', 'x'])).toMatch(/coordinates .* a type .*"name", "x"/);
  });

  it('reads UTF-8 as is and other text as GB18030, saying so', () => {
    expect(decodeText(new TextEncoder().encode('名称'))).toEqual({ text: '名称', encoding: 'utf-8' });
    const gbk = readFileSync(join(FIXTURES, 'gbk.csv'));
    const decoded = decodeText(gbk);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('永辉超市');
    expect(decoded.note).toContain('not UTF-8');
  });

  const row = (fields: Record<string, string>) => ({ where: 'line 2', fields });
  it.each([
    [{ lon: '119.33' }, 'missing lat'],
    [{ lat: '26.09' }, 'missing lon'],
    [{}, 'missing coordinates'],
    [{ lon: 'abc', lat: '26.09' }, 'coordinates are not numbers (abc 26.09)'],
    [{ lon: '26.09', lat: '119.33' }, 'lat 119.33 is out of range: lon and lat look swapped'],
    [{ lon: '0', lat: '0' }, 'position 0,0 (no real position)'],
  ])('a row with %o cannot be placed: %s', (fields, message) => {
    expect(placePoi(row(fields), 'WGS84')).toMatchObject({ ok: false, message });
  });

  it('reads AMap location "lon,lat" and converts GCJ-02 within 1 m of gcoord’s inverse', () => {
    const [lon, lat] = gcoord.transform([119.33, 26.09], gcoord.WGS84, gcoord.GCJ02);
    const placed = placePoi(row({ location: `${lon.toFixed(6)},${lat.toFixed(6)}` }), 'GCJ02');
    expect(placed.ok && haversineM(placed.lon, placed.lat, 119.33, 26.09)).toBeLessThan(1);
  });

  it('sees the same name within 30 m as the same facility, and nothing else', () => {
    const index = new NameIndex();
    index.add('f-1', '好又多 超市', 119.335, 26.095);
    expect(index.duplicateOf('好又多超市', 119.335, 26.0952)).toMatchObject({ id: 'f-1' });
    expect(index.duplicateOf('好又多超市', 119.335, 26.0954)).toBeNull();
    expect(index.duplicateOf('永辉超市', 119.335, 26.095)).toBeNull();
    expect(index.duplicateOf(undefined, 119.335, 26.095)).toBeNull();
  });
});

describe('import:poi into a dataset', () => {
  it('converts an AMap GCJ-02 table to WGS84, and reports what it could not place or classify', async () => {
    const imported = await importPoi(join(FIXTURES, 'amap-gcj02.csv'), { crs: 'GCJ02', datasetDir: freshDir() });
    const added = features(imported);
    expect(added.map((f) => [f.properties.id, f.properties.category])).toEqual([
      ['poi-B0001', 'canteen'],
      ['poi-B0002', 'health_center'],
      ['poi-B0003', 'supermarket'],
    ]);
    for (const f of added) {
      const known = KNOWN[f.properties.name as string] as [number, number];
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(haversineM(lon, lat, ...known), String(f.properties.name)).toBeLessThan(1);
    }
    expect(added[0]?.properties).toMatchObject({
      address: '岳峰镇瑞城花园1号楼',
      phone: '0591-1234567',
      source: 'POI table amap-gcj02.csv',
      poi_typecode: '050100',
    });
    expect(imported.report.problems.map((p) => [p.where, p.field, p.message])).toEqual([
      ['line 5', 'name', 'already in the dataset as poi-B0003 (same name, 10.0 m away)'],
      ['line 6', 'type', 'unknown type "奇怪类型" (no rule in src/data/poi/poi-types.json)'],
      ['line 7', 'lat', 'missing lat'],
      ['line 8', 'type', 'type typecode 120302 / "商务住宅;住宅区;住宅小区" is not a facility (住宅区 / Residential area)'],
    ]);
    expect(imported.report.skipped).toEqual({ unplaced: 1, unclassified: 1, notFacility: 1, duplicate: 1, garbled: 0 });
    expect(imported.report.datasetCreated).toBe(true);
  });

  it('converts a Baidu BD-09 table to WGS84 within 1 m', async () => {
    const imported = await importPoi(join(FIXTURES, 'baidu-bd09.csv'), { crs: 'BD09', datasetDir: freshDir() });
    const added = features(imported);
    expect(added.map((f) => f.properties.category)).toEqual(['primary_school', 'pharmacy', 'community_service']);
    for (const f of added) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(haversineM(lon, lat, ...(KNOWN[f.properties.name as string] as [number, number]))).toBeLessThan(1);
    }
  });

  it('imports unknown types as other only when asked', async () => {
    const imported = await importPoi(join(FIXTURES, 'amap-gcj02.csv'), { crs: 'GCJ02', datasetDir: freshDir(), unknownAsOther: true });
    expect(features(imported).find((f) => f.properties.name === '神秘小店')?.properties.category).toBe('other');
    expect(imported.report.problems.find((p) => p.name === '神秘小店')?.severity).toBe('warning');
  });

  it('never duplicates a facility already in a GCJ-02 dataset, and writes new ones in its CRS', async () => {
    const dir = freshDir();
    const [gLon, gLat] = gcoord.transform([119.335, 26.095], gcoord.WGS84, gcoord.GCJ02);
    const existing = {
      type: 'Feature',
      properties: { id: 'f-1', name: '好又多超市', category: 'supermarket' },
      geometry: { type: 'Point', coordinates: [gLon, gLat] },
    };
    await writeDataset(dir, {
      'manifest.json': { id: 'gcj', name: { zh: '测试' }, crs: 'GCJ02', dataAsOf: '2026-11-01' },
      'facilities.geojson': { type: 'FeatureCollection', features: [existing] },
    });
    const imported = await importPoi(join(FIXTURES, 'amap-gcj02.csv'), { crs: 'GCJ02', datasetDir: dir });
    const all = features(imported);
    expect(all.filter((f) => f.properties.name === '好又多超市').map((f) => f.properties.id)).toEqual(['f-1']);
    const canteen = all.find((f) => f.properties.name === '瑞城长者食堂') as Feature<Point, Props>;
    expect(canteen.geometry.coordinates).toEqual([119.334862, 26.086948]);
    expect(imported.report).toMatchObject({ datasetCrs: 'GCJ02', existing: 1, added: 2 });
    expect(imported.files['manifest.json'].sources).toEqual([
      { name: 'POI table amap-gcj02.csv', note: 'imported with npm run import:poi, coordinates GCJ02' },
    ]);
  });

  it('reads a GBK file, and with --encoding utf-8 reports its garbled rows while the good row imports', async () => {
    const auto = await importPoi(join(FIXTURES, 'gbk.csv'), { crs: 'WGS84', datasetDir: freshDir() });
    expect(features(auto).map((f) => f.properties.name)).toEqual(['永辉超市', 'FamilyMart']);
    const strict = await importPoi(join(FIXTURES, 'gbk.csv'), { crs: 'WGS84', datasetDir: freshDir(), encoding: 'utf-8' });
    expect(features(strict).map((f) => f.properties.name)).toEqual(['FamilyMart']);
    expect(strict.report.problems).toEqual([expect.objectContaining({ where: 'line 2', message: expect.stringContaining('garbled') })]);
    expect(strict.report.notes[0]).toContain('not valid UTF-8');
  });

  it('reads a GeoJSON table and reports rows that are not points or have no geometry', async () => {
    const imported = await importPoi(join(FIXTURES, 'pois.geojson'), { crs: 'WGS84', datasetDir: freshDir() });
    expect(features(imported).map((f) => [f.properties.name, f.properties.category])).toEqual([['三角池公园', 'park']]);
    expect(imported.report.problems.map((p) => [p.where, p.message])).toEqual([
      ['feature 1', 'not a Point geometry'],
      ['feature 2', 'missing coordinates'],
    ]);
  });

  it('refuses a table without the columns it needs, naming the columns it has', async () => {
    const path = join(temp, 'cols.csv');
    writeFileSync(path, 'title,where\nA,B\n');
    await expect(importPoi(path, { crs: 'WGS84', datasetDir: freshDir() })).rejects.toThrow('its columns are: "title", "where"');
    await expect(importPoi(join(temp, 'nope.csv'), { crs: 'WGS84', datasetDir: freshDir() })).rejects.toThrow('no such file');
    await expect(importPoi(join(temp, 'cols.xlsx'), { crs: 'WGS84', datasetDir: freshDir() })).rejects.toThrow('expected a .csv or .geojson file');
  });

  it('merges into a dataset that then loads with no error', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    cpSync(join(import.meta.dirname, '../fixtures/no-network'), dir, { recursive: true });
    const imported = await importPoi(join(FIXTURES, 'baidu-bd09.csv'), { crs: 'BD09', datasetDir: dir });
    await writeDataset(dir, imported.files);
    const loaded = await loadDataset(fromDirectory(dir));
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const fc = JSON.parse(readFileSync(join(dir, 'facilities.geojson'), 'utf8')) as FeatureCollection;
    expect(loaded.dataset?.facilities.features).toHaveLength(fc.features.length);
    expect(imported.report.existing).toBeGreaterThan(0);
  });

  it('lists every file of the merged dataset in its manifest, those it found as well as those it wrote', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    cpSync(join(import.meta.dirname, '../fixtures/no-network'), dir, { recursive: true });
    writeFileSync(join(dir, 'playlist.json'), '{"entries":["overview"]}');
    const imported = await importPoi(join(FIXTURES, 'baidu-bd09.csv'), { crs: 'BD09', datasetDir: dir });
    await writeDataset(dir, imported.files);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: string[] };
    const expected = readdirSync(dir).filter((f) => f !== 'manifest.json' && f !== 'README.md');
    expect([...manifest.files].sort()).toEqual(expected.sort());
    expect(manifest.files).toContain('playlist.json');
  });
});
