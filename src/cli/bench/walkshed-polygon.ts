import { area, booleanPointInPolygon } from '@turf/turf';
import { searchFrom, type Search } from '../../domain/engine/dijkstra';
import { travelTimeGrid, walkshedPolygons } from '../../domain/engine/walkshed';
import { BAND_MINUTES, WALK_SPEED_M_PER_MIN, type LonLat } from '../../domain/geo';
import { formatParts, partMisses, timeParts, type Part } from './timing';
import { benchCase } from './task';
import { cycling, ORIGIN_COUNT, originNodes, perDataset, walkData } from './walk-data';

/**
 * One click on the map: the 5/10/15-minute walksheds around a point near the middle of the
 * city, each call at the next origin of a fixed, seeded list (walk-data.ts originNodes). The
 * search (snap + one cut-off Dijkstra) and the polygon (travel-time grid of ~20 m cells +
 * contours) are what WalkEngine.walk does, without the nearest list and reached ways.
 * DESIGN.md splits the budget (search ≤ 1 ms, polygon ≤ 10 ms); the row's budget is their sum
 * and the note times the two stages apart, over the same origins. Ours only.
 */

const SPEED_M_PER_MIN = WALK_SPEED_M_PER_MIN.standard;
const BANDS = [...BAND_MINUTES];
const MAX_MINUTES = Math.max(...BANDS);
const BUDGET_MS = { search: 1, polygon: 10 };

export const walkshedPolygonTasks = perDataset('walkshed-polygon', { maxMs: BUDGET_MS.search + BUDGET_MS.polygon }, async (env, dataset) => {
  const data = await walkData(env, dataset);
  const { graph, snapper } = data;
  const origins = originNodes(data).map((node): LonLat => [graph.nodeLon[node]!, graph.nodeLat[node]!]);
  const cutoffM = MAX_MINUTES * SPEED_M_PER_MIN;
  const search = (k: number) => searchFrom(graph, [{ snap: snapper.snap(origins[k]!)!, label: 0 }], cutoffM);
  const polygon = (k: number, found: Search) => {
    const times = travelTimeGrid(found, SPEED_M_PER_MIN, { origins: [origins[k]!] });
    return times ? walkshedPolygons(times, BANDS) : null;
  };
  const answers = new Map<number, ReturnType<typeof polygon>>();

  const job = benchCase({
    edges: graph.segmentCount,
    size: `${ORIGIN_COUNT} origins in turn, ${BANDS.join('/')} min at ${SPEED_M_PER_MIN} m/min, 20 m cells`,
    ours: cycling(ORIGIN_COUNT, (k) => polygon(k, search(k)), answers),
    peers: {},
    check() {
      const searched = origins.map((_, k) => search(k));
      const parts: Record<string, Part> = {
        search: { run: cycling(ORIGIN_COUNT, search, new Map()), maxMs: BUDGET_MS.search },
        polygon: { run: cycling(ORIGIN_COUNT, (k) => polygon(k, searched[k]!), new Map()), maxMs: BUDGET_MS.polygon },
      };
      const medians = timeParts(parts);
      const circleKm2 = (Math.PI * cutoffM ** 2) / 1e6;
      // Every origin answered while timed: nested bands around the origin, inside the circle.
      const bad: number[] = [];
      const outerKm2: number[] = [];
      for (const [k, walksheds] of answers) {
        const outer = walksheds?.features[BANDS.length - 1];
        const km2 = walksheds ? walksheds.features.map((f) => area(f) / 1e6) : [];
        const ok =
          outer !== undefined &&
          booleanPointInPolygon(origins[k]!, outer) &&
          km2.every((a, j) => a > 0 && (j === 0 || a >= km2[j - 1]!)) &&
          km2[km2.length - 1]! < circleKm2;
        if (!ok) bad.push(k);
        outerKm2.push(km2[km2.length - 1] ?? 0);
      }
      const range = `${Math.min(...outerKm2).toFixed(2)}–${Math.max(...outerKm2).toFixed(2)} km²`;
      return {
        ok: bad.length === 0 && answers.size > 0,
        note:
          `${answers.size} origins: ${MAX_MINUTES}-min walkshed ${range} (circle ${circleKm2.toFixed(2)} km²)` +
          `${bad.length === 0 ? ', bands nested around each origin' : `; origins ${bad.join(', ')}: expected nested bands around the origin, inside the circle`}` +
          `  ·  ${formatParts(parts, medians, !env.quick)}`,
        missed: partMisses(parts, medians),
      };
    },
  });
  return job;
});
