import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { Rng } from '../../data/sample/prng';
import type { LonLat } from '../../domain/geo';
import { pointsInPolygons, type AreaGeometry } from '../../domain/pointsInPolygons';
import { CITY_CENTRE, CITY_SEED, localProjection } from './city';
import { benchCase, type BenchTask } from './task';

/**
 * Which compound each of 10,000 points (residents, requests, volunteers) lies in, among
 * 1,000 compound-like polygons (irregular, some with a courtyard hole, some in two parts)
 * over a ~10 km city. Ours: flatbush + flat ray casting (src/domain/pointsInPolygons.ts);
 * the peer: turf.booleanPointInPolygon in a double loop, first match, as a careful user writes
 * it: each polygon's turf.bbox worked out once, and a point tested only against the polygons
 * whose box holds it.
 */

/** Side of the square the full-size data covers; smaller runs keep the same density. */
const SPREAD_M = 10_000;
const FULL_POLYGONS = 1_000;

interface PipData {
  points: LonLat[];
  polygons: AreaGeometry[];
}

export function pipData(pointCount: number, polygonCount: number): PipData {
  const rng = new Rng(CITY_SEED).fork('points-in-polygons');
  const toLonLat = localProjection(CITY_CENTRE);
  const half = (SPREAD_M / 2) * Math.sqrt(polygonCount / FULL_POLYGONS);
  /** A closed star-shaped ring around (x, y) metres, radius r·[0.55, 1]. */
  const ring = (xM: number, yM: number, rM: number, vertices: number, clockwise: boolean): Position[] => {
    const out: Position[] = [];
    for (let k = 0; k < vertices; k++) {
      const a = ((clockwise ? -k : k) / vertices) * 2 * Math.PI;
      const r = rM * rng.range(0.55, 1);
      out.push(toLonLat(xM + r * Math.cos(a), yM + r * Math.sin(a)));
    }
    out.push([...out[0]!]);
    return out;
  };
  const polygons = Array.from({ length: polygonCount }, (): AreaGeometry => {
    const xM = rng.range(-half, half);
    const yM = rng.range(-half, half);
    const rM = rng.range(60, 250);
    const outer = ring(xM, yM, rM, rng.int(6, 30), false);
    const rings = rng.chance(0.3) ? [outer, ring(xM, yM, rM * 0.4, rng.int(4, 10), true)] : [outer];
    if (!rng.chance(0.1)) return { type: 'Polygon', coordinates: rings };
    const annex = ring(xM + rM * 2.2, yM + rng.range(-rM, rM), rM * 0.6, rng.int(5, 12), false);
    return { type: 'MultiPolygon', coordinates: [rings, [annex]] };
  });
  const points = Array.from({ length: pointCount }, () => toLonLat(rng.range(-half, half), rng.range(-half, half)) as LonLat);
  return { points, polygons };
}

export const pointsInPolygonsTask: BenchTask = {
  name: 'points-in-polygons',
  dataset: 'synthetic',
  budget: { maxMs: 50, minRatio: { 'turf.booleanPointInPolygon': 20 } },
  setup(env) {
    const { points, polygons } = env.quick ? pipData(2_000, 200) : pipData(10_000, FULL_POLYGONS);
    const fmt = (n: number) => n.toLocaleString('en-US');
    return benchCase({
      edges: null,
      size: `${fmt(points.length)} points × ${fmt(polygons.length)} polygons`,
      ours: () => pointsInPolygons(points, polygons),
      peers: {
        'turf.booleanPointInPolygon': () => {
          const boxes = polygons.map((polygon) => bbox(polygon));
          const found = new Int32Array(points.length).fill(-1);
          points.forEach((point, i) => {
            const [x, y] = point;
            for (let j = 0; j < polygons.length; j++) {
              const [w, s, e, n] = boxes[j]!;
              if (x < w || x > e || y < s || y > n) continue;
              if (booleanPointInPolygon(point, polygons[j]!)) {
                found[i] = j;
                break;
              }
            }
          });
          return found;
        },
      },
      check(ours, peers) {
        const theirs = peers['turf.booleanPointInPolygon']!;
        let differ = 0;
        let inside = 0;
        for (let i = 0; i < ours.length; i++) {
          if (ours[i] !== theirs[i]) differ++;
          if (ours[i]! >= 0) inside++;
        }
        return {
          ok: differ === 0 && ours.length === theirs.length,
          note:
            differ === 0
              ? `all ${fmt(ours.length)} answers agree with turf (${fmt(inside)} inside a polygon)`
              : `${fmt(differ)} of ${fmt(ours.length)} answers differ from turf`,
        };
      },
    });
  },
};
