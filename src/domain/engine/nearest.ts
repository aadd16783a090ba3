import type { LonLat } from '../geo';
import type { WalkGraph } from './graph';
import { reachOf, searchFrom, type Search, type Source } from './search';
import type { Snap, Snapper } from './snap';

export interface FacilityPoint {
  id: string;
  category: string;
  point: LonLat;
}

/**
 * Distance fields: per category, one multi-source search from all its facilities gives the
 * metres to the nearest one from every node (labels are indices into `facilities`). Every
 * compound's check is then a lookup, not a search.
 */
export interface CategoryFields {
  facilities: readonly FacilityPoint[];
  byCategory: Map<string, Search>;
}

export function categoryFields(graph: WalkGraph, snapper: Snapper, facilities: readonly FacilityPoint[], cutoffM = Infinity): CategoryFields {
  const sources = new Map<string, Source[]>();
  facilities.forEach((facility, index) => {
    const list = sources.get(facility.category) ?? [];
    const snap = snapper.snap(facility.point);
    if (snap) list.push({ snap, label: index });
    sources.set(facility.category, list);
  });
  const byCategory = new Map<string, Search>();
  for (const [category, list] of sources) byCategory.set(category, searchFrom(graph, list, cutoffM));
  return { facilities, byCategory };
}

export interface Nearest {
  facility: FacilityPoint;
  /** Network metres, both snap legs included. */
  walkM: number;
  /** Which of the origins the walk starts from. */
  originIndex: number;
}

/**
 * The nearest facility of one category by walking from any of the origins (already snapped,
 * null where an origin could not be); null when none is reachable.
 */
export function nearestOf(fields: CategoryFields, category: string, originSnaps: readonly (Snap | null)[]): Nearest | null {
  const search = fields.byCategory.get(category);
  if (!search) return null;
  let best: Nearest | null = null;
  originSnaps.forEach((snap, originIndex) => {
    const reach = snap && reachOf(search, snap);
    const facility = reach ? fields.facilities[reach.label] : undefined;
    if (reach && facility && reach.walkM < (best?.walkM ?? Infinity)) best = { facility, walkM: reach.walkM, originIndex };
  });
  return best;
}
