import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { beforeAll, expect, it } from 'vitest';
import { PathFinder } from '../../src/cli/bench/geojson-path-finder';
import type { NetworkProps } from '../../src/domain/dataset';
import { buildGraph, type WalkGraph } from '../../src/domain/engine/graph';
import { MinHeap } from '../../src/domain/engine/heap';
import { routeTo } from '../../src/domain/engine/route';
import { reachOf } from '../../src/domain/engine/distanceAt';
import { searchFrom, SearchSpace, type Source } from '../../src/domain/engine/dijkstra';
import { Snapper } from '../../src/domain/engine/snap';
import { haversineM, type LonLat } from '../../src/domain/geo';
import { importOsm } from '../../src/data/osm/index';
import { describeShared } from '../shared-fixtures';

/**
 * The walking engine on the real Monaco street network (imported from ../shared in place),
 * checked against an independent router: geojson-path-finder on the same ways. Routes run
 * between network nodes, so no snapping is involved and both must find the same length.
 */
describeShared('walking engine on the real Monaco network', 'fixtures/osm-monaco/monaco-latest.osm.pbf', (pbf) => {
  let network: FeatureCollection<LineString | MultiLineString, NetworkProps>;
  let graph: WalkGraph;
  let snapper: Snapper;

  beforeAll(async () => {
    const imported = await importOsm(pbf, { id: 'monaco' });
    network = imported.files['network.geojson'] as FeatureCollection<LineString | MultiLineString, NetworkProps>;
    graph = buildGraph(network);
    snapper = new Snapper(graph);
  }, 60_000);

  it('builds a connected walking graph of the city', () => {
    expect(graph.segmentCount).toBeGreaterThan(5_000);
    const start = snapper.snap([7.4246, 43.7384])!; // Place du Casino
    const search = searchFrom(graph, [{ snap: start, label: 0 }]);
    let reached = 0;
    for (let n = 0; n < graph.nodeCount; n++) if (Number.isFinite(search.distM[n])) reached++;
    expect(reached / graph.nodeCount).toBeGreaterThan(0.8);
  });

  /** The plain way: Dijkstra over every node of the flat graph with a binary heap. */
  function flatDijkstra(sources: readonly Source[], cutoffM: number): Float64Array {
    const dist = new Float64Array(graph.nodeCount).fill(Infinity);
    const heap = new MinHeap();
    const seed = (node: number, d: number) => {
      if (d <= cutoffM && d < dist[node]!) {
        dist[node] = d;
        heap.push(node, d);
      }
    };
    for (const { snap } of sources) {
      seed(graph.segmentA[snap.segment]!, snap.offsetM + snap.alongM);
      seed(graph.segmentB[snap.segment]!, snap.offsetM + graph.segmentLengthM[snap.segment]! - snap.alongM);
    }
    while (heap.size > 0) {
      const d = heap.peekKey();
      const u = heap.pop();
      if (d > dist[u]!) continue;
      for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) seed(graph.targets[e]!, d + graph.edgeLengthM[e]!);
    }
    return dist;
  }

  it('gives every node the same distance as a plain Dijkstra over all nodes, and routes as long as the walk', () => {
    const places: LonLat[] = [
      [7.4246, 43.7384],
      [7.4202, 43.7314],
      [7.4197, 43.7387],
      [7.4156, 43.7276],
      [7.4353, 43.7447],
    ];
    const space = new SearchSpace(graph.nodeCount);
    let routes = 0;
    for (const [k, cutoffM] of [Infinity, 900, 300].entries()) {
      const from = places.slice(k, k + 2);
      const sources = from.map((p, label) => ({ snap: snapper.snap(p)!, label }));
      const want = flatDijkstra(sources, cutoffM);
      for (const search of [searchFrom(graph, sources, cutoffM), searchFrom(graph, sources, cutoffM, { space })]) {
        let reached = 0;
        for (let n = 0; n < graph.nodeCount; n++) {
          if (want[n] === Infinity) expect(search.distM[n]).toBe(Infinity);
          else {
            reached++;
            expect(Math.abs(search.distM[n]! - want[n]!)).toBeLessThan(1e-6);
          }
        }
        expect(reached).toBeGreaterThan(cutoffM === Infinity ? 0.8 * graph.nodeCount : 50);
      }
      // A route to a far reached point: its line is as long as the walk it reports.
      const search = searchFrom(graph, sources, cutoffM);
      const to = places[(k + 3) % places.length]!;
      const route = routeTo(search, snapper.snap(to)!, to, new Map(from.map((p, label) => [label, p])));
      if (!route) continue;
      let length = 0;
      for (let i = 1; i < route.line.length; i++) length += haversineM(route.line[i - 1]![0], route.line[i - 1]![1], route.line[i]![0], route.line[i]![1]);
      expect(Math.abs(length - route.walkM)).toBeLessThan(0.05);
      routes++;
    }
    expect(routes).toBeGreaterThan(0);
  });

  it('finds the same route lengths as geojson-path-finder between real places', () => {
    // geojson-path-finder wants LineStrings only; split MultiLineStrings into their parts.
    const lines: FeatureCollection<LineString> = {
      type: 'FeatureCollection',
      features: network.features.flatMap((f) =>
        f.geometry.type === 'LineString'
          ? [{ type: 'Feature' as const, properties: {}, geometry: f.geometry }]
          : f.geometry.coordinates.map((coordinates) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates } })),
      ),
    };
    const finder = new PathFinder(lines as FeatureCollection<LineString, Record<string, unknown>>);
    const places: [string, LonLat][] = [
      ['Casino', [7.4246, 43.7384]],
      ['Palais princier', [7.4202, 43.7314]],
      ['Gare de Monaco', [7.4197, 43.7387]],
      ['Stade Louis II', [7.4156, 43.7276]],
      ['Larvotto', [7.4353, 43.7447]],
    ];
    // Start and end exactly at network nodes (the nearest segment end), so both routers agree on them.
    const node = (p: LonLat): LonLat => {
      const s = snapper.snap(p)!;
      const n = s.alongM < graph.segmentLengthM[s.segment]! / 2 ? graph.segmentA[s.segment]! : graph.segmentB[s.segment]!;
      return [graph.nodeLon[n]!, graph.nodeLat[n]!];
    };
    let compared = 0;
    for (let i = 0; i < places.length; i++) {
      for (let j = i + 1; j < places.length; j++) {
        const from = node(places[i]![1]);
        const to = node(places[j]![1]);
        const ours = reachOf(searchFrom(graph, [{ snap: snapper.snap(from)!, label: 0 }]), snapper.snap(to)!);
        const theirs = finder.findPath(
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: from } } as never,
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: to } } as never,
        );
        if (!theirs) continue;
        // geojson-path-finder weighs edges in kilometres (haversine).
        expect(ours, `${places[i]![0]} → ${places[j]![0]}`).not.toBeNull();
        expect(ours!.walkM).toBeGreaterThan(0);
        expect(
          Math.abs(ours!.walkM - theirs.weight * 1000) / ours!.walkM,
          `${places[i]![0]} → ${places[j]![0]}: ${ours!.walkM.toFixed(1)} m vs ${(theirs.weight * 1000).toFixed(1)} m`,
        ).toBeLessThan(0.005);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });
});
