import type { Feature, LineString, Point } from 'geojson';
import createGraph from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import { haversineM, isWalkable } from '../../domain/engine/graph';
import { ChainPoints } from '../../domain/engine/nearest';
import { searchFrom, SearchSpace } from '../../domain/engine/dijkstra';
import type { LonLat } from '../../domain/geo';
import { PathFinder } from './geojson-path-finder';
import { benchCase } from './task';
import { cycling, nearestNode, ORIGIN_COUNT, originNodes, perDataset, walkData } from './walk-data';

/**
 * One origin, the shortest walk to every facility within 15 minutes (900 m at 60 m/min).
 * Every call takes the next origin of a fixed, seeded list of street nodes near the middle of
 * the map (walk-data.ts originNodes). Ours: what the app's WalkEngine does, one cut-off search
 * from the origin's snap on the contracted graph (coreOnly, in a reused SearchSpace), then a
 * lookup for the facilities on the chains it reached (ChainPoints; facility snaps are
 * prepared once per dataset, as the app does). The peers do what their careful users write:
 * a graph built once, then a path per facility within 900 m as the crow flies, its length
 * summed. ngraph.path: A* with a haversine heuristic and a cutoff through its `blocked`
 * option (a node no walk of 900 m can pass through, one whose crow-fly distances to origin
 * and facility add up to more, is blocked), so a facility it cannot reach within 900 m does
 * not send it over the whole city. geojson-path-finder's findPath has no cutoff to give.
 * The peers route node to node while we snap, so the facilities are moved to their nearest
 * street node first: then every distance must be one a peer finds too, and no peer may
 * find a shorter one.
 */

const WALK_M = 900;
/** Metres: the three sum the same haversine lengths in different orders. */
const AGREE_M = 0.01;

type Distances = (number | null)[];
/** Ours answers with the reached facilities only: [facility index, metres] pairs. */
type Reached = number[];

export const nearestFacilitiesTasks = perDataset('nearest-facilities', { minRatio: { 'ngraph.path': 10, 'geojson-path-finder': 10 } }, async (env, dataset) => {
  const data = await walkData(env, dataset);
  const { graph, snapper } = data;
  const at = (node: number): LonLat => [graph.nodeLon[node]!, graph.nodeLat[node]!];
  const originList = originNodes(data);
  const originSnaps = originList.map((node) => snapper.snap(at(node))!);
  const facilityNodes = data.facilities.map((f) => nearestNode(data, f.point));
  const facilitySnaps = facilityNodes.map((node) => snapper.snap(at(node))!);
  const facilityPoints = new ChainPoints(graph, facilitySnaps);
  const space = new SearchSpace(graph.nodeCount);

  // ngraph: the same segments, node ids = our node indices.
  const ngraph = createGraph<LonLat, number>();
  for (let n = 0; n < graph.nodeCount; n++) ngraph.addNode(n, at(n));
  for (let s = 0; s < graph.segmentCount; s++) ngraph.addLink(graph.segmentA[s]!, graph.segmentB[s]!, graph.segmentLengthM[s]!);
  /** The ends of the path being looked for, read by `blocked`. */
  let from: LonLat = [0, 0];
  let to: LonLat = [0, 0];
  const finder = aStar(ngraph, {
    distance: (_a, _b, link) => link.data,
    heuristic: (a, b) => haversineM(a.data[0], a.data[1], b.data[0], b.data[1]),
    blocked: (next) => haversineM(from[0], from[1], next.data[0], next.data[1]) + haversineM(next.data[0], next.data[1], to[0], to[1]) > WALK_M,
  });

  // geojson-path-finder: the same walkable ways, as LineStrings; tolerance at the data's 1e-7°
  // (its default, 1e-5°, merges nodes up to a metre apart and changes the graph).
  const ways = data.network.features.filter((f) => isWalkable(f.properties));
  const lines = ways.flatMap((f): Feature<LineString>[] =>
    f.geometry.type === 'LineString'
      ? [{ ...f, geometry: f.geometry }]
      : f.geometry.coordinates.map((coordinates) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'LineString', coordinates } })),
  );
  const pathFinder = new PathFinder({ type: 'FeatureCollection', features: lines }, { tolerance: 1e-7 });
  const pointFeature = (p: LonLat): Feature<Point> => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } });
  const facilityFeatures = facilityNodes.map((node) => pointFeature(at(node)));

  /** The peers' loop from origin k: a path to each facility within 900 m as the crow flies; null when none or longer. */
  const perFacility = (k: number, pathM: (origin: number, facility: number) => number | null): Distances => {
    const origin = at(originList[k]!);
    return facilityNodes.map((node, f) => {
      if (haversineM(origin[0], origin[1], graph.nodeLon[node]!, graph.nodeLat[node]!) > WALK_M) return null;
      const walkM = pathM(originList[k]!, f);
      return walkM !== null && walkM <= WALK_M ? walkM : null;
    });
  };

  const answers = { ours: new Map<number, Reached>(), 'ngraph.path': new Map<number, Distances>(), 'geojson-path-finder': new Map<number, Distances>() };
  const ours = (k: number): Reached => {
    const search = searchFrom(graph, [{ snap: originSnaps[k]!, label: 0 }], WALK_M, { coreOnly: true, space });
    const found: Reached = [];
    facilityPoints.reached(search, (f, reach) => found.push(f, reach.walkM));
    return found;
  };
  const ngraphPeer = (k: number): Distances =>
    perFacility(k, (originNode, f) => {
      from = at(originNode);
      to = at(facilityNodes[f]!);
      // A path runs from the facility back to the origin. With `blocked`, ngraph.path answers
      // an unreachable facility with a one-node "path" (it pops the blocked nodes it queued, at
      // an infinite distance, and at last the facility): a careful user checks where it starts.
      const path = finder.find(originNode, facilityNodes[f]!);
      if (path.length === 0 || path[path.length - 1]!.id !== originNode) return null;
      let walkM = 0;
      for (let i = 1; i < path.length; i++) walkM += haversineM(path[i - 1]!.data[0], path[i - 1]!.data[1], path[i]!.data[0], path[i]!.data[1]);
      return walkM;
    });
  const pathFinderPeer = (k: number): Distances =>
    perFacility(k, (originNode, f) => {
      const path = pathFinder.findPath(pointFeature(at(originNode)), facilityFeatures[f]!);
      return path ? path.weight * 1000 : null;
    });

  return benchCase({
    edges: graph.segmentCount,
    size: `${ORIGIN_COUNT} origins in turn, ${data.facilities.length.toLocaleString('en-US')} facilities, ${WALK_M} m`,
    ours: cycling(ORIGIN_COUNT, ours, answers.ours),
    peers: {
      'ngraph.path': cycling(ORIGIN_COUNT, ngraphPeer, answers['ngraph.path']),
      'geojson-path-finder': cycling(ORIGIN_COUNT, pathFinderPeer, answers['geojson-path-finder']),
    },
    check() {
      // Every origin that all three answered while being timed (at least the first).
      const common = [...answers.ours.keys()].filter((k) => answers['ngraph.path'].has(k) && answers['geojson-path-finder'].has(k));
      // A peer's answer is the length of a real path, so it can never be shorter than the
      // shortest walk: shorter (or a path where we found none) means we are wrong. Longer
      // means the peer missed the shortest way (geojson-path-finder's compaction keeps one of
      // two ways between the same junctions); then another peer must confirm our figure.
      const below = new Map<string, number>();
      const above = new Map<string, number>();
      let unconfirmed = 0;
      let maxDiffM = 0;
      let within = 0;
      let crow = 0;
      const same = (a: number | null, b: number | null) => (a === null ? b === null || b >= WALK_M - AGREE_M : b !== null && Math.abs(a - b) <= AGREE_M);
      for (const k of common) {
        const mine: Distances = new Array<number | null>(facilityNodes.length).fill(null);
        const reached = answers.ours.get(k)!;
        for (let j = 0; j < reached.length; j += 2) mine[reached[j]!] = reached[j + 1]!;
        within += mine.filter((d) => d !== null).length;
        const origin = at(originList[k]!);
        crow += facilityNodes.filter((node) => haversineM(origin[0], origin[1], graph.nodeLon[node]!, graph.nodeLat[node]!) <= WALK_M).length;
        const peers = { 'ngraph.path': answers['ngraph.path'].get(k)!, 'geojson-path-finder': answers['geojson-path-finder'].get(k)! };
        for (const [name, theirs] of Object.entries(peers)) {
          mine.forEach((m, f) => {
            const other = theirs[f] ?? null;
            if (same(m, other)) {
              if (m !== null && other !== null) maxDiffM = Math.max(maxDiffM, Math.abs(m - other));
            } else if (other !== null && (m === null || other < m)) below.set(name, (below.get(name) ?? 0) + 1);
            else above.set(name, (above.get(name) ?? 0) + 1);
          });
        }
        mine.forEach((m, f) => {
          if (!Object.values(peers).some((theirs) => same(m, theirs[f] ?? null))) unconfirmed++;
        });
      }
      const shorter = [...below].map(([name, n]) => `${n} shorter by ${name}`);
      const longer = [...above].map(([name, n]) => `${n} longer by ${name}`);
      const verdict =
        shorter.length > 0 || unconfirmed > 0
          ? [...shorter, ...(unconfirmed > 0 ? [`${unconfirmed} not confirmed by any peer`] : [])].join(', ')
          : longer.length === 0
            ? `same distances as both peers (max |Δ| ${maxDiffM.toExponential(1)} m)`
            : `every distance confirmed by a peer (max |Δ| ${maxDiffM.toExponential(1)} m); ${longer.join(', ')} (a longer path than the shortest walk)`;
      return {
        ok: shorter.length === 0 && unconfirmed === 0 && within > 0,
        note: `${common.length} origins compared: ${within} facilities within ${WALK_M} m walk (${crow} within ${WALK_M} m as the crow flies), ${verdict}`,
      };
    },
  });
});
