import type { LineString, MultiLineString, Position } from 'geojson';
import type { FC, NetworkProps } from '../dataset';
import { haversineM } from '../geo';
import { PairIndex } from './pairIndex';

/** Segment flags (bit mask). */
export const SEGMENT_STEPS = 1;
export const SEGMENT_BRIDGE = 2;

/**
 * The walking graph in compressed sparse rows. Every distinct coordinate (rounded to 1e-7°)
 * of a walkable way is a node and every pair of consecutive coordinates a segment, so ways
 * join exactly where they share a coordinate. Walking ignores `oneway`: each segment is two
 * directed edges.
 */
export interface WalkGraph {
  nodeCount: number;
  /** Node positions, degrees. */
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  /** Directed edges of node n: offsets[n] .. offsets[n + 1] - 1. */
  offsets: Uint32Array;
  targets: Uint32Array;
  /** Metres, haversine. */
  edgeLengthM: Float64Array;
  /** The undirected segment of each directed edge. */
  edgeSegment: Uint32Array;
  segmentCount: number;
  segmentA: Uint32Array;
  segmentB: Uint32Array;
  segmentLengthM: Float64Array;
  segmentFlags: Uint8Array;
  /** Index in network.features of the way each segment comes from. */
  segmentFeature: Uint32Array;
}

export { haversineM };

/** Ways nobody may walk (DATA-CONTRACT.md, network.geojson). */
export function isWalkable(props: Partial<NetworkProps> | null | undefined): boolean {
  const access = props?.access;
  return access !== 'no' && access !== 'private';
}

/**
 * Graphs built in this JavaScript realm (page or worker) so far. The walking session reports
 * it, so a test can check that a dataset's graph is built once, whichever views ask for it.
 */
export const graphBuilds = { count: 0 };

export function buildGraph(network: FC<LineString | MultiLineString, NetworkProps>): WalkGraph {
  graphBuilds.count++;
  const { features } = network;
  // Vertices of the walkable ways: at most that many nodes, and fewer segments.
  let vertices = 0;
  for (const feature of features) {
    if (!isWalkable(feature.properties)) continue;
    const g = feature.geometry;
    if (g.type === 'LineString') vertices += g.coordinates.length;
    else for (const line of g.coordinates) vertices += line.length;
  }
  // Coordinates in 1e-7° fit 32-bit integers (±1.8e9 at most), so a coordinate is a pair of them.
  const nodeIndex = new PairIndex(vertices);
  const seen = new PairIndex(vertices);
  const lon = new Float64Array(vertices);
  const lat = new Float64Array(vertices);
  const segA = new Uint32Array(vertices);
  const segB = new Uint32Array(vertices);
  const segLen = new Float64Array(vertices);
  const segFlags = new Uint8Array(vertices);
  const segFeature = new Uint32Array(vertices);
  let nodeCount = 0;
  let segmentCount = 0;

  const addLine = (line: Position[], flags: number, featureIndex: number): void => {
    let previous = -1;
    for (const position of line) {
      const x = Math.round((position[0] ?? 0) * 1e7);
      const y = Math.round((position[1] ?? 0) * 1e7);
      let current = nodeIndex.getOrSet(x, y, nodeCount);
      if (current < 0) {
        current = nodeCount++;
        lon[current] = x / 1e7;
        lat[current] = y / 1e7;
      }
      if (previous >= 0 && previous !== current) {
        const a = Math.min(previous, current);
        const b = Math.max(previous, current);
        if (seen.getOrSet(a, b, 0) < 0) {
          segA[segmentCount] = a;
          segB[segmentCount] = b;
          segLen[segmentCount] = haversineM(lon[a]!, lat[a]!, lon[b]!, lat[b]!);
          segFlags[segmentCount] = flags;
          segFeature[segmentCount] = featureIndex;
          segmentCount++;
        }
      }
      previous = current;
    }
  };
  for (let featureIndex = 0; featureIndex < features.length; featureIndex++) {
    const feature = features[featureIndex]!;
    const props = feature.properties;
    if (!isWalkable(props)) continue;
    const flags = (props?.highway === 'steps' ? SEGMENT_STEPS : 0) | (props?.bridge && props.bridge !== 'no' ? SEGMENT_BRIDGE : 0);
    const g = feature.geometry;
    if (g.type === 'LineString') addLine(g.coordinates, flags, featureIndex);
    else for (const line of g.coordinates) addLine(line, flags, featureIndex);
  }

  // Number the nodes along a Hilbert curve, so that nodes near each other on the ground are
  // near each other in memory: a search then reads fewer cache lines (about 10 % faster).
  const newId = spatialOrder(lon, lat, nodeCount);
  const nodeLon = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  for (let old = 0; old < nodeCount; old++) {
    nodeLon[newId[old]!] = lon[old]!;
    nodeLat[newId[old]!] = lat[old]!;
  }
  for (let s = 0; s < segmentCount; s++) {
    segA[s] = newId[segA[s]!]!;
    segB[s] = newId[segB[s]!]!;
  }
  const offsets = new Uint32Array(nodeCount + 1);
  for (let s = 0; s < segmentCount; s++) {
    offsets[segA[s]! + 1]!++;
    offsets[segB[s]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(segmentCount * 2);
  const edgeLengthM = new Float64Array(segmentCount * 2);
  const edgeSegment = new Uint32Array(segmentCount * 2);
  for (let s = 0; s < segmentCount; s++) {
    const a = segA[s]!;
    const b = segB[s]!;
    const len = segLen[s]!;
    let e = fill[a]!++;
    targets[e] = b;
    edgeLengthM[e] = len;
    edgeSegment[e] = s;
    e = fill[b]!++;
    targets[e] = a;
    edgeLengthM[e] = len;
    edgeSegment[e] = s;
  }

  return {
    nodeCount,
    nodeLon,
    nodeLat,
    offsets,
    targets,
    edgeLengthM,
    edgeSegment,
    segmentCount,
    segmentA: segA.slice(0, segmentCount),
    segmentB: segB.slice(0, segmentCount),
    segmentLengthM: segLen.slice(0, segmentCount),
    segmentFlags: segFlags.slice(0, segmentCount),
    segmentFeature: segFeature.slice(0, segmentCount),
  };
}

/** Position of (x, y) on a Hilbert curve over a 2^order × 2^order grid. */
function hilbertIndex(x: number, y: number, order: number): number {
  let d = 0;
  for (let s = 1 << (order - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/** New id of every node: its rank along a Hilbert curve over the nodes' extent (ties by old id). */
function spatialOrder(lon: Float64Array, lat: Float64Array, count: number): Uint32Array {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (let i = 0; i < count; i++) {
    if (lon[i]! < w) w = lon[i]!;
    if (lon[i]! > e) e = lon[i]!;
    if (lat[i]! < s) s = lat[i]!;
    if (lat[i]! > n) n = lat[i]!;
  }
  // Curve index and old id packed in one exact double (< 2^53), sorted natively.
  const idLog = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const idBits = 2 ** idLog;
  const order = Math.min(16, Math.floor((53 - idLog) / 2));
  const cells = 2 ** order - 1;
  const sx = cells / Math.max(e - w, 1e-12);
  const sy = cells / Math.max(n - s, 1e-12);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = hilbertIndex(Math.floor((lon[i]! - w) * sx), Math.floor((lat[i]! - s) * sy), order) * idBits + i;
  keys.sort();
  const newId = new Uint32Array(count);
  for (let rank = 0; rank < count; rank++) newId[keys[rank]! % idBits] = rank;
  return newId;
}
