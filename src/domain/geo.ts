/** A WGS84 position, always `[lon, lat]` in degrees (RFC 7946 order). */
export type LonLat = [lon: number, lat: number];

/** Earth radius used for every length in the project: metres, the value Turf uses. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Walking speeds in metres per minute (DATA-CONTRACT.md "Distances"). */
export const WALK_SPEED_M_PER_MIN = { standard: 60, elder: 45 } as const;
export type WalkProfile = keyof typeof WALK_SPEED_M_PER_MIN;

/** The service-circle bands shown everywhere, in minutes. */
export const BAND_MINUTES = [5, 10, 15] as const;

const DEG = Math.PI / 180;

/** Great-circle distance in metres (haversine, R = 6,371,008.8 m, as Turf). */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = (lon2 - lon1) * DEG;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Metres from the point to the nearest of the origins in a straight line (Infinity without origins). */
export function straightLineM(point: LonLat, origins: readonly LonLat[]): number {
  let best = Infinity;
  for (const o of origins) best = Math.min(best, haversineM(o[0], o[1], point[0], point[1]));
  return best;
}
