import type { LonLat } from '../geo';
import { haversineM, type WalkGraph } from './graph';
import { chainsOf, type Chains } from './chains';
import { reached, reachM, reachOf, type Reach } from './distanceAt';
import { searchFrom, type Search, type Source } from './dijkstra';
import type { Snap, Snapper } from './snap';

export interface FacilityPoint {
  id: string;
  category: string;
  point: LonLat;
}

/**
 * Distance fields: per category, one multi-source search from all its facilities gives the
 * metres to the nearest one from every node (labels are indices into `facilities`). Every
 * compound's check is then a lookup, not a search. The fields are asked only `reachOf`, so
 * their searches leave the chains' inner nodes unfilled (coreOnly).
 */
export interface CategoryFields {
  facilities: readonly FacilityPoint[];
  byCategory: Map<string, Search>;
}

export function categoryFields(
  graph: WalkGraph,
  snapper: Snapper,
  facilities: readonly FacilityPoint[],
  cutoffM = Infinity,
  /** The facilities' snaps when the caller has them already (index for index). */
  snaps?: readonly (Snap | null)[],
): CategoryFields {
  const sources = new Map<string, Source[]>();
  facilities.forEach((facility, index) => {
    const list = sources.get(facility.category) ?? [];
    const snap = snaps ? snaps[index] : snapper.snap(facility.point);
    if (snap) list.push({ snap, label: index });
    sources.set(facility.category, list);
  });
  const byCategory = new Map<string, Search>();
  for (const [category, list] of sources) byCategory.set(category, searchFrom(graph, list, cutoffM, { coreOnly: true }));
  return { facilities, byCategory };
}

export interface Nearest {
  facility: FacilityPoint;
  /** Its index in the fields' facilities. */
  index: number;
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
  let bestM = Infinity;
  let bestLabel = -1;
  let bestOrigin = -1;
  for (let originIndex = 0; originIndex < originSnaps.length; originIndex++) {
    const snap = originSnaps[originIndex];
    const walkM = snap ? reachM(search, snap) : null;
    if (walkM !== null && walkM < bestM) {
      bestM = walkM;
      bestLabel = reached.label;
      bestOrigin = originIndex;
    }
  }
  const facility = fields.facilities[bestLabel];
  return facility ? { facility, index: bestLabel, walkM: bestM, originIndex: bestOrigin } : null;
}

/**
 * Points on the network (facility snaps) grouped by the chain of their segment (chains.ts),
 * so that after a short search only the chains it reached are looked at, not every point:
 * the answer to "what can I walk to from here" costs what the search explored.
 */
export class ChainPoints {
  private readonly chains: Chains;
  private readonly offsets: Uint32Array;
  private readonly items: Uint32Array;
  private readonly withPoints: Uint32Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(
    graph: WalkGraph,
    private readonly snaps: readonly (Snap | null)[],
  ) {
    const chains = (this.chains = chainsOf(graph));
    const offsets = new Uint32Array(chains.count + 1);
    for (const snap of snaps) if (snap) offsets[chains.segmentChain[snap.segment]! + 1]!++;
    for (let c = 0; c < chains.count; c++) offsets[c + 1]! += offsets[c]!;
    const fill = offsets.slice(0, chains.count);
    const items = new Uint32Array(offsets[chains.count]!);
    snaps.forEach((snap, i) => {
      if (snap) items[fill[chains.segmentChain[snap.segment]!]!++] = i;
    });
    this.offsets = offsets;
    this.items = items;
    const withPoints: number[] = [];
    for (let c = 0; c < chains.count; c++) if (offsets[c + 1]! > offsets[c]!) withPoints.push(c);
    this.withPoints = Uint32Array.from(withPoints);
    this.stamps = new Uint32Array(chains.count);
  }

  /** Calls visit(point index, reach) for every point the search reaches within its cutoff. */
  reached(search: Search, visit: (index: number, reach: Reach) => void): void {
    const { chains, offsets, stamps, withPoints } = this;
    const { distM } = search;
    if (++this.stamp === 0xffffffff) {
      stamps.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    // A chain is reached through one of its ends, or from a source on it (looked at first).
    for (const source of search.sources) {
      const chain = chains.segmentChain[source.snap.segment]!;
      if (stamps[chain] !== stamp) this.visitChain(search, chain, visit);
    }
    const nodes = search.reachedNodes;
    if (!nodes || nodes.length * 4 > withPoints.length) {
      for (let j = 0; j < withPoints.length; j++) {
        const chain = withPoints[j]!;
        if (stamps[chain] === stamp || (distM[chains.start[chain]!] === Infinity && distM[chains.end[chain]!] === Infinity)) continue;
        this.visitChain(search, chain, visit);
      }
      return;
    }
    for (let j = 0; j < nodes.length; j++) {
      const u = nodes[j]!;
      if (!chains.isCore[u]) {
        const chain = chains.chainOfNode[u]!;
        if (stamps[chain] !== stamp && offsets[chain + 1]! > offsets[chain]!) this.visitChain(search, chain, visit);
        continue;
      }
      for (let k = chains.coreOffsets[u]!; k < chains.coreOffsets[u + 1]!; k++) {
        const chain = chains.coreChain[k]!;
        if (stamps[chain] !== stamp && offsets[chain + 1]! > offsets[chain]!) this.visitChain(search, chain, visit);
      }
    }
  }

  private visitChain(search: Search, chain: number, visit: (index: number, reach: Reach) => void): void {
    this.stamps[chain] = this.stamp;
    for (let k = this.offsets[chain]!; k < this.offsets[chain + 1]!; k++) {
      const i = this.items[k]!;
      const reach = reachOf(search, this.snaps[i]!);
      if (reach) visit(i, reach);
    }
  }
}

/**
 * "Nearest of a category", the one place that answers it (analysis, hall figures, the
 * resident's walk): by walking, a lookup in the category's distance field from the snapped
 * origins; without a walking network, straight-line, which is its fallback strategy and is
 * labelled so by `distance`.
 */
export interface NearestStrategy {
  readonly distance: 'network' | 'straight-line';
  /** The network's distance fields (null straight-line): walksheds around a category start from them. */
  readonly fields: CategoryFields | null;
  /** From these origins (snapped once): the nearest facility of a category, or null when none can be reached. */
  at(origins: readonly LonLat[]): (category: string) => Nearest | null;
}

/** Walking when there is a context (its fields built here unless given), else straight-line. */
export function nearestStrategy(
  ctx: { graph: WalkGraph; snapper: Snapper } | null,
  facilities: readonly FacilityPoint[],
  fields?: CategoryFields,
): NearestStrategy {
  if (ctx) {
    const walked = fields ?? categoryFields(ctx.graph, ctx.snapper, facilities);
    return {
      distance: 'network',
      fields: walked,
      at(origins) {
        const snaps = origins.map((o) => ctx.snapper.snap(o));
        return (category) => nearestOf(walked, category, snaps);
      },
    };
  }
  const byCategory = new Map<string, number[]>();
  facilities.forEach((f, i) => byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), i]));
  return {
    distance: 'straight-line',
    fields: null,
    at(origins) {
      return (category) => {
        const best = nearestByStraightLine(origins, byCategory.get(category) ?? [], (index) => facilities[index]!.point);
        return best && { ...best, facility: facilities[best.index]! };
      };
    },
  };
}

/**
 * The straight-line fallback on its own, for callers that keep their own list of facilities
 * (the planner's what-if, where facilities open and close): the nearest of `candidates`
 * (the caller's indices, placed by `pointOf`) from any origin, or null when there is none.
 */
export function nearestByStraightLine(
  origins: readonly LonLat[],
  candidates: Iterable<number>,
  pointOf: (index: number) => LonLat,
): { index: number; walkM: number; originIndex: number } | null {
  let best: { index: number; walkM: number; originIndex: number } | null = null;
  for (const index of candidates) {
    const [lon, lat] = pointOf(index);
    origins.forEach((o, originIndex) => {
      const walkM = haversineM(o[0], o[1], lon, lat);
      if (walkM < (best?.walkM ?? Infinity)) best = { index, walkM, originIndex };
    });
  }
  return best;
}
