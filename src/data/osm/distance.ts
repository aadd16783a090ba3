import type { Position } from 'geojson';
import { EARTH_RADIUS_M, haversineM } from '../../domain/geo';

export { haversineM };

/** Short-range distances for import-time matching (gates to boundaries, duplicate POIs). */

const DEG = Math.PI / 180;

/**
 * Metres from a point to a polyline, in a local equirectangular projection centred on the
 * point: within a few hundred metres it agrees with the geodesic distance to well under 1%.
 */
export function pointToLineM(point: Position, line: readonly Position[]): number {
  const lon0 = point[0] as number;
  const lat0 = point[1] as number;
  const kx = Math.cos(lat0 * DEG) * EARTH_RADIUS_M * DEG;
  const ky = EARTH_RADIUS_M * DEG;
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const ax = ((line[i - 1]?.[0] as number) - lon0) * kx;
    const ay = ((line[i - 1]?.[1] as number) - lat0) * ky;
    const bx = ((line[i]?.[0] as number) - lon0) * kx;
    const by = ((line[i]?.[1] as number) - lat0) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSq = dx * dx + dy * dy;
    const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/** Degrees of latitude and longitude spanning `metres` at latitude `lat` (for search boxes). */
export function degreesFor(metres: number, lat: number): { dLon: number; dLat: number } {
  const dLat = metres / (EARTH_RADIUS_M * DEG);
  return { dLat, dLon: dLat / Math.max(0.01, Math.cos(lat * DEG)) };
}
