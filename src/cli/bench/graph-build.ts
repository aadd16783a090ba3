import { chainsOf, contract } from '../../domain/engine/chains';
import { buildGraph, haversineM, isWalkable } from '../../domain/engine/graph';
import { decodeGraph, encodeGraph } from '../../domain/engine/graphBinary';
import { Snapper } from '../../domain/engine/snap';
import { formatParts, partMisses, timeParts, type Part } from './timing';
import { benchCase } from './task';
import { benchNetwork, perDataset, type WalkNetwork } from './walk-data';

/**
 * DESIGN.md "graph build, 100k edges ≤ 150 ms; load of a prebuilt binary graph ≤ 20 ms":
 * network.geojson → the CSR walking graph (src/domain/engine/graph.ts) and its contraction
 * (chains.ts), which every search uses. Ours only; the snapper's flatbush index, which a
 * graph needs before it answers anything, and loading the prebuilt binary graph
 * (graphBinary.ts) are timed on the side and printed in the note. The check counts nodes and
 * segments again the simplest way (string keys in a Set).
 */

interface Reference {
  nodes: number;
  segments: number;
  lengthM: number;
}

/** Distinct coordinates (1e-7°) and distinct undirected pairs of consecutive ones, of the walkable ways. */
function reference(network: WalkNetwork): Reference {
  const nodes = new Map<string, [number, number]>();
  const segments = new Set<string>();
  let lengthM = 0;
  for (const feature of network.features) {
    if (!isWalkable(feature.properties)) continue;
    const lines = feature.geometry.type === 'LineString' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const line of lines) {
      let previous: string | null = null;
      for (const p of line) {
        const x = Math.round(p[0]! * 1e7);
        const y = Math.round(p[1]! * 1e7);
        const key = `${x},${y}`;
        if (!nodes.has(key)) nodes.set(key, [x / 1e7, y / 1e7]);
        if (previous !== null && previous !== key) {
          const pair = previous < key ? `${previous};${key}` : `${key};${previous}`;
          if (!segments.has(pair)) {
            segments.add(pair);
            const [lon1, lat1] = nodes.get(previous)!;
            const [lon2, lat2] = nodes.get(key)!;
            lengthM += haversineM(lon1, lat1, lon2, lat2);
          }
        }
        previous = key;
      }
    }
  }
  return { nodes: nodes.size, segments: segments.size, lengthM };
}

export const graphBuildTasks = perDataset('graph-build', { maxMs: 150 }, async (env, dataset) => {
  const { network, about } = await benchNetwork(env, dataset);
  const expected = reference(network);
  const fmt = (n: number) => n.toLocaleString('en-US');
  return benchCase({
    edges: expected.segments,
    size: `${fmt(expected.segments)} segments`,
    ours: () => {
      const graph = buildGraph(network);
      chainsOf(graph);
      return graph;
    },
    peers: {},
    check(graph) {
      const binary = encodeGraph(graph);
      const parts: Record<string, Part> = {
        'of which contraction': { run: () => contract(graph) },
        'snapper index': { run: () => new Snapper(graph) },
        [`prebuilt binary load (${(binary.byteLength / 2 ** 20).toFixed(1)} MB)`]: { run: () => decodeGraph(binary), maxMs: 20 },
      };
      const medians = timeParts(parts);
      let lengthM = 0;
      for (let s = 0; s < graph.segmentCount; s++) lengthM += graph.segmentLengthM[s]!;
      const ok =
        graph.nodeCount === expected.nodes && graph.segmentCount === expected.segments && Math.abs(lengthM - expected.lengthM) < 1e-6 * expected.lengthM;
      return {
        ok,
        note:
          `${about}: ${fmt(graph.nodeCount)} nodes, ${fmt(graph.segmentCount)} segments, ${(lengthM / 1000).toFixed(1)} km ` +
          `${ok ? 'as' : `but expected ${fmt(expected.nodes)} nodes, ${fmt(expected.segments)} segments, ${(expected.lengthM / 1000).toFixed(1)} km by`} a naive recount` +
          `  ·  ${formatParts(parts, medians, !env.quick)}`,
        missed: partMisses(parts, medians),
      };
    },
  });
});
