import type { LineString, MultiLineString } from 'geojson';
import { Rng } from '../../data/sample/prng';
import type { FC, NetworkProps } from '../../domain/dataset';
import { buildGraph, haversineM, type WalkGraph } from '../../domain/engine/graph';
import type { FacilityPoint } from '../../domain/engine/nearest';
import { Snapper } from '../../domain/engine/snap';
import type { LonLat } from '../../domain/geo';
import { CITY_CENTRE, CITY_SEED, localProjection } from './city';
import type { RealNetwork } from './datasets';
import type { BenchEnv, BenchTask, Budget, BenchCase, DatasetName } from './task';

/**
 * What the graph tasks (graph-build, nearest-facilities, gap-analysis, walkshed-polygon) run
 * on, per dataset: the walkable network, the graph and snapper built from it, facilities in
 * 8 categories and compound points. The synthetic city brings its own facilities and
 * compounds; a real network has none, so they are drawn deterministically at its nodes.
 */

export type WalkNetwork = FC<LineString | MultiLineString, NetworkProps>;

/** The datasets every graph task runs on, in table order. */
export const GRAPH_DATASETS: readonly DatasetName[] = ['synthetic', 'wuhan', 'monaco'];

export interface BenchNetwork {
  network: WalkNetwork;
  /** For people: what the network is, e.g. "74,743 ways, 17,924 motorway/trunk left out". */
  about: string;
}

export interface WalkData extends BenchNetwork {
  graph: WalkGraph;
  snapper: Snapper;
  /** Where a click in the middle of the map lands: the city centre, or the middle of the nodes' extent. */
  centre: LonLat;
  categories: readonly string[];
  facilities: FacilityPoint[];
  /** One origin per compound, `[lon, lat]`. */
  compounds: LonLat[];
}

/** Compounds drawn on a real network: 5,000 as the synthetic city; --quick keeps the per-compound peer short. */
const REAL_COMPOUNDS = { full: 5_000, quick: 100 };
/** A compound sits this far off its street node, metres (a courtyard behind the street). */
const COMPOUND_OFFSET_M = { min: 20, max: 120 };

const fmt = (n: number) => n.toLocaleString('en-US');

/** Real networks with the domain's props, once per loaded network. */
const typed = new WeakMap<RealNetwork, BenchNetwork>();

export async function benchNetwork(env: BenchEnv, dataset: DatasetName): Promise<BenchNetwork> {
  if (dataset === 'synthetic') {
    const city = env.city();
    return { network: city.network, about: `${fmt(city.edges)} street edges between intersections` };
  }
  const real = await env.network(dataset);
  let found = typed.get(real);
  if (!found) {
    const features = real.network.features.map((f, k) => ({ ...f, properties: { ...f.properties, id: String(f.properties.id ?? `w${k}`) } }));
    found = {
      network: { type: 'FeatureCollection', features },
      about: `${fmt(features.length)} ways, ${fmt(real.excluded)} motorway/trunk left out`,
    };
    typed.set(real, found);
  }
  return found;
}

/** Built once per network and shared by every task of the run (setup is never timed). */
const built = new WeakMap<WalkNetwork, WalkData>();

export async function walkData(env: BenchEnv, dataset: DatasetName): Promise<WalkData> {
  const { network, about } = await benchNetwork(env, dataset);
  const cached = built.get(network);
  if (cached) return cached;
  const graph = buildGraph(network);
  const snapper = new Snapper(graph);
  const city = env.city();
  let data: WalkData;
  if (dataset === 'synthetic') {
    data = {
      network,
      about,
      graph,
      snapper,
      centre: CITY_CENTRE,
      categories: city.categories,
      facilities: city.facilities.features.map((f) => ({ id: f.properties.id, category: f.properties.category, point: f.geometry.coordinates as LonLat })),
      compounds: city.compounds.features.map((f) => f.geometry.coordinates as LonLat),
    };
  } else {
    // As many facilities per category and street node as the synthetic city has, at street corners.
    const perCategory = city.categories.map((category) => {
      const inCity = city.facilities.features.filter((f) => f.properties.category === category).length;
      return Math.max(2, Math.round((inCity * graph.nodeCount) / city.nodes));
    });
    const rng = new Rng(CITY_SEED).fork(`${dataset}-places`);
    const nodePoint = (node: number): LonLat => [graph.nodeLon[node]!, graph.nodeLat[node]!];
    const facilities = city.categories.flatMap((category, c) =>
      Array.from({ length: perCategory[c]! }, (_, k) => ({ id: `f-${category}-${k}`, category, point: nodePoint(rng.int(0, graph.nodeCount - 1)) })),
    );
    const compounds = Array.from({ length: env.quick ? REAL_COMPOUNDS.quick : REAL_COMPOUNDS.full }, () => {
      const toLonLat = localProjection(nodePoint(rng.int(0, graph.nodeCount - 1)));
      const angle = rng.range(0, 2 * Math.PI);
      const offsetM = rng.range(COMPOUND_OFFSET_M.min, COMPOUND_OFFSET_M.max);
      return toLonLat(offsetM * Math.cos(angle), offsetM * Math.sin(angle)) as LonLat;
    });
    data = { network, about, graph, snapper, centre: extentCentre(graph), categories: city.categories, facilities, compounds };
  }
  built.set(network, data);
  return data;
}

function extentCentre(graph: WalkGraph): LonLat {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (let i = 0; i < graph.nodeCount; i++) {
    w = Math.min(w, graph.nodeLon[i]!);
    e = Math.max(e, graph.nodeLon[i]!);
    s = Math.min(s, graph.nodeLat[i]!);
    n = Math.max(n, graph.nodeLat[i]!);
  }
  return [(w + e) / 2, (s + n) / 2];
}

/** The graph node nearest to a point: the nearer end of the segment it snaps to. */
export function nearestNode(data: WalkData, point: LonLat): number {
  const snap = data.snapper.snap(point)!;
  const { graph } = data;
  return snap.alongM <= graph.segmentLengthM[snap.segment]! / 2 ? graph.segmentA[snap.segment]! : graph.segmentB[snap.segment]!;
}

/** One task on every graph dataset, each row set up from that dataset. */
export function perDataset(name: string, budget: Budget | undefined, setup: (env: BenchEnv, dataset: DatasetName) => Promise<BenchCase>): BenchTask[] {
  return GRAPH_DATASETS.map((dataset) => ({ name, dataset, ...(budget ? { budget } : {}), setup: (env: BenchEnv) => setup(env, dataset) }));
}

/** Origins of the one-click tasks: this many, drawn once per dataset (seeded), and cycled through run by run. */
export const ORIGIN_COUNT = 16;
/** …among the street nodes within this distance of the centre of the map (the busy middle). */
const ORIGIN_RADIUS_M = 2_000;

const originLists = new WeakMap<WalkData, number[]>();

/**
 * A fixed, seeded list of street nodes near the middle of the map: one-click tasks
 * (nearest-facilities, walkshed-polygon) take the next one at every call, so no
 * implementation is timed answering the same origin over and over from warm caches.
 */
export function originNodes(data: WalkData): number[] {
  let list = originLists.get(data);
  if (!list) {
    const { graph, centre } = data;
    const near: number[] = [];
    for (let n = 0; n < graph.nodeCount; n++) if (haversineM(centre[0], centre[1], graph.nodeLon[n]!, graph.nodeLat[n]!) <= ORIGIN_RADIUS_M) near.push(n);
    const pool = near.length > 0 ? near : [nearestNode(data, centre)];
    const rng = new Rng(CITY_SEED).fork('bench-origins');
    list = Array.from({ length: ORIGIN_COUNT }, () => pool[rng.int(0, pool.length - 1)]!);
    originLists.set(data, list);
  }
  return list;
}

/**
 * A job that answers origin 0, 1, 2, … at its successive calls (wrapping around), and keeps
 * its first answer for each origin in `answers`, so a check can compare every implementation
 * on the origins they all answered.
 */
export function cycling<T>(count: number, answer: (k: number) => T, answers: Map<number, T>): () => T {
  let calls = 0;
  return () => {
    const k = calls++ % count;
    const result = answer(k);
    if (!answers.has(k)) answers.set(k, result);
    return result;
  };
}
