import { q, TOWN, uv, type Uv } from './frame';
import type { PlannedWay } from './compound-layout';
import type { Layout, Line } from './layout';
import { PROMENADE_NAME } from './names';
import { rect, type Rect } from './polygon';

/**
 * The street lines as ways, and the riverside: a promenade on each bank between the
 * bridges, reached from the riverside road by steps. Nothing but a bridge crosses the water.
 */

/** Plan distance from the river centre line to each promenade and riverside road, metres. */
const PROMENADE_OFFSET_M = 56;
/** Riverside green strips run from the road's kerb to just short of the widest bank. */
const GREEN_OUTER_M = 66;
const GREEN_INNER_M = 48;

function lineWay(l: Line): PlannedWay {
  const { dir, at, from, to, ...tags } = l;
  return dir === 'ns' ? { a: uv(at, from), b: uv(at, to), tags } : { a: uv(from, at), b: uv(to, at), tags };
}

export function streetWays(layout: Layout): PlannedWay[] {
  return layout.lines.map(lineWay);
}

/** Promenade stretches between bridges (clear of each bridge by 15 m), as u ranges. */
function promenadeStretches(layout: Layout): Array<[number, number]> {
  const stops = [TOWN.uMin + 5, ...layout.bridgeU.flatMap((u) => [u - 15, u + 15]), TOWN.uMax - 5];
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < stops.length; i += 2) out.push([q(stops[i] ?? 0), q(stops[i + 1] ?? 0)]);
  return out;
}

export function riversideWays(layout: Layout): PlannedWay[] {
  const ways: PlannedWay[] = [];
  const [roadS, roadN] = layout.riverRoadV;
  for (const [vRoad, sign] of [
    [roadS, -1],
    [roadN, 1],
  ] as const) {
    const vWalk = q(layout.riverV + sign * PROMENADE_OFFSET_M);
    for (const [a, b] of promenadeStretches(layout)) {
      ways.push({ a: uv(a, vWalk), b: uv(b, vWalk), tags: { highway: 'footway', name: PROMENADE_NAME } });
      // Steps down from the road at both ends, and about every 350 m between.
      const extra = Math.max(0, Math.round((b - a) / 350) - 1);
      const at = [a, ...Array.from({ length: extra }, (_, k) => q(a + ((b - a) * (k + 1)) / (extra + 1))), b];
      for (const u of at) ways.push({ a: uv(u, vRoad), b: uv(u, vWalk), tags: { highway: 'steps' } });
    }
  }
  return ways;
}

/** Green strips between each riverside road and the water. */
export function riversideGreen(layout: Layout): Rect[] {
  const v = layout.riverV;
  return [rect(TOWN.uMin, v - GREEN_OUTER_M, TOWN.uMax, v - GREEN_INNER_M), rect(TOWN.uMin, v + GREEN_INNER_M, TOWN.uMax, v + GREEN_OUTER_M)];
}

/** A spot in the south riverside green, midway along the longest promenade stretch. */
export function riversideParkSpot(layout: Layout): Uv {
  const [a, b] = promenadeStretches(layout).reduce((best, s) => (s[1] - s[0] > best[1] - best[0] ? s : best));
  return uv((a + b) / 2, layout.riverV - 62);
}
