import { SEGMENT_STEPS, type WalkGraph } from './graph';

/** How much longer than walking on the flat a flight of steps feels when avoiding steps. */
export const STEPS_COST_FACTOR = 50;

/**
 * The graph with its chains of degree-2 nodes contracted, for searching. Most nodes of a
 * street network only carry a way's shape (73 % of Wuhan's, 29 % of the synthetic city's):
 * a search need not queue them, because the only ways into such a node are from the two ends
 * of its chain (or along it, from a source on it). So the search runs on the core nodes
 * (degree ≠ 2, plus one node per closed ring) joined by one edge per chain, and then fills in
 * each reached chain's inner nodes from its two ends (see dijkstra.ts). Every segment belongs
 * to exactly one chain; a segment between two core nodes is a chain without inner nodes.
 *
 * Positions along a chain are metres from its start node; "cost" positions weigh steps by
 * STEPS_COST_FACTOR for the elder profile.
 */
export interface Chains {
  count: number;
  start: Uint32Array;
  end: Uint32Array;
  lengthM: Float64Array;
  costM: Float64Array;
  /** Inner nodes of chain c, start to end: inner[innerOffsets[c] .. innerOffsets[c + 1] - 1]. */
  innerOffsets: Uint32Array;
  inner: Uint32Array;
  /** Per inner node: its chain (-1 for core nodes). */
  chainOfNode: Int32Array;
  /** Per node: metres (and cost) from its chain's start; meaningful for inner nodes only. */
  posM: Float64Array;
  costPosM: Float64Array;
  /** Per inner node: the directed edge entering it from the start side, and from the end side. */
  fromStartEdge: Int32Array;
  fromEndEdge: Int32Array;
  /** Per chain: the directed edge entering its end node along it, and entering its start node along it. */
  endEnterEdge: Int32Array;
  startEnterEdge: Int32Array;
  /** Per segment: its chain, its place in it (0 = at the start) and the positions of its nodes A and B. */
  segmentChain: Uint32Array;
  segmentOrder: Uint32Array;
  segmentPosA: Float64Array;
  segmentPosB: Float64Array;
  segmentCostPosA: Float64Array;
  segmentCostPosB: Float64Array;
  /** The chains that have inner nodes. */
  withInner: Uint32Array;
  /** Segments per chain (inner nodes + 1). */
  segmentsOf: Uint32Array;
  /** Core adjacency, indexed by node (inner nodes have none): edge k goes to coreTarget[k]. */
  coreOffsets: Uint32Array;
  coreTarget: Uint32Array;
  coreLengthM: Float64Array;
  coreCostM: Float64Array;
  coreChain: Uint32Array;
  /** The flat directed edge by which coreTarget[k] is entered at the end of that chain. */
  coreEnterEdge: Int32Array;
  isCore: Uint8Array;
}

const cache = new WeakMap<WalkGraph, Chains>();

/** The graph's chains, built once per graph (about as long as a search of the whole graph). */
export function chainsOf(graph: WalkGraph): Chains {
  let chains = cache.get(graph);
  if (!chains) cache.set(graph, (chains = contract(graph)));
  return chains;
}

/** Sets a graph's chains from a prebuilt copy (graphBinary.ts), so they are not built again. */
export function primeChains(graph: WalkGraph, chains: Chains): void {
  cache.set(graph, chains);
}

/** Builds the chains of a graph (uncached; chainsOf caches). */
export function contract(graph: WalkGraph): Chains {
  const { nodeCount, segmentCount, offsets, targets, edgeLengthM, edgeSegment, segmentFlags } = graph;
  const degree = (n: number) => offsets[n + 1]! - offsets[n]!;
  const isCore = new Uint8Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) if (degree(n) !== 2) isCore[n] = 1;

  const UNSET = 0xffffffff;
  const segmentChain = new Uint32Array(segmentCount).fill(UNSET);
  const segmentOrder = new Uint32Array(segmentCount);
  const segmentPosA = new Float64Array(segmentCount);
  const segmentPosB = new Float64Array(segmentCount);
  const segmentCostPosA = new Float64Array(segmentCount);
  const segmentCostPosB = new Float64Array(segmentCount);
  const posM = new Float64Array(nodeCount);
  const costPosM = new Float64Array(nodeCount);
  const fromStartEdge = new Int32Array(nodeCount).fill(-1);
  const fromEndEdge = new Int32Array(nodeCount).fill(-1);
  const chainOfNode = new Int32Array(nodeCount).fill(-1);
  // At most one chain per segment, at most every node inside one.
  const start = new Uint32Array(segmentCount);
  const end = new Uint32Array(segmentCount);
  const lengthM = new Float64Array(segmentCount);
  const costM = new Float64Array(segmentCount);
  const innerOffsets = new Uint32Array(segmentCount + 1);
  const inner = new Uint32Array(nodeCount);
  const endEnterEdge = new Int32Array(segmentCount);
  const startEnterEdge = new Int32Array(segmentCount);
  const segmentsOf = new Uint32Array(segmentCount);
  let count = 0;
  let innerCount = 0;

  /** The directed edge opposite to e (same segment, the other way). */
  const reverse = (e: number, from: number): number => {
    const s = edgeSegment[e]!;
    const to = targets[e]!;
    for (let k = offsets[to]!; k < offsets[to + 1]!; k++) if (edgeSegment[k] === s && targets[k] === from) return k;
    throw new Error(`edge ${e} has no reverse`);
  };

  /** Walks one chain from core node u along edge e to the next core node. */
  const walk = (u: number, e: number) => {
    const c = count;
    let prev = u;
    let edge = e;
    let pos = 0;
    let costPos = 0;
    let order = 0;
    for (;;) {
      const s = edgeSegment[edge]!;
      const cur = targets[edge]!;
      const len = edgeLengthM[edge]!;
      const segCost = segmentFlags[s]! & SEGMENT_STEPS ? len * STEPS_COST_FACTOR : len;
      segmentChain[s] = c;
      segmentOrder[s] = order++;
      const prevIsA = graph.segmentA[s] === prev;
      segmentPosA[s] = prevIsA ? pos : pos + len;
      segmentPosB[s] = prevIsA ? pos + len : pos;
      segmentCostPosA[s] = prevIsA ? costPos : costPos + segCost;
      segmentCostPosB[s] = prevIsA ? costPos + segCost : costPos;
      pos += len;
      costPos += segCost;
      if (isCore[cur]) {
        start[c] = u;
        end[c] = cur;
        lengthM[c] = pos;
        costM[c] = costPos;
        endEnterEdge[c] = edge;
        startEnterEdge[c] = reverse(e, u);
        segmentsOf[c] = order;
        innerOffsets[c + 1] = innerCount;
        count++;
        return;
      }
      inner[innerCount++] = cur;
      chainOfNode[cur] = c;
      posM[cur] = pos;
      costPosM[cur] = costPos;
      fromStartEdge[cur] = edge;
      // The other edge of a degree-2 node (segments are distinct, so its two neighbours are).
      let nextEdge = offsets[cur]!;
      if (edgeSegment[nextEdge] === s) nextEdge++;
      fromEndEdge[cur] = reverse(nextEdge, cur);
      prev = cur;
      edge = nextEdge;
    }
  };

  const walkAll = (u: number) => {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) if (segmentChain[edgeSegment[e]!] === UNSET) walk(u, e);
  };
  for (let u = 0; u < nodeCount; u++) if (isCore[u]) walkAll(u);
  // Closed rings of degree-2 nodes only: one of their nodes becomes core.
  for (let n = 0; n < nodeCount; n++) {
    if (!isCore[n] && chainOfNode[n]! < 0) {
      isCore[n] = 1;
      walkAll(n);
    }
  }

  const coreOffsets = new Uint32Array(nodeCount + 1);
  for (let c = 0; c < count; c++) {
    coreOffsets[start[c]! + 1]!++;
    coreOffsets[end[c]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) coreOffsets[n + 1]! += coreOffsets[n]!;
  const fill = coreOffsets.slice(0, nodeCount);
  const coreTarget = new Uint32Array(2 * count);
  const coreLengthM = new Float64Array(2 * count);
  const coreCostM = new Float64Array(2 * count);
  const coreChain = new Uint32Array(2 * count);
  const coreEnterEdge = new Int32Array(2 * count);
  for (let c = 0; c < count; c++) {
    let k = fill[start[c]!]!++;
    coreTarget[k] = end[c]!;
    coreLengthM[k] = lengthM[c]!;
    coreCostM[k] = costM[c]!;
    coreChain[k] = c;
    coreEnterEdge[k] = endEnterEdge[c]!;
    k = fill[end[c]!]!++;
    coreTarget[k] = start[c]!;
    coreLengthM[k] = lengthM[c]!;
    coreCostM[k] = costM[c]!;
    coreChain[k] = c;
    coreEnterEdge[k] = startEnterEdge[c]!;
  }

  const withInner: number[] = [];
  for (let c = 0; c < count; c++) if (innerOffsets[c + 1]! > innerOffsets[c]!) withInner.push(c);

  return {
    count,
    withInner: Uint32Array.from(withInner),
    start: start.slice(0, count),
    end: end.slice(0, count),
    lengthM: lengthM.slice(0, count),
    costM: costM.slice(0, count),
    innerOffsets: innerOffsets.slice(0, count + 1),
    inner: inner.slice(0, innerCount),
    chainOfNode,
    posM,
    costPosM,
    fromStartEdge,
    fromEndEdge,
    endEnterEdge: endEnterEdge.slice(0, count),
    startEnterEdge: startEnterEdge.slice(0, count),
    segmentChain,
    segmentOrder,
    segmentPosA,
    segmentPosB,
    segmentCostPosA,
    segmentCostPosB,
    segmentsOf: segmentsOf.slice(0, count),
    coreOffsets,
    coreTarget,
    coreLengthM,
    coreCostM,
    coreChain,
    coreEnterEdge,
    isCore,
  };
}
