import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/sample/prng';
import { reachOf } from '../../src/domain/engine/distanceAt';
import { searchFrom } from '../../src/domain/engine/dijkstra';
import type { LonLat } from '../../src/domain/geo';
import { CatchmentCache } from '../../src/domain/planner/canteens';
import type { DistanceState, FacilityEntry } from '../../src/domain/planner/distances';
import type { PlannerModel } from '../../src/domain/planner/model';
import { samplePlannerModel } from './planner-fixtures';

/** Every compound with a gate within `cutoffM` walking metres of the canteen, looked up one by one (no straight-line shortcut). */
function everyCompoundWithin(model: PlannerModel, state: DistanceState, entry: FacilityEntry, cutoffM: number): number[] {
  const search = searchFrom(model.ctx!.graph, [{ snap: entry.snap!, label: 0 }], cutoffM, { coreOnly: true });
  const indices: number[] = [];
  state.originSnaps.forEach((snaps, i) => {
    if (snaps.some((snap) => snap && (reachOf(search, snap)?.walkM ?? Infinity) <= cutoffM)) indices.push(i);
  });
  return indices;
}

describe("a new canteen's catchment on the sample dataset", () => {
  let model: PlannerModel;
  beforeAll(async () => {
    model = await samplePlannerModel();
  });

  it('holds exactly the compounds a lookup of every compound finds, for canteens anywhere, at three catchments', () => {
    const rng = new Rng(11);
    const { compounds } = model.inputs;
    const state = model.baseline;
    let found = 0;
    for (let k = 0; k < 150; k++) {
      // Near a gate (the catchment holds compounds) or anywhere over the area (often none).
      const anchor = rng.pick(compounds).origins[0]!;
      const spread = k % 3 === 0 ? 0.02 : 0.003;
      const point: LonLat = [anchor[0] + rng.range(-spread, spread), anchor[1] + rng.range(-spread, spread)];
      const facility = { id: `c-${k}`, category: 'canteen', point, capacity: 40 };
      const entry: FacilityEntry = { facility, snap: model.ctx!.snapper.snap(point), open: true, proposed: true };
      for (const cutoffM of [300, 500, 1000]) {
        const within = new CatchmentCache(model.ctx).within(entry, cutoffM, state, true);
        expect(within, `canteen ${k} at ${point.join(', ')}, ${cutoffM} m`).toEqual(everyCompoundWithin(model, state, entry, cutoffM));
        found += within.length;
      }
    }
    // Most catchments hold compounds: the comparison is not between empty lists.
    expect(found).toBeGreaterThan(1000);
  });
});
