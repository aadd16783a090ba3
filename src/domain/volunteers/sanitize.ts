import { parseJsonText } from '../jsonText';
import { pointOnFeature } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';

/**
 * Removing personal data for a public deployment (DESIGN.md "Privacy": a static site cannot
 * keep a secret). Works on the raw files as read, in their own CRS, keeping every other
 * property. Volunteers and requests keep only a whitelist of fields; grid staff keep their
 * role; the exact places of volunteers and of requests (a resident's door) are blurred.
 */

/** Volunteer fields a public dataset keeps; names, phones and anything else go. */
export const VOLUNTEER_KEEP = ['id', 'team', 'skills', 'availability', 'service_radius_m'] as const;
/** Request fields a public dataset keeps: no description, no contact, no notes. */
export const REQUEST_KEEP = [
  'id',
  'service_request_id',
  'service_code',
  'status',
  'stage',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'compound_id',
  'rating',
] as const;

/** Decimal places kept of a volunteer's position: 3 ≈ 100 m, an area, not a front door. */
export const BLUR_DECIMALS = 3;

export interface SanitizeCounts {
  /** Property name → how many features lost it. */
  removed: Record<string, number>;
  /** Features whose position was blurred or moved. */
  moved: number;
}

type RawFeature = Feature<Geometry | null, Record<string, unknown> | null>;
interface RawCollection {
  type: 'FeatureCollection';
  features: RawFeature[];
}

function isCollection(value: unknown): value is RawCollection {
  return (
    !!value &&
    typeof value === 'object' &&
    (value as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((value as { features?: unknown }).features)
  );
}

function keepOnly(props: Record<string, unknown> | null, keep: readonly string[], counts: SanitizeCounts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props ?? {})) {
    if (keep.includes(key)) out[key] = value;
    else counts.removed[key] = (counts.removed[key] ?? 0) + 1;
  }
  return out;
}

const round = (x: unknown, f: number) => (typeof x === 'number' ? Math.round(x * f) / f : x);

/** A point's position to `decimals` places; other geometries are left as they are. */
function blurPoint(geometry: Geometry | null, decimals: number): Geometry | null {
  if (geometry?.type !== 'Point') return geometry;
  const f = 10 ** decimals;
  const [lon, lat, ...rest] = geometry.coordinates;
  return { type: 'Point', coordinates: [round(lon, f) as number, round(lat, f) as number, ...rest] };
}

export function sanitizeVolunteers(collection: unknown): { collection: unknown; counts: SanitizeCounts } {
  const counts: SanitizeCounts = { removed: {}, moved: 0 };
  if (!isCollection(collection)) return { collection, counts };
  const features = collection.features.map((f) => {
    counts.moved++;
    return { ...f, properties: keepOnly(f.properties, VOLUNTEER_KEEP, counts), geometry: blurPoint(f.geometry, BLUR_DECIMALS) };
  });
  return { collection: { ...collection, features }, counts };
}

/** Representative points of compounds (point on surface), by id, in the files' CRS. */
export function compoundPoints(compounds: unknown): Map<string, [number, number]> {
  const points = new Map<string, [number, number]>();
  if (!isCollection(compounds)) return points;
  for (const f of compounds.features) {
    const id = f.properties?.id ?? f.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || !f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    try {
      const [lon, lat] = pointOnFeature(f as Feature<Geometry>).geometry.coordinates;
      points.set(String(id), [round(lon, 1e7) as number, round(lat, 1e7) as number]);
    } catch {
      // A broken polygon gets no point; its requests are blurred instead.
    }
  }
  return points;
}

/** Requests keep the whitelist; each moves to its compound's point (or is blurred without one). */
export function sanitizeRequests(collection: unknown, compounds: ReadonlyMap<string, [number, number]>): { collection: unknown; counts: SanitizeCounts } {
  const counts: SanitizeCounts = { removed: {}, moved: 0 };
  if (!isCollection(collection)) return { collection, counts };
  const features = collection.features.map((f) => {
    const properties = keepOnly(f.properties, REQUEST_KEEP, counts);
    const at = typeof properties.compound_id === 'string' ? compounds.get(properties.compound_id) : undefined;
    counts.moved++;
    const geometry: Geometry | null = at ? { type: 'Point', coordinates: [...at] } : blurPoint(f.geometry, BLUR_DECIMALS);
    return { ...f, properties, geometry };
  });
  return { collection: { ...collection, features }, counts };
}

/** Grid staff keep their role only (网格员, 社区书记…), never a name or a phone. */
export function sanitizeGrids(collection: unknown): { collection: unknown; counts: SanitizeCounts } {
  const counts: SanitizeCounts = { removed: {}, moved: 0 };
  if (!isCollection(collection)) return { collection, counts };
  const features = collection.features.map((f) => {
    const staff = f.properties?.staff;
    if (!Array.isArray(staff)) return f;
    const kept = staff.map((member: unknown) => {
      const m = member && typeof member === 'object' ? (member as Record<string, unknown>) : {};
      for (const key of Object.keys(m)) if (key !== 'role') counts.removed[`staff.${key}`] = (counts.removed[`staff.${key}`] ?? 0) + 1;
      return typeof m.role === 'string' ? { role: m.role } : {};
    });
    return { ...f, properties: { ...f.properties, staff: kept } };
  });
  return { collection: { ...collection, features }, counts };
}

/** The files of a dataset as text, by contract name (absent files left out). */
export type DatasetTexts = ReadonlyMap<string, string>;

export interface SanitizeResult {
  files: Map<string, string>;
  /** Per file: what was removed or moved. */
  counts: Map<string, SanitizeCounts>;
  /** Files left out because they could not be read as JSON, with the reason. */
  leftOut: Map<string, string>;
}

const PERSONAL_FILES = ['volunteers.geojson', 'grids.geojson', 'requests.geojson'] as const;

/**
 * A copy of a dataset without personal fields, for public deployment: volunteers, requests
 * and grid staff are sanitised, the manifest says `"sanitized": true`, every other file is
 * copied as it is. A personal-data file that is not JSON is left out rather than copied.
 */
export function sanitizeDataset(texts: DatasetTexts): SanitizeResult {
  const result: SanitizeResult = { files: new Map(), counts: new Map(), leftOut: new Map() };
  const parse = (name: string): unknown => {
    const text = texts.get(name);
    if (text === undefined) return undefined;
    try {
      return parseJsonText(text);
    } catch (error) {
      result.leftOut.set(name, `not valid JSON (${(error as Error).message})`);
      return undefined;
    }
  };
  const write = (name: string, value: unknown) => result.files.set(name, `${JSON.stringify(value, null, 1)}\n`);
  for (const [name, text] of texts) if (!(PERSONAL_FILES as readonly string[]).includes(name) && name !== 'manifest.json') result.files.set(name, text);

  const sanitisers: Record<(typeof PERSONAL_FILES)[number], (value: unknown) => { collection: unknown; counts: SanitizeCounts }> = {
    'volunteers.geojson': sanitizeVolunteers,
    'grids.geojson': sanitizeGrids,
    'requests.geojson': (value) => sanitizeRequests(value, compoundPoints(parse('compounds.geojson'))),
  };
  for (const name of PERSONAL_FILES) {
    const value = parse(name);
    if (value === undefined) continue;
    if (!isCollection(value)) {
      result.leftOut.set(name, 'not a GeoJSON FeatureCollection');
      continue;
    }
    const { collection, counts } = sanitisers[name](value);
    write(name, collection);
    result.counts.set(name, counts);
  }

  // Last, so that its list of files names only those in the copy.
  const manifest = parse('manifest.json');
  if (manifest && typeof manifest === 'object' && !Array.isArray(manifest)) {
    const listed = (manifest as { files?: unknown }).files;
    const stem = (f: unknown) =>
      String(f)
        .toLowerCase()
        .replace(/\.(geo)?json$/, '');
    const copied = new Set([...result.files.keys()].map(stem));
    const files = Array.isArray(listed) ? { files: listed.filter((f) => copied.has(stem(f))) } : {};
    write('manifest.json', { ...manifest, ...files, sanitized: true });
  } else if (texts.has('manifest.json')) result.files.set('manifest.json', texts.get('manifest.json')!);
  return result;
}
