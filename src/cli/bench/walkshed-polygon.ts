import { area, booleanPointInPolygon } from '@turf/turf';
import { searchFrom } from '../../domain/engine/search';
import { travelTimeGrid, walkshedPolygons } from '../../domain/engine/walkshed';
import { BAND_MINUTES, WALK_SPEED_M_PER_MIN } from '../../domain/geo';
import { formatParts, timeParts, type Part } from './timing';
import { benchCase } from './task';
import { perDataset, walkData } from './walk-data';

/**
 * One click on the map: the 5/10/15-minute walksheds around a point in the middle of the
 * city. The search (snap + one cut-off Dijkstra) and the polygon (travel-time grid of ~20 m
 * cells + contours) are what WalkEngine.walk does, without the nearest list and reached ways.
 * DESIGN.md splits the budget (search ≤ 1 ms, polygon ≤ 10 ms); the row's budget is their sum
 * and the note times the two stages apart. Ours only.
 */

const SPEED_M_PER_MIN = WALK_SPEED_M_PER_MIN.standard;
const BANDS = [...BAND_MINUTES];
const MAX_MINUTES = Math.max(...BANDS);
const BUDGET_MS = { search: 1, polygon: 10 };

export const walkshedPolygonTasks = perDataset('walkshed-polygon', { maxMs: BUDGET_MS.search + BUDGET_MS.polygon }, async (env, dataset) => {
  const { graph, snapper, centre } = await walkData(env, dataset);
  const cutoffM = MAX_MINUTES * SPEED_M_PER_MIN;
  const search = () => searchFrom(graph, [{ snap: snapper.snap(centre)!, label: 0 }], cutoffM);
  const polygon = (found: ReturnType<typeof search>) => {
    const times = travelTimeGrid(found, SPEED_M_PER_MIN, { origins: [centre] });
    return times ? walkshedPolygons(times, BANDS) : null;
  };

  const job = benchCase({
    edges: graph.segmentCount,
    size: `${BANDS.join('/')} min at ${SPEED_M_PER_MIN} m/min, 20 m cells`,
    ours: () => polygon(search()),
    peers: {},
    check(walksheds) {
      const searched = search();
      const parts: Record<string, Part> = {
        search: { run: search, maxMs: BUDGET_MS.search },
        polygon: { run: () => polygon(searched), maxMs: BUDGET_MS.polygon },
      };
      const medians = timeParts(parts);
      const outer = walksheds?.features[BANDS.length - 1];
      const circleKm2 = (Math.PI * cutoffM ** 2) / 1e6;
      const km2 = walksheds ? walksheds.features.map((f) => area(f) / 1e6) : [];
      const ok = outer !== undefined && booleanPointInPolygon(centre, outer) && km2.every((a, k) => a > 0 && (k === 0 || a >= km2[k - 1]!)) && km2[km2.length - 1]! < circleKm2;
      return {
        ok,
        note:
          `${BANDS.map((m, k) => `${m} min ${km2[k]?.toFixed(2) ?? '—'}`).join(', ')} km² (${MAX_MINUTES}-min circle ${circleKm2.toFixed(2)} km²)` +
          `${ok ? '' : ': expected nested bands around the origin, inside the circle'}  ·  ${formatParts(parts, medians, !env.quick)}`,
      };
    },
  });
  return job;
});
