import { SEGMENT_STEPS, type WalkGraph } from './graph';
import { MinHeap } from './heap';
import type { Snap } from './snap';

/** A place the search starts from, snapped to the network, with a caller's label (e.g. a facility index). */
export interface Source {
  snap: Snap;
  label: number;
}

/** The result of a multi-source search: metres to every node from its nearest source. */
export interface Search {
  graph: WalkGraph;
  /** Metres from the nearest source (snap leg included); Infinity when beyond the cutoff or unreachable. */
  distM: Float64Array;
  /** Label of the source that reached each node first; -1 when not reached. */
  label: Int32Array;
  /** The directed edge each node was reached by; -1 at a source's own segment ends and unreached nodes. */
  prevEdge: Int32Array;
  cutoffM: number;
  sources: readonly Source[];
  /** Sources by segment, so a target on a source's own segment can be reached along it directly. */
  bySegment: Map<number, Source[]>;
}

const heap = new MinHeap(4096);

function sourcesBySegment(sources: readonly Source[]): Map<number, Source[]> {
  const bySegment = new Map<number, Source[]>();
  for (const source of sources) {
    const list = bySegment.get(source.snap.segment);
    if (list) list.push(source);
    else bySegment.set(source.snap.segment, [source]);
  }
  return bySegment;
}

export interface SearchOptions {
  /**
   * Avoid steps where another way exists (elder profile): a flight of steps counts as
   * STEPS_COST_FACTOR times its length when choosing the way, but distances stay real metres.
   */
  avoidSteps?: boolean;
}

/** How much longer than walking on the flat a flight of steps feels when avoiding steps. */
export const STEPS_COST_FACTOR = 50;

/**
 * Multi-source Dijkstra with a distance cutoff on the CSR graph (binary heap, lazy deletion).
 * Each source enters at both ends of its segment, already carrying its snap leg.
 */
export function searchFrom(graph: WalkGraph, sources: readonly Source[], cutoffM = Infinity, options: SearchOptions = {}): Search {
  if (options.avoidSteps) return searchAvoidingSteps(graph, sources, cutoffM);
  const n = graph.nodeCount;
  const distM = new Float64Array(n).fill(Infinity);
  const label = new Int32Array(n).fill(-1);
  const prevEdge = new Int32Array(n).fill(-1);
  const bySegment = sourcesBySegment(sources);
  heap.clear();
  const seed = (node: number, d: number, l: number) => {
    if (d < distM[node]! && d <= cutoffM) {
      distM[node] = d;
      label[node] = l;
      heap.push(node, d);
    }
  };
  for (const source of sources) {
    const { segment, alongM, offsetM } = source.snap;
    seed(graph.segmentA[segment]!, offsetM + alongM, source.label);
    seed(graph.segmentB[segment]!, offsetM + graph.segmentLengthM[segment]! - alongM, source.label);
  }
  const { offsets, targets, edgeLengthM } = graph;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const u = heap.pop();
    if (d > distM[u]!) continue;
    const l = label[u]!;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const v = targets[e]!;
      const nd = d + edgeLengthM[e]!;
      if (nd < distM[v]! && nd <= cutoffM) {
        distM[v] = nd;
        label[v] = l;
        prevEdge[v] = e;
        heap.push(v, nd);
      }
    }
  }
  return { graph, distM, label, prevEdge, cutoffM, sources, bySegment };
}

/**
 * The same search ordered by a cost that makes steps expensive; `distM` holds the real metres
 * along the chosen (least-cost) ways, and the cutoff applies to those metres.
 */
function searchAvoidingSteps(graph: WalkGraph, sources: readonly Source[], cutoffM: number): Search {
  const n = graph.nodeCount;
  const distM = new Float64Array(n).fill(Infinity);
  const cost = new Float64Array(n).fill(Infinity);
  const label = new Int32Array(n).fill(-1);
  const prevEdge = new Int32Array(n).fill(-1);
  const bySegment = sourcesBySegment(sources);
  heap.clear();
  const seed = (node: number, metres: number, c: number, l: number) => {
    if (c < cost[node]! && metres <= cutoffM) {
      cost[node] = c;
      distM[node] = metres;
      label[node] = l;
      heap.push(node, c);
    }
  };
  for (const source of sources) {
    const { segment, alongM, offsetM } = source.snap;
    const factor = graph.segmentFlags[segment]! & SEGMENT_STEPS ? STEPS_COST_FACTOR : 1;
    const toB = graph.segmentLengthM[segment]! - alongM;
    seed(graph.segmentA[segment]!, offsetM + alongM, offsetM + alongM * factor, source.label);
    seed(graph.segmentB[segment]!, offsetM + toB, offsetM + toB * factor, source.label);
  }
  const { offsets, targets, edgeLengthM, edgeSegment, segmentFlags } = graph;
  while (heap.size > 0) {
    const c = heap.peekKey();
    const u = heap.pop();
    if (c > cost[u]!) continue;
    const l = label[u]!;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const v = targets[e]!;
      const len = edgeLengthM[e]!;
      const metres = distM[u]! + len;
      if (metres > cutoffM) continue;
      const nc = c + (segmentFlags[edgeSegment[e]!]! & SEGMENT_STEPS ? len * STEPS_COST_FACTOR : len);
      if (nc < cost[v]!) {
        cost[v] = nc;
        distM[v] = metres;
        label[v] = l;
        prevEdge[v] = e;
        heap.push(v, nc);
      }
    }
  }
  return { graph, distM, label, prevEdge, cutoffM, sources, bySegment };
}

export interface Reach {
  /** Metres walked from the nearest source to the target point, both snap legs included. */
  walkM: number;
  /** Label of that source. */
  label: number;
  /** How the target's segment was entered: from node A, node B, or along it from a source on it. */
  via: 'A' | 'B' | 'same-segment';
}

/** The shortest walk from the search's sources to a snapped point; null when unreachable. */
export function reachOf(search: Search, target: Snap): Reach | null {
  const { graph, distM, label } = search;
  const s = target.segment;
  const a = graph.segmentA[s]!;
  const b = graph.segmentB[s]!;
  let best: Reach | null = null;
  const viaA = distM[a]! + target.alongM;
  if (viaA < Infinity) best = { walkM: viaA, label: label[a]!, via: 'A' };
  const viaB = distM[b]! + graph.segmentLengthM[s]! - target.alongM;
  if (viaB < (best?.walkM ?? Infinity)) best = { walkM: viaB, label: label[b]!, via: 'B' };
  for (const source of search.bySegment.get(s) ?? []) {
    const direct = source.snap.offsetM + Math.abs(source.snap.alongM - target.alongM);
    if (direct < (best?.walkM ?? Infinity)) best = { walkM: direct, label: source.label, via: 'same-segment' };
  }
  if (!best) return null;
  const walkM = best.walkM + target.offsetM;
  return walkM <= search.cutoffM ? { ...best, walkM } : null;
}
