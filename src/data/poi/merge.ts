import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CrsId } from '../../domain/dataset';
import { parseManifest } from '../manifest';
import { classifyPoi } from './classify-poi';
import { NameIndex } from './dedupe';
import { convert, placePoi } from './place';
import { hasReplacementChar, readPoiTable, type Encoding, type RawPoi } from './read-table';

/**
 * Merges a POI table into a dataset directory's facilities.geojson: rows are placed
 * (converted to WGS84), classified, checked against facilities already there (same name
 * within 30 m), and written back in the dataset's own CRS. Node only.
 */

export interface ImportPoiOptions {
  /** The CRS of the table's coordinates. */
  crs: CrsId;
  /** The dataset to merge into; created (manifest + facilities) when it has no manifest. */
  datasetDir: string;
  encoding?: Encoding;
  /** Import rows of unknown type as `other` instead of leaving them out. */
  unknownAsOther?: boolean;
  /** How the source is named in the manifest; default from the file name. */
  sourceName?: string;
  /** Rows handled so far, every 500 rows and at the end. */
  onProgress?: (done: number, total: number) => void;
}

export interface PoiProblem {
  /** `line 12` (CSV) or `feature 3` (GeoJSON). */
  where: string;
  name?: string;
  field: string;
  message: string;
  /** error: the row was left out; warning: imported, but look at it. */
  severity: 'error' | 'warning';
}

export interface PoiReport {
  file: string;
  format: 'csv' | 'geojson';
  encoding: string;
  crs: CrsId;
  datasetCrs: CrsId;
  datasetCreated: boolean;
  rows: number;
  existing: number;
  added: number;
  byCategory: Record<string, number>;
  /** Rows left out, per kind of reason. */
  skipped: { unplaced: number; unclassified: number; notFacility: number; duplicate: number; garbled: number };
  problems: PoiProblem[];
  notes: string[];
}

export interface PoiImport {
  files: { 'manifest.json': Record<string, unknown>; 'facilities.geojson': FeatureCollection };
  report: PoiReport;
}

type Props = Record<string, unknown>;

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); fix it before merging into it`, { cause: error });
  }
}

async function existingDataset(dir: string, sourceTime: Date) {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    const id = basename(resolve(dir));
    const manifest: Record<string, unknown> = {
      id,
      name: { zh: id, en: id },
      crs: 'WGS84',
      dataAsOf: sourceTime.toISOString().slice(0, 10),
      synthetic: false,
      sources: [],
    };
    return { manifest, crs: 'WGS84' as CrsId, created: true, facilities: [] as Feature<Point, Props>[] };
  }
  const raw = (await readJson(manifestPath)) as Record<string, unknown>;
  const parsed = parseManifest(raw);
  if (!parsed.manifest) throw new Error(`${manifestPath} is not usable: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const facilitiesPath = ['facilities.geojson', 'facilities.json'].map((f) => join(dir, f)).find((p) => existsSync(p));
  let facilities: Feature<Point, Props>[] = [];
  if (facilitiesPath) {
    const fc = (await readJson(facilitiesPath)) as { type?: unknown; features?: unknown };
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${facilitiesPath} is not a GeoJSON FeatureCollection`);
    facilities = fc.features as Feature<Point, Props>[];
  }
  return { manifest: raw, crs: parsed.manifest.crs, created: false, facilities };
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export async function importPoi(path: string, options: ImportPoiOptions): Promise<PoiImport> {
  const table = await readPoiTable(path, options.encoding);
  const sourceTime = (await stat(path)).mtime;
  const dataset = await existingDataset(options.datasetDir, sourceTime);
  const sourceName = options.sourceName ?? `POI table ${basename(path)}`;
  const problems: PoiProblem[] = [];
  const skipped = { unplaced: 0, unclassified: 0, notFacility: 0, duplicate: 0, garbled: 0 };

  const names = new NameIndex();
  const ids = new Set<string>();
  for (const f of dataset.facilities) {
    const id = f?.properties?.id ?? f?.id;
    if (id !== undefined) ids.add(String(id));
    const c = f?.geometry?.type === 'Point' ? f.geometry.coordinates : null;
    if (c && typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [lon, lat] = convert(c[0], c[1], dataset.crs, 'WGS84');
      names.add(String(id), typeof f.properties?.name === 'string' ? f.properties.name : undefined, lon, lat);
    }
  }

  const added: Feature<Point, Props>[] = [];
  const byCategory: Record<string, number> = {};
  const stem = basename(path)
    .replace(/\.[^.]+$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-');
  const uniqueId = (row: RawPoi, index: number) => {
    const base = `poi-${row.fields.id ?? `${stem}-${index + 1}`}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };

  table.rows.forEach((row, index) => {
    if ((index + 1) % 500 === 0 || index + 1 === table.rows.length) options.onProgress?.(index + 1, table.rows.length);
    const name = row.fields.name;
    const problem = (field: string, message: string, severity: PoiProblem['severity'] = 'error') =>
      problems.push({ where: row.where, ...(name ? { name } : {}), field, message, severity });
    if (hasReplacementChar(row)) {
      skipped.garbled++;
      problem('(text)', 'text has bytes that are not valid in the file encoding (garbled characters); check the encoding');
      return;
    }
    const placed = placePoi(row, options.crs);
    if (!placed.ok) {
      skipped.unplaced++;
      problem(placed.field, placed.message);
      return;
    }
    let kind = classifyPoi({ name, typecode: row.fields.typecode, type: row.fields.type });
    if (!kind.ok && kind.reason === 'unknown-type' && options.unknownAsOther) {
      problem('type', `${kind.message}; imported as other`, 'warning');
      kind = { ok: true, category: 'other', zh: '其他', en: 'Other', by: 'type' };
    }
    if (!kind.ok) {
      if (kind.reason === 'not-a-facility') skipped.notFacility++;
      else skipped.unclassified++;
      problem('type', kind.message);
      return;
    }
    const duplicate = names.duplicateOf(name, placed.lon, placed.lat);
    if (duplicate) {
      skipped.duplicate++;
      problem('name', `already in the dataset as ${duplicate.id} (same name, ${duplicate.distanceM.toFixed(1)} m away)`);
      return;
    }
    if (!name) problem('name', 'no name: imported without one, and never recognised as a duplicate', 'warning');
    const id = uniqueId(row, index);
    const props: Props = { id };
    if (name) props.name = name;
    Object.assign(props, { category: kind.category, kind_zh: kind.zh, kind_en: kind.en });
    if (row.fields.opening_hours) props.opening_hours = row.fields.opening_hours;
    const capacity = wholeNumber(row.fields.capacity);
    if (capacity !== undefined) props.capacity = capacity;
    if (row.fields.phone) props.phone = row.fields.phone;
    if (row.fields.address) props.address = row.fields.address;
    props.source = sourceName;
    if (row.fields.typecode) props.poi_typecode = row.fields.typecode;
    if (row.fields.type) props.poi_type = row.fields.type;
    const [x, y] = convert(placed.lon, placed.lat, 'WGS84', dataset.crs).map((v) => Math.round(v * 1e7) / 1e7) as [number, number];
    added.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [x, y] } });
    names.add(id, name, placed.lon, placed.lat);
    byCategory[kind.category] = (byCategory[kind.category] ?? 0) + 1;
  });

  const manifest = { ...dataset.manifest };
  const sources = Array.isArray(manifest.sources) ? [...(manifest.sources as Array<{ name?: unknown }>)] : [];
  if (!sources.some((s) => s?.name === sourceName))
    sources.push({ name: sourceName, note: `imported with npm run import:poi, coordinates ${options.crs}` } as { name: string });
  manifest.sources = sources;

  const report: PoiReport = {
    file: path,
    format: table.format,
    encoding: table.encoding,
    crs: options.crs,
    datasetCrs: dataset.crs,
    datasetCreated: dataset.created,
    rows: table.rows.length,
    existing: dataset.facilities.length,
    added: added.length,
    byCategory,
    skipped,
    problems,
    notes: table.notes,
  };
  const facilities: FeatureCollection = { type: 'FeatureCollection', features: [...dataset.facilities, ...added] };
  return { files: { 'manifest.json': manifest, 'facilities.geojson': facilities }, report };
}
