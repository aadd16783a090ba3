/** A WGS84 position, always `[lon, lat]` in degrees (RFC 7946 order). */
export type LonLat = [lon: number, lat: number];

/** Earth radius used for every length in the project: metres, the value Turf uses. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Walking speeds in metres per minute (DATA-CONTRACT.md "Distances"). */
export const WALK_SPEED_M_PER_MIN = { standard: 60, elder: 45 } as const;
export type WalkProfile = keyof typeof WALK_SPEED_M_PER_MIN;

/** The service-circle bands shown everywhere, in minutes. */
export const BAND_MINUTES = [5, 10, 15] as const;
