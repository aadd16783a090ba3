import type { LonLat } from '../geo';
import { reachOf } from './distanceAt';
import { filled, type Search } from './dijkstra';
import type { Snap } from './snap';

export interface Route {
  walkM: number;
  /** The walked line from the source's point to the target point, `[lon, lat]`, snap legs included. */
  line: LonLat[];
  /** Label of the source the route starts from. */
  label: number;
}

/**
 * The route from the search's nearest source to a target: the way geometry found by
 * following each node's incoming edge back to a source, plus both snap legs.
 * `origins[label]` is the un-snapped point of each source label.
 */
export function routeTo(search: Search, target: Snap, targetPoint: LonLat, origins: ReadonlyMap<number, LonLat>): Route | null {
  const reach = reachOf(search, target);
  if (!reach) return null;
  const { graph, prevEdge } = filled(search);
  const source = search.sources.find((s) => s.label === reach.label);
  if (!source) return null;
  const tail: LonLat[] = [targetPoint, target.point];
  if (reach.via !== 'same-segment') {
    let node = reach.via === 'A' ? graph.segmentA[target.segment]! : graph.segmentB[target.segment]!;
    tail.push([graph.nodeLon[node]!, graph.nodeLat[node]!]);
    for (let guard = 0; prevEdge[node]! >= 0 && guard < graph.nodeCount; guard++) {
      const edge = prevEdge[node]!;
      const segment = graph.edgeSegment[edge]!;
      node = graph.segmentA[segment] === node ? graph.segmentB[segment]! : graph.segmentA[segment]!;
      tail.push([graph.nodeLon[node]!, graph.nodeLat[node]!]);
    }
  }
  tail.push(source.snap.point);
  const origin = origins.get(reach.label);
  if (origin) tail.push(origin);
  const line = tail.reverse().filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  return { walkM: reach.walkM, line, label: reach.label };
}
