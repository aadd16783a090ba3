import { STEPS_COST_FACTOR } from './chains';
import { SEGMENT_STEPS } from './graph';
import type { Search } from './dijkstra';
import type { Snap } from './snap';

/**
 * Reading a search at a point on the network: how far the nearest source is, from which
 * source and through which end of the point's segment. Works on every kind of search
 * (filled, coreOnly, avoiding steps).
 */

export interface Reach {
  /** Metres walked from the nearest source to the target point, both snap legs included. */
  walkM: number;
  /** Label of that source. */
  label: number;
  /** How the target's segment was entered: from node A, node B, or along it from a source on it. */
  via: 'A' | 'B' | 'same-segment';
}

/** What the last reachM / metresAt found besides the metres (module state: no object per lookup). */
export const reached: { label: number; via: Reach['via'] } = { label: -1, via: 'A' };

/** The shortest walk from the search's sources to a snapped point; null when unreachable. */
export function reachOf(search: Search, target: Snap): Reach | null {
  const walkM = reachM(search, target);
  return walkM === null ? null : { walkM, label: reached.label, via: reached.via };
}

/**
 * reachOf for hot loops (every compound × category of an analysis): the metres only, or
 * null; the label and the way in are left in `reached` until the next call.
 */
export function reachM(search: Search, target: Snap): number | null {
  const metres = metresAt(search, target.segment, target.alongM, search.cutoffM - target.offsetM);
  if (metres === Infinity) return null;
  const walkM = metres + target.offsetM;
  return walkM <= search.cutoffM ? walkM : null;
}

/**
 * Network metres from the nearest source to the point `alongM` metres along segment s from
 * its node A, entering through A, through B or along the segment from a source on it
 * (Infinity when none reaches it); `reached` says which. With avoidSteps the way in is the
 * least costly of those within `limitM` metres, as the search chose its ways; otherwise the
 * shortest.
 */
export function metresAt(search: Search, s: number, alongM: number, limitM = Infinity): number {
  const { graph, distM, label, coreOnly, cost } = search;
  const a = graph.segmentA[s]!;
  const b = graph.segmentB[s]!;
  const toB = graph.segmentLengthM[s]! - alongM;
  let fromA: number;
  let labelA: number;
  let fromB: number;
  let labelB: number;
  if (coreOnly && !(coreOnly.chains.isCore[a] && coreOnly.chains.isCore[b])) {
    fromA = innerReach(search, coreOnly, a);
    labelA = innerLabel;
    fromB = innerReach(search, coreOnly, b);
    labelB = innerLabel;
  } else {
    fromA = distM[a]!;
    labelA = label[a]!;
    fromB = distM[b]!;
    labelB = label[b]!;
  }
  const onSegment = search.bySegment.size > 0 ? search.bySegment.get(s) : undefined;
  // Without steps to avoid, the cost of a way in is its length.
  const factor = cost && graph.segmentFlags[s]! & SEGMENT_STEPS ? STEPS_COST_FACTOR : 1;
  const limit = cost ? limitM : Infinity;
  let bestCost = Infinity;
  let bestM = Infinity;
  let bestLabel = -1;
  let via: Reach['via'] = 'A';
  let metres = fromA + alongM;
  let c = cost ? cost[a]! + alongM * factor : metres;
  if (c < bestCost && metres <= limit) {
    bestCost = c;
    bestM = metres;
    bestLabel = labelA;
  }
  metres = fromB + toB;
  c = cost ? cost[b]! + toB * factor : metres;
  if (c < bestCost && metres <= limit) {
    bestCost = c;
    bestM = metres;
    bestLabel = labelB;
    via = 'B';
  }
  if (onSegment) {
    for (const source of onSegment) {
      const along = Math.abs(source.snap.alongM - alongM);
      metres = source.snap.offsetM + along;
      c = source.snap.offsetM + along * factor;
      if (c < bestCost && metres <= limit) {
        bestCost = c;
        bestM = metres;
        bestLabel = source.label;
        via = 'same-segment';
      }
    }
  }
  reached.label = bestLabel;
  reached.via = via;
  return bestM;
}

/** The label that goes with innerReach's answer (a module variable: no object per call). */
let innerLabel = -1;

/** Metres to a node of a coreOnly search: stored for a core node, from its chain's ends (and sources on it) for an inner one. */
function innerReach(search: Search, coreOnly: NonNullable<Search['coreOnly']>, x: number): number {
  const { chains, byChain } = coreOnly;
  const { distM, label } = search;
  if (chains.isCore[x]) {
    innerLabel = label[x]!;
    return distM[x]!;
  }
  const chain = chains.chainOfNode[x]!;
  const pos = chains.posM[x]!;
  const a = chains.start[chain]!;
  const z = chains.end[chain]!;
  let best = distM[a]! + pos;
  innerLabel = label[a]!;
  const fromEnd = distM[z]! + chains.lengthM[chain]! - pos;
  if (fromEnd < best) {
    best = fromEnd;
    innerLabel = label[z]!;
  }
  const onIt = byChain.size > 0 ? byChain.get(chain) : undefined;
  if (onIt) {
    for (const at of onIt) {
      const direct = at.source.snap.offsetM + Math.abs(pos - at.posM);
      if (direct < best) {
        best = direct;
        innerLabel = at.source.label;
      }
    }
  }
  if (best > search.cutoffM) {
    innerLabel = -1;
    return Infinity;
  }
  return best;
}
