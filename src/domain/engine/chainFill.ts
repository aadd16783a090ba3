import { STEPS_COST_FACTOR, type Chains } from './chains';
import { SEGMENT_STEPS, type WalkGraph } from './graph';
import type { Source } from './dijkstra';

/**
 * Filling in the inner nodes of a chain (chains.ts) after a search over the core nodes:
 * each from the chain's two ends, or along the chain from a source on it, so the result is
 * what a search over every node would give.
 */

/** Where a source sits on its segment's chain: metres and cost from the chain's start. */
export interface OnChain {
  source: Source;
  posM: number;
  costPosM: number;
  /** The source's segment touches the chain's start / end node. */
  atStart: boolean;
  atEnd: boolean;
}

export function onChain(graph: WalkGraph, chains: Chains, source: Source, avoidSteps: boolean): OnChain {
  const { segment, alongM } = source.snap;
  const forward = chains.segmentPosB[segment]! >= chains.segmentPosA[segment]!;
  const factor = avoidSteps && graph.segmentFlags[segment]! & SEGMENT_STEPS ? STEPS_COST_FACTOR : 1;
  const c = chains.segmentChain[segment]!;
  const order = chains.segmentOrder[segment]!;
  return {
    source,
    posM: chains.segmentPosA[segment]! + (forward ? alongM : -alongM),
    costPosM: (avoidSteps ? chains.segmentCostPosA[segment]! : chains.segmentPosA[segment]!) + (forward ? alongM * factor : -alongM * factor),
    atStart: order === 0,
    atEnd: order === chains.segmentsOf[c]! - 1,
  };
}

/** The arrays one search writes, passed to its helpers (no closures: the hot loops stay on locals). */
export interface State {
  graph: WalkGraph;
  chains: Chains;
  distM: Float64Array;
  cost: Float64Array;
  label: Int32Array;
  prevEdge: Int32Array;
  touched: Int32Array;
  touchedCount: number;
  cutoffM: number;
  avoidSteps: boolean;
  /** Sources by chain. */
  byChain: Map<number, OnChain[]>;
}

/** Fills in a chain's inner nodes from its two ends and from any source on it. */
function fillChain(st: State, chain: number, onIt: readonly OnChain[] | undefined): void {
  const { chains, distM, cost, label, prevEdge, touched, cutoffM } = st;
  const first = chains.innerOffsets[chain]!;
  const last = chains.innerOffsets[chain + 1]!;
  const a = chains.start[chain]!;
  const z = chains.end[chain]!;
  const dA = distM[a]!;
  const dZ = distM[z]!;
  const cA = cost[a]!;
  const cZ = cost[z]!;
  const lengthM = chains.lengthM[chain]!;
  const chainCost = st.avoidSteps ? chains.costM[chain]! : lengthM;
  const posOf = chains.posM;
  const costPosOf = st.avoidSteps ? chains.costPosM : chains.posM;
  const { inner, fromStartEdge, fromEndEdge } = chains;
  let count = st.touchedCount;
  for (let i = first; i < last; i++) {
    const x = inner[i]!;
    const pos = posOf[x]!;
    const costPos = costPosOf[x]!;
    let bestCost = Infinity;
    let bestM = Infinity;
    let bestLabel = -1;
    let bestEdge = -1;
    let m = dA + pos;
    if (m <= cutoffM && cA + costPos < bestCost) {
      bestCost = cA + costPos;
      bestM = m;
      bestLabel = label[a]!;
      bestEdge = fromStartEdge[x]!;
    }
    m = dZ + lengthM - pos;
    if (m <= cutoffM && cZ + chainCost - costPos < bestCost) {
      bestCost = cZ + chainCost - costPos;
      bestM = m;
      bestLabel = label[z]!;
      bestEdge = fromEndEdge[x]!;
    }
    if (onIt) {
      for (const at of onIt) {
        const off = at.source.snap.offsetM;
        m = off + Math.abs(pos - at.posM);
        const c = off + Math.abs(costPos - at.costPosM);
        if (m <= cutoffM && c < bestCost) {
          bestCost = c;
          bestM = m;
          bestLabel = at.source.label;
          const seg = at.source.snap.segment;
          const endOfSourceSegment = st.graph.segmentA[seg] === x || st.graph.segmentB[seg] === x;
          bestEdge = endOfSourceSegment ? -1 : pos > at.posM ? fromStartEdge[x]! : fromEndEdge[x]!;
        }
      }
    }
    if (bestM === Infinity) continue;
    touched[count++] = x;
    cost[x] = bestCost;
    distM[x] = bestM;
    label[x] = bestLabel;
    prevEdge[x] = bestEdge;
  }
  st.touchedCount = count;
}

/** Chains already filled in by the current search (stamped with its number). */
let chainStamp = new Uint32Array(0);
let searchNumber = 0;

/**
 * Fills the inner nodes of every chain the search reached, the sources' chains first (with
 * their sources): through the reached core nodes (the first `reachedCore` of st.touched)
 * when few are, else by going over all chains with inner nodes (also when reachedCore is
 * null: nothing lists them).
 */
export function fillReachedChains(st: State, reachedCore: number | null): void {
  const { chains, touched } = st;
  for (const [chain, onIt] of st.byChain) fillChain(st, chain, onIt);
  if (reachedCore === null || reachedCore * 4 >= chains.withInner.length) return fillAllChains(st);
  const { coreChain, coreOffsets, innerOffsets } = chains;
  if (chainStamp.length < chains.count) chainStamp = new Uint32Array(chains.count);
  if (++searchNumber === 0xffffffff) {
    chainStamp.fill(0);
    searchNumber = 1;
  }
  for (const chain of st.byChain.keys()) chainStamp[chain] = searchNumber;
  for (let k = 0; k < reachedCore; k++) {
    const u = touched[k]!;
    const last = coreOffsets[u + 1]!;
    for (let j = coreOffsets[u]!; j < last; j++) {
      const chain = coreChain[j]!;
      if (chainStamp[chain] === searchNumber || innerOffsets[chain] === innerOffsets[chain + 1]) continue;
      chainStamp[chain] = searchNumber;
      fillChain(st, chain, undefined);
    }
  }
}

/** Fills every reached chain's inner nodes except the sources' chains (done first, with their sources). */
function fillAllChains(st: State): void {
  const { chains, distM } = st;
  const { withInner, start, end } = chains;
  for (let i = 0; i < withInner.length; i++) {
    const chain = withInner[i]!;
    if ((distM[start[chain]!] === Infinity && distM[end[chain]!] === Infinity) || st.byChain.has(chain)) continue;
    fillChain(st, chain, undefined);
  }
}
