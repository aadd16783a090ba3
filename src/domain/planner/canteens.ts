import { straightLineM } from '../geo';
import { reachOf } from '../engine/distanceAt';
import { searchFrom, type Search } from '../engine/dijkstra';
import type { DistanceState, FacilityEntry, WalkContext } from './distances';
import type { PlannerFacility } from './inputs';
import { CANTEEN_CATEGORY, type CanteenSettings } from './canteenSettings';
import { twoStepFloatingCatchment } from './twoStep';

/**
 * Elder canteens (长者食堂): seats per 100 residents aged 60+ within each canteen's walking
 * catchment, shared between overlapping canteens by the two-step floating catchment method,
 * so that a compound "covered" by an overfull canteen still shows as under-served. No
 * national figure sets a canteen's size (../shared/STANDARDS.md); the catchment and the
 * target are the planner's settings.
 */

export { CANTEEN_CATEGORY, DEFAULT_CANTEEN_SETTINGS, type CanteenSettings } from './canteenSettings';

export interface CanteenFigure {
  facility: PlannerFacility;
  proposed: boolean;
  /** Seats; null when the data gives none (left out of the shares). */
  capacity: number | null;
  compoundsInCatchment: number;
  elderlyInCatchment: number;
  /** Seats per 100 residents aged 60+ in its catchment; null without seats or without anyone in reach. */
  seatsPer100: number | null;
}

export interface CompoundCanteenAccess {
  compoundId: string;
  /** Canteens with known seats within the catchment. */
  reachedBy: number;
  /** Seats per 100 residents aged 60+, shared (2SFCA). */
  seatsPer100: number;
  /** Reached by a canteen, yet below the target. */
  underServed: boolean;
}

export interface CanteenResult {
  settings: CanteenSettings;
  canteens: CanteenFigure[];
  compounds: CompoundCanteenAccess[];
}

/**
 * Catchment searches, one per canteen and catchment distance, computed once and reused by
 * every what-if, and the compounds within each: re-checked only for compounds whose origins
 * changed since (a new gate), so a what-if does not look up every compound for every canteen.
 */
export class CatchmentCache {
  private readonly searches = new Map<number, WeakMap<PlannerFacility, Search | null>>();
  private readonly members = new Map<number, WeakMap<PlannerFacility, Members>>();
  constructor(private readonly ctx: WalkContext | null) {}

  search(entry: FacilityEntry, cutoffM: number): Search | null {
    if (!this.ctx || !entry.snap) return null;
    let byFacility = this.searches.get(cutoffM);
    if (!byFacility) this.searches.set(cutoffM, (byFacility = new WeakMap()));
    let found = byFacility.get(entry.facility);
    if (found === undefined) {
      found = searchFrom(this.ctx.graph, [{ snap: entry.snap, label: 0 }], cutoffM, { coreOnly: true });
      byFacility.set(entry.facility, found);
    }
    return found;
  }

  /** Indices of the compounds of `state` within `cutoffM` walking metres of the canteen (straight-line without a network), ascending. */
  within(entry: FacilityEntry, cutoffM: number, state: Pick<DistanceState, 'compounds' | 'originSnaps'>, network: boolean): number[] {
    let byFacility = this.members.get(cutoffM);
    if (!byFacility) this.members.set(cutoffM, (byFacility = new WeakMap()));
    const known = byFacility.get(entry.facility);
    // A compound's origins (and their snaps) are new objects exactly when a what-if changed them.
    const keys: readonly unknown[] = network ? state.originSnaps : state.compounds;
    if (known?.keys === keys) return known.indices;
    const search = network ? this.search(entry, cutoffM) : null;
    const point = entry.facility.point;
    const nearM = straightLineBoundM(cutoffM);
    const inside = (i: number): boolean => {
      let walkM = Infinity;
      if (search) {
        if (straightLineM(point, state.compounds[i]!.origins) > nearM) return false;
        for (const snap of state.originSnaps[i]!) {
          const reach = snap && reachOf(search, snap);
          if (reach) walkM = Math.min(walkM, reach.walkM);
        }
      } else if (!network) {
        walkM = straightLineM(point, state.compounds[i]!.origins);
      }
      return walkM <= cutoffM;
    };
    const flags = new Uint8Array(keys.length);
    if (known && known.keys.length === keys.length) {
      for (const i of known.indices) flags[i] = 1;
      for (let i = 0; i < keys.length; i++) if (known.keys[i] !== keys[i]) flags[i] = inside(i) ? 1 : 0;
    } else {
      for (let i = 0; i < keys.length; i++) flags[i] = inside(i) ? 1 : 0;
    }
    const indices: number[] = [];
    flags.forEach((f, i) => f && indices.push(i));
    byFacility.set(entry.facility, { keys, indices });
    return indices;
  }
}

/**
 * A walk is never shorter than the straight line: its legs (the snaps, the segments) are each
 * measured along the sphere, and a snap's point along its segment to within a rounding this
 * margin covers. So a new canteen's catchment looks up in its search only the compounds with
 * a gate this near, not all of a city's 5,000.
 */
const straightLineBoundM = (cutoffM: number) => cutoffM * 1.01 + 1;

interface Members {
  /** The per-compound origin snaps (or compounds) the indices were found for. */
  keys: readonly unknown[];
  indices: number[];
}

export function canteenAccess(state: DistanceState, cache: CatchmentCache, settings: CanteenSettings, network: boolean): CanteenResult {
  const { catchmentM } = settings;
  const entries = state.facilities.filter((e) => e.open && e.facility.category === CANTEEN_CATEGORY);
  const withSeats = entries.filter((e) => e.facility.capacity !== undefined);
  const links: { supply: number; demand: number }[] = [];
  const inReach = entries.map((entry) => cache.within(entry, catchmentM, state, network));
  entries.forEach((entry, j) => {
    const supply = withSeats.indexOf(entry);
    if (supply >= 0) for (const demand of inReach[j]!) links.push({ supply, demand });
  });
  const supplies = withSeats.map((e) => ({ id: e.facility.id, capacity: e.facility.capacity! }));
  const demands = state.compounds.map((c) => ({ id: c.id, population: c.elderly60 }));
  const result = twoStepFloatingCatchment(supplies, demands, links);
  const canteens = entries.map((entry, j): CanteenFigure => {
    const supply = withSeats.indexOf(entry);
    const members = inReach[j]!;
    const elderly = members.reduce((sum, i) => sum + state.compounds[i]!.elderly60, 0);
    const ratio = supply >= 0 ? result.ratio[supply]! : null;
    return {
      facility: entry.facility,
      proposed: entry.proposed,
      capacity: entry.facility.capacity ?? null,
      compoundsInCatchment: members.length,
      elderlyInCatchment: elderly,
      seatsPer100: ratio === null ? null : ratio * 100,
    };
  });
  const compounds = state.compounds.map((c, i): CompoundCanteenAccess => {
    const seatsPer100 = result.access[i]! * 100;
    const reachedBy = result.reachedBy[i]!;
    return { compoundId: c.id, reachedBy, seatsPer100, underServed: reachedBy > 0 && seatsPer100 < settings.targetSeatsPer100 };
  });
  return { settings, canteens, compounds };
}
