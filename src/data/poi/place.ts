import gcoord from 'gcoord';
import type { CrsId } from '../../domain/dataset';
import type { RawPoi } from './read-table';

/**
 * Where a POI row is, in WGS84. AMap (GCJ-02) and Baidu (BD-09) positions are converted
 * with gcoord, as the loader does for whole datasets. Pure.
 */

export type Placed = { ok: true; lon: number; lat: number } | { ok: false; field: string; message: string };

const SYSTEMS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** `[lon, lat]` converted from `from` to `to` (gcoord leaves positions outside China as they are). */
export function convert(lon: number, lat: number, from: CrsId, to: CrsId): [number, number] {
  if (from === to) return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], SYSTEMS[from], SYSTEMS[to]);
  return [x, y];
}

function numberOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text.replace(/[°\s]/g, ''));
  return Number.isFinite(n) ? n : Number.NaN;
}

function rawPosition(row: RawPoi): { lon: number | null; lat: number | null; field: string } {
  if (row.geometry !== undefined) {
    const geometry = row.geometry as { type?: unknown; coordinates?: unknown } | null;
    const c = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
    const [lon, lat] = c.map((v) => (typeof v === 'number' ? v : Number.NaN));
    return { lon: lon ?? null, lat: lat ?? null, field: 'geometry' };
  }
  if (row.fields.lon !== undefined || row.fields.lat !== undefined || row.fields.location === undefined) {
    return { lon: numberOf(row.fields.lon), lat: numberOf(row.fields.lat), field: 'lon/lat' };
  }
  // AMap's `location` column: "lon,lat".
  const [lon, lat] = (row.fields.location ?? '').split(/[,，\s]+/).map((p) => numberOf(p));
  return { lon: lon ?? null, lat: lat ?? null, field: 'location' };
}

/** The row's WGS84 position, or why it has none. */
export function placePoi(row: RawPoi, crs: CrsId): Placed {
  const { lon, lat, field } = rawPosition(row);
  if (row.geometry && (row.geometry as { type?: unknown }).type !== 'Point') {
    return { ok: false, field: 'geometry', message: 'not a Point geometry' };
  }
  if (lon === null && lat === null) return { ok: false, field, message: 'missing coordinates' };
  if (lat === null) return { ok: false, field: 'lat', message: 'missing lat' };
  if (lon === null) return { ok: false, field: 'lon', message: 'missing lon' };
  if (Number.isNaN(lon) || Number.isNaN(lat))
    return { ok: false, field, message: `coordinates are not numbers (${row.fields.lon ?? ''} ${row.fields.lat ?? ''})`.trim() };
  if (lon === 0 && lat === 0) return { ok: false, field, message: 'position 0,0 (no real position)' };
  if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) return { ok: false, field, message: `lat ${lat} is out of range: lon and lat look swapped` };
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return { ok: false, field, message: `out of range (lon ${lon}, lat ${lat})` };
  const [x, y] = convert(lon, lat, crs, 'WGS84');
  return { ok: true, lon: Math.round(x * 1e7) / 1e7, lat: Math.round(y * 1e7) / 1e7 };
}
