import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cell, mapColumns, missingColumns, ROLES, type Role } from './columns';

/**
 * Reads a POI table (CSV/TSV or a GeoJSON FeatureCollection of points) into raw rows. Text
 * that is not UTF-8 is read as GB18030 (a superset of GBK, what Excel on Chinese Windows
 * saves), and the summary says so. Throws only when the file as a whole is unusable.
 */

export type Encoding = 'auto' | 'utf-8' | 'gb18030';

export interface RawPoi {
  /** CSV: the line the row ends on (the header is line 1). GeoJSON: the feature's index. */
  where: string;
  fields: Partial<Record<Role, string>>;
  /** A GeoJSON feature's geometry as given (null when it has none); absent for a CSV row, whose fields hold the position. */
  geometry?: unknown;
}

export interface PoiTable {
  format: 'csv' | 'geojson';
  encoding: string;
  rows: RawPoi[];
  /** Things about the whole file worth saying (encoding guessed, …). */
  notes: string[];
}

const REPLACEMENT = '\uFFFD';

/** Decodes file bytes: BOMs honoured, strict UTF-8 first, then GB18030 unless told otherwise. */
export function decodeText(bytes: Uint8Array, encoding: Encoding = 'auto'): { text: string; encoding: string; note?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (encoding === 'gb18030') return { text: new TextDecoder('gb18030').decode(bytes), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') {
      return {
        text: new TextDecoder('utf-8').decode(bytes),
        encoding,
        note: 'the file is not valid UTF-8: rows with undecodable bytes are reported; try --encoding gb18030',
      };
    }
    return {
      text: new TextDecoder('gb18030').decode(bytes),
      encoding: 'gb18030',
      note: 'the file is not UTF-8: it was read as GB18030 (GBK), as Excel on Chinese Windows saves CSV; pass --encoding utf-8 to refuse that',
    };
  }
}

function delimiterOf(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readCsv(text: string): RawPoi[] {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: delimiterOf(firstLine),
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new Error(`the CSV cannot be parsed: ${(error as Error).message}`, { cause: error });
  }
  const [header, ...body] = records;
  if (!header) throw new Error('the table is empty');
  const headers = header.record.map((h) => h.trim());
  const columns = mapColumns(headers);
  const missing = missingColumns(columns, headers);
  if (missing) throw new Error(missing);
  return body.map(({ record, info }) => {
    const fields: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const value = cell(record, columns, role);
      if (value !== undefined) fields[role] = value;
    }
    return { where: `line ${info.lines}`, fields };
  });
}

function readGeoJson(text: string): RawPoi[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const features = (json as { type?: unknown; features?: unknown })?.features;
  if ((json as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(features)) throw new Error('not a GeoJSON FeatureCollection');
  return features.map((feature: { properties?: Record<string, unknown> | null; geometry?: unknown }, index) => {
    const props = feature?.properties ?? {};
    const headers = Object.keys(props);
    const columns = mapColumns(headers);
    const row = headers.map((k) => (props[k] === null || props[k] === undefined ? '' : String(props[k])));
    const fields: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const value = cell(row, columns, role);
      if (value !== undefined) fields[role] = value;
    }
    return { where: `feature ${index}`, fields, geometry: feature?.geometry ?? null };
  });
}

/** Reads `path` (by its extension: .csv/.tsv/.txt or .geojson/.json). */
export async function readPoiTable(path: string, encoding: Encoding = 'auto'): Promise<PoiTable> {
  const ext = extname(path).toLowerCase();
  const format = ext === '.geojson' || ext === '.json' ? 'geojson' : ext === '.csv' || ext === '.tsv' || ext === '.txt' ? 'csv' : null;
  if (!format) throw new Error(`cannot import ${path}: expected a .csv or .geojson file`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`, {
      cause: error,
    });
  }
  const decoded = decodeText(bytes, encoding);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const notes = decoded.note ? [decoded.note] : [];
  try {
    const rows = format === 'csv' ? readCsv(text) : readGeoJson(text);
    return { format, encoding: decoded.encoding, rows, notes };
  } catch (error) {
    throw new Error(`cannot import ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Whether a row's text was garbled by undecodable bytes. */
export function hasReplacementChar(row: RawPoi): boolean {
  return Object.values(row.fields).some((v) => v?.includes(REPLACEMENT));
}
