import { EARTH_RADIUS_M, type LonLat } from '../../domain/geo';
import type { Rng } from './prng';

/**
 * The town is planned in a flat "plan space" of metres, `[u, v]` (u east, v north), where
 * every street, block edge and river bank is axis-aligned. A smooth, one-to-one warp then
 * bends plan space into the map, so streets curve gently and the river meanders while
 * everything that touches in plan space still touches on the map.
 */
export type Uv = readonly [u: number, v: number];

/** Plan-space values are kept on a 0.1 m lattice so equal points compare equal exactly. */
export function q(value: number): number {
  return Math.round(value * 10) / 10;
}

export function uv(u: number, v: number): Uv {
  return [q(u), q(v)];
}

/** Output precision: 1e-7 degrees (about 1 cm). */
function roundDeg(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** South-west corner of plan space on the map (an illustrative 岳峰镇, Jin'an, Fuzhou). */
const LON0 = 119.316;
const LAT0 = 26.078;
const M_PER_DEG_LAT = (EARTH_RADIUS_M * Math.PI) / 180;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(((LAT0 + 0.012) * Math.PI) / 180);

/** Town extent in plan space, metres. */
export const TOWN = { uMin: 0, uMax: 3000, vMin: 0, vMax: 2500 } as const;

export interface Frame {
  /** Plan-space v of the river centre line. */
  readonly riverV: number;
  /** Distance from the centre line to the south bank at u, metres (32–48). */
  bankSouth(u: number): number;
  /** Distance from the centre line to the north bank at u, metres (32–48). */
  bankNorth(u: number): number;
  /** `[lon, lat]`, rounded to 1e-7 degrees. Pure: the same point always maps the same. */
  toLonLat(p: Uv): LonLat;
}

export function makeFrame(rng: Rng, riverV: number): Frame {
  const tau = 2 * Math.PI;
  const meanderAmpM = rng.range(110, 140);
  const meanderWaveM = rng.range(2400, 2800);
  const ph = Array.from({ length: 6 }, () => rng.range(0, tau));
  const at = (i: number) => ph[i] ?? 0;
  const shearAmpM = rng.range(30, 50);

  // |J - I| stays well below 1 everywhere, so the warp is one-to-one (no folds).
  const meander = (u: number) => meanderAmpM * (Math.sin((tau * u) / meanderWaveM + at(0)) + 0.2 * Math.sin((tau * u * 1.9) / meanderWaveM + at(1)));
  const nearRiver = (v: number) => Math.exp(-(((v - riverV) / 1000) ** 2));

  return {
    riverV,
    bankSouth: (u) => 40 + 7 * Math.sin((tau * u) / 900 + at(2)),
    bankNorth: (u) => 40 + 7 * Math.sin((tau * u) / 1100 + at(3)),
    toLonLat([u, v]) {
      const x = u + shearAmpM * Math.sin((tau * v) / 2900 + at(4)) + 18 * Math.sin((tau * (u + v)) / 1700 + at(5));
      const y = v + meander(u) * nearRiver(v);
      return [roundDeg(LON0 + x / M_PER_DEG_LON), roundDeg(LAT0 + y / M_PER_DEG_LAT)];
    },
  };
}
