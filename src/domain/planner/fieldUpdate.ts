import type { WalkGraph } from '../engine/graph';
import { MinHeap } from '../engine/heap';
import { filled, makeSearch, searchFrom, type Search, type Source } from '../engine/dijkstra';

const heap = new MinHeap(4096);

/**
 * A distance field with one more source, without recomputing it: a Dijkstra from the new
 * source that only goes where it improves on the field (min of the two). That is exact: if
 * the old field is no farther at some node of the new source's shortest path, it is no
 * farther anywhere beyond it either. It explores only the new source's own catchment, so a
 * what-if facility costs a small search, not a rebuild. The input field is not changed.
 */
export function addSourceToField(graph: WalkGraph, fieldMade: Search | undefined, source: Source): Search {
  if (!fieldMade) return searchFrom(graph, [source]);
  const field = filled(fieldMade);
  const distM = field.distM.slice();
  const label = field.label.slice();
  const prevEdge = field.prevEdge.slice();
  heap.clear();
  const seed = (node: number, d: number) => {
    if (d < distM[node]!) {
      distM[node] = d;
      label[node] = source.label;
      prevEdge[node] = -1;
      heap.push(node, d);
    }
  };
  const { segment, alongM, offsetM } = source.snap;
  seed(graph.segmentA[segment]!, offsetM + alongM);
  seed(graph.segmentB[segment]!, offsetM + graph.segmentLengthM[segment]! - alongM);
  const { offsets, targets, edgeLengthM } = graph;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const u = heap.pop();
    if (d > distM[u]! || label[u] !== source.label) continue;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const v = targets[e]!;
      const nd = d + edgeLengthM[e]!;
      if (nd < distM[v]!) {
        distM[v] = nd;
        label[v] = source.label;
        prevEdge[v] = e;
        heap.push(v, nd);
      }
    }
  }
  const bySegment = new Map(field.bySegment);
  bySegment.set(segment, [...(bySegment.get(segment) ?? []), source]);
  return makeSearch(graph, distM, label, prevEdge, Infinity, [...field.sources, source], bySegment);
}
