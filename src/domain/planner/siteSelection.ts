import { haversineM, SEGMENT_BRIDGE } from '../engine/graph';
import { searchFrom, SearchSpace, type Source } from '../engine/dijkstra';
import type { LonLat } from '../geo';
import type { Compliance } from './compliance';
import type { DistanceState, WalkContext } from './distances';
import { greedyMaxCoverage, type CoverageCandidate } from './greedy';

/**
 * Where to build: for one rule, the k sites that bring the most residents (or residents
 * aged 60+) not yet served within the rule's distance, picked greedily. With a network the
 * candidates are the street nodes (not on bridges), and a compound is covered by a node when
 * the walk from its origins to the node is within the distance (a search from each unserved
 * compound, so the cost does not grow with the number of candidates). Without a network the
 * candidates are a grid of points and distances are straight-line.
 */

export type SiteWeight = 'residents' | 'elderly60';

export interface SiteSuggestion {
  rank: number;
  point: LonLat;
  /** Compounds this site newly serves, given the sites ranked before it. */
  compoundIds: string[];
  residents: number;
  elderly60: number;
  elderly80: number;
}

export interface SiteRequest {
  ruleIndex: number;
  k: number;
  weight: SiteWeight;
}

/** Compounds that do not meet the rule (a gap, or no data for it). */
function unserved(compliance: Compliance, ruleIndex: number): number[] {
  return compliance.compounds.flatMap((c, i) => (c.results[ruleIndex]!.status === 'met' ? [] : [i]));
}

function nodeCandidates(
  ctx: WalkContext,
  state: DistanceState,
  demand: readonly number[],
  distanceM: number,
): { points: LonLat[]; candidates: CoverageCandidate[] } {
  const { graph } = ctx;
  const covers = new Map<number, number[]>();
  const cost = new Map<number, number>();
  // One search per compound, each looking only at the nodes it reached.
  const space = new SearchSpace(graph.nodeCount);
  demand.forEach((compound, d) => {
    const sources: Source[] = state.originSnaps[compound]!.flatMap((snap, label) => (snap ? [{ snap, label }] : []));
    if (sources.length === 0) return;
    const search = searchFrom(graph, sources, distanceM, { space });
    for (const node of search.reachedNodes!) {
      const m = search.distM[node]!;
      if (m > distanceM) continue;
      const list = covers.get(node);
      if (list) list.push(d);
      else covers.set(node, [d]);
      cost.set(node, (cost.get(node) ?? 0) + m);
    }
  });
  const points: LonLat[] = [];
  const candidates: CoverageCandidate[] = [];
  for (const [node, list] of covers) {
    if (!onLand(ctx, node)) continue;
    points.push([graph.nodeLon[node]!, graph.nodeLat[node]!]);
    candidates.push({ covers: list, cost: cost.get(node)! });
  }
  return { points, candidates };
}

/** A node with at least one way that is not a bridge (a facility does not go on a bridge). */
function onLand(ctx: WalkContext, node: number): boolean {
  const { offsets, edgeSegment, segmentFlags } = ctx.graph;
  for (let e = offsets[node]!; e < offsets[node + 1]!; e++) if (!(segmentFlags[edgeSegment[e]!]! & SEGMENT_BRIDGE)) return true;
  return false;
}

/** A grid of candidate points over the compounds, spaced a fifth of the distance. */
function gridCandidates(state: DistanceState, demand: readonly number[], distanceM: number): { points: LonLat[]; candidates: CoverageCandidate[] } {
  const all = state.compounds.flatMap((c) => c.origins);
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const stepLat = distanceM / 5 / 111_195;
  const stepLon = stepLat / Math.cos((lat0 * Math.PI) / 180);
  const points: LonLat[] = [];
  const candidates: CoverageCandidate[] = [];
  for (let lon = Math.min(...lons); lon <= Math.max(...lons) + stepLon / 2; lon += stepLon) {
    for (let lat = Math.min(...lats); lat <= Math.max(...lats) + stepLat / 2; lat += stepLat) {
      const covers: number[] = [];
      let cost = 0;
      demand.forEach((compound, d) => {
        const m = Math.min(...state.compounds[compound]!.origins.map((o) => haversineM(o[0], o[1], lon, lat)));
        if (m <= distanceM) {
          covers.push(d);
          cost += m;
        }
      });
      if (covers.length === 0) continue;
      points.push([lon, lat]);
      candidates.push({ covers, cost });
    }
  }
  return { points, candidates };
}

export function suggestSites(ctx: WalkContext | null, state: DistanceState, compliance: Compliance, request: SiteRequest): SiteSuggestion[] {
  const rule = compliance.ruleset.rules[request.ruleIndex];
  if (!rule || rule.check !== 'distance' || rule.distanceM === null) return [];
  const demand = unserved(compliance, request.ruleIndex);
  const { points, candidates } = ctx ? nodeCandidates(ctx, state, demand, rule.distanceM) : gridCandidates(state, demand, rule.distanceM);
  const weights = demand.map((i) => (request.weight === 'elderly60' ? state.compounds[i]!.elderly60 : state.compounds[i]!.population));
  return greedyMaxCoverage(candidates, weights, request.k).map((pick, r) => {
    const compounds = pick.demands.map((d) => state.compounds[demand[d]!]!);
    return {
      rank: r + 1,
      point: points[pick.candidate]!,
      compoundIds: compounds.map((c) => c.id),
      residents: compounds.reduce((s, c) => s + c.population, 0),
      elderly60: compounds.reduce((s, c) => s + c.elderly60, 0),
      elderly80: compounds.reduce((s, c) => s + c.elderly80, 0),
    };
  });
}
