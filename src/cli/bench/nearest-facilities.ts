import type { Feature, LineString, Point } from 'geojson';
import createGraph from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import { haversineM, isWalkable } from '../../domain/engine/graph';
import { ChainPoints } from '../../domain/engine/nearest';
import { searchFrom, SearchSpace } from '../../domain/engine/search';
import type { LonLat } from '../../domain/geo';
import { PathFinder } from './geojson-path-finder';
import { benchCase } from './task';
import { nearestNode, perDataset, walkData } from './walk-data';

/**
 * One origin, the shortest walk to every facility within 15 minutes (900 m at 60 m/min).
 * Ours: what the app's WalkEngine does, one cut-off search from the origin's snap on the
 * contracted graph (coreOnly, in a reused SearchSpace), then a lookup for the facilities on
 * the chains it reached (ChainPoints; facility snaps are prepared once per dataset, as the app
 * does). The peers do what their users write: a graph built once, then a path per facility
 * within 900 m as the crow flies, its length summed (ngraph.path A* with a haversine
 * heuristic; geojson-path-finder's findPath). The peers route node to node while we snap,
 * so origin and facilities are moved to their nearest street node first: then every
 * distance must be one a peer finds too, and no peer may find a shorter one.
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
  const originNode = nearestNode(data, data.centre);
  const facilityNodes = data.facilities.map((f) => nearestNode(data, f.point));
  const origin = at(originNode);
  const originSnap = snapper.snap(origin)!;
  const facilitySnaps = facilityNodes.map((node) => snapper.snap(at(node))!);
  const facilityPoints = new ChainPoints(graph, facilitySnaps);
  const space = new SearchSpace(graph.nodeCount);

  // ngraph: the same segments, node ids = our node indices.
  const ngraph = createGraph<LonLat, number>();
  for (let n = 0; n < graph.nodeCount; n++) ngraph.addNode(n, at(n));
  for (let s = 0; s < graph.segmentCount; s++) ngraph.addLink(graph.segmentA[s]!, graph.segmentB[s]!, graph.segmentLengthM[s]!);
  const finder = aStar(ngraph, {
    distance: (_from, _to, link) => link.data,
    heuristic: (from, to) => haversineM(from.data[0], from.data[1], to.data[0], to.data[1]),
  });

  // geojson-path-finder: the same walkable ways, as LineStrings; tolerance at the data's 1e-7°
  // (its default, 1e-5°, merges nodes up to a metre apart and changes the graph).
  const ways = data.network.features.filter((f) => isWalkable(f.properties));
  const lines = ways.flatMap((f): Feature<LineString>[] =>
    f.geometry.type === 'LineString' ? [{ ...f, geometry: f.geometry }] : f.geometry.coordinates.map((coordinates) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'LineString', coordinates } })),
  );
  const pathFinder = new PathFinder({ type: 'FeatureCollection', features: lines }, { tolerance: 1e-7 });
  const pointFeature = (p: LonLat): Feature<Point> => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } });
  const originFeature = pointFeature(origin);
  const facilityFeatures = facilityNodes.map((node) => pointFeature(at(node)));

  /** The peers' loop: a path to each facility within 900 m as the crow flies; null when none or longer. */
  const perFacility = (pathM: (k: number) => number | null): Distances =>
    facilityNodes.map((node, k) => {
      if (haversineM(origin[0], origin[1], graph.nodeLon[node]!, graph.nodeLat[node]!) > WALK_M) return null;
      const walkM = pathM(k);
      return walkM !== null && walkM <= WALK_M ? walkM : null;
    });

  const job = benchCase({
    edges: graph.segmentCount,
    size: `1 origin, ${data.facilities.length.toLocaleString('en-US')} facilities, ${WALK_M} m`,
    ours: (): Reached => {
      const search = searchFrom(graph, [{ snap: originSnap, label: 0 }], WALK_M, { coreOnly: true, space });
      const found: Reached = [];
      facilityPoints.reached(search, (k, reach) => found.push(k, reach.walkM));
      return found;
    },
    peers: {
      'ngraph.path': () =>
        perFacility((k) => {
          const path = finder.find(originNode, facilityNodes[k]!);
          if (path.length === 0) return null;
          let walkM = 0;
          for (let i = 1; i < path.length; i++) walkM += haversineM(path[i - 1]!.data[0], path[i - 1]!.data[1], path[i]!.data[0], path[i]!.data[1]);
          return walkM;
        }),
      'geojson-path-finder': () =>
        perFacility((k) => {
          const path = pathFinder.findPath(originFeature, facilityFeatures[k]!);
          return path ? path.weight * 1000 : null;
        }),
    },
    check(reached, peers) {
      const ours: Distances = new Array<number | null>(facilityNodes.length).fill(null);
      for (let j = 0; j < reached.length; j += 2) ours[reached[j]!] = reached[j + 1]!;
      const within = ours.filter((d) => d !== null).length;
      // A peer's answer is the length of a real path, so it can never be shorter than the
      // shortest walk: shorter (or a path where we found none) means we are wrong. Longer
      // means the peer missed the shortest way (geojson-path-finder's compaction keeps one of
      // two ways between the same junctions); then another peer must confirm our figure.
      const shorter: string[] = [];
      const longer: string[] = [];
      let unconfirmed = 0;
      let maxDiffM = 0;
      const same = (a: number | null, b: number | null) => (a === null ? b === null || b >= WALK_M - AGREE_M : b !== null && Math.abs(a - b) <= AGREE_M);
      for (const [name, theirs] of Object.entries(peers)) {
        let below = 0;
        let above = 0;
        ours.forEach((mine, k) => {
          const other = theirs[k] ?? null;
          if (same(mine, other)) {
            if (mine !== null && other !== null) maxDiffM = Math.max(maxDiffM, Math.abs(mine - other));
          } else if (other !== null && (mine === null || other < mine)) below++;
          else above++;
        });
        if (below > 0) shorter.push(`${below} shorter by ${name}`);
        if (above > 0) longer.push(`${above} longer by ${name}`);
      }
      ours.forEach((mine, k) => {
        if (!Object.values(peers).some((theirs) => same(mine, theirs[k] ?? null))) unconfirmed++;
      });
      const crow = facilityNodes.filter((node) => haversineM(origin[0], origin[1], graph.nodeLon[node]!, graph.nodeLat[node]!) <= WALK_M).length;
      const verdict =
        shorter.length > 0 || unconfirmed > 0
          ? [...shorter, ...(unconfirmed > 0 ? [`${unconfirmed} not confirmed by any peer`] : [])].join(', ')
          : longer.length === 0
            ? `same distances as both peers (max |Δ| ${maxDiffM.toExponential(1)} m)`
            : `every distance confirmed by a peer (max |Δ| ${maxDiffM.toExponential(1)} m); ${longer.join(', ')} (a longer path than the shortest walk)`;
      return {
        ok: shorter.length === 0 && unconfirmed === 0 && within > 0,
        note: `${within} ${within === 1 ? 'facility' : 'facilities'} within ${WALK_M} m walk (${crow} within ${WALK_M} m as the crow flies), ${verdict}`,
      };
    },
  });
  return job;
});
