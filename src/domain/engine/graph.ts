import type { LineString, MultiLineString, Position } from 'geojson';
import type { FC, NetworkProps } from '../dataset';
import { haversineM } from '../geo';

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

function lines(geometry: LineString | MultiLineString): Position[][] {
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}

/** Grows typed arrays while the ways are read (their final size is unknown up front). */
class Growable {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Numeric key of a coordinate in 1e-7° units within the data's extent (fast Map keys);
 * exact while the extent is under ~9° a side, else string keys.
 */
function coordinateKeyer(network: FC<LineString | MultiLineString, NetworkProps>): (x: number, y: number) => number | string {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const feature of network.features) {
    for (const line of lines(feature.geometry)) {
      for (const p of line) {
        const x = Math.round((p[0] ?? 0) * 1e7);
        const y = Math.round((p[1] ?? 0) * 1e7);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  const spanY = maxY - minY + 1;
  if ((maxX - minX + 1) * spanY < Number.MAX_SAFE_INTEGER) return (x, y) => (x - minX) * spanY + (y - minY);
  return (x, y) => `${x},${y}`;
}

/** Segment keys are exact while there are fewer than 2^26 nodes. */
const SEGMENT_KEY = 2 ** 26;

/**
 * Graphs built in this JavaScript realm (page or worker) so far. The walking session reports
 * it, so a test can check that a dataset's graph is built once, whichever views ask for it.
 */
export const graphBuilds = { count: 0 };

export function buildGraph(network: FC<LineString | MultiLineString, NetworkProps>): WalkGraph {
  graphBuilds.count++;
  const nodeIndex = new Map<number | string, number>();
  const keyOf = coordinateKeyer(network);
  const lon = new Growable(network.features.length * 4);
  const lat = new Growable(network.features.length * 4);
  const segA = new Growable(network.features.length * 4);
  const segB = new Growable(network.features.length * 4);
  const segLen = new Growable(network.features.length * 4);
  const segFlags = new Growable(network.features.length * 4);
  const segFeature = new Growable(network.features.length * 4);
  const seen = new Set<number | string>();

  const node = (position: Position): number => {
    const x = Math.round((position[0] ?? 0) * 1e7);
    const y = Math.round((position[1] ?? 0) * 1e7);
    const key = keyOf(x, y);
    let id = nodeIndex.get(key);
    if (id === undefined) {
      id = lon.length;
      nodeIndex.set(key, id);
      lon.push(x / 1e7);
      lat.push(y / 1e7);
    }
    return id;
  };

  network.features.forEach((feature, featureIndex) => {
    if (!isWalkable(feature.properties)) return;
    const props = feature.properties;
    const flags = (props?.highway === 'steps' ? SEGMENT_STEPS : 0) | (props?.bridge && props.bridge !== 'no' ? SEGMENT_BRIDGE : 0);
    for (const line of lines(feature.geometry)) {
      let previous = -1;
      for (const position of line) {
        const current = node(position);
        if (previous >= 0 && previous !== current) {
          const a = Math.min(previous, current);
          const b = Math.max(previous, current);
          const key = b < SEGMENT_KEY ? a * SEGMENT_KEY + b : `${a},${b}`;
          if (!seen.has(key)) {
            seen.add(key);
            segA.push(a);
            segB.push(b);
            segLen.push(haversineM(lon.data[a]!, lat.data[a]!, lon.data[b]!, lat.data[b]!));
            segFlags.push(flags);
            segFeature.push(featureIndex);
          }
        }
        previous = current;
      }
    }
  });

  const nodeCount = lon.length;
  const segmentCount = segA.length;
  // Number the nodes along a Hilbert curve, so that nodes near each other on the ground are
  // near each other in memory: a search then reads fewer cache lines (about 10 % faster).
  const newId = spatialOrder(lon.data, lat.data, nodeCount);
  const nodeLon = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  for (let old = 0; old < nodeCount; old++) {
    nodeLon[newId[old]!] = lon.data[old]!;
    nodeLat[newId[old]!] = lat.data[old]!;
  }
  for (let s = 0; s < segmentCount; s++) {
    segA.data[s] = newId[segA.data[s]!]!;
    segB.data[s] = newId[segB.data[s]!]!;
  }
  const offsets = new Uint32Array(nodeCount + 1);
  for (let s = 0; s < segmentCount; s++) {
    offsets[segA.data[s]! + 1]!++;
    offsets[segB.data[s]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(segmentCount * 2);
  const edgeLengthM = new Float64Array(segmentCount * 2);
  const edgeSegment = new Uint32Array(segmentCount * 2);
  for (let s = 0; s < segmentCount; s++) {
    const a = segA.data[s]!;
    const b = segB.data[s]!;
    const len = segLen.data[s]!;
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
    segmentA: Uint32Array.from(segA.data.subarray(0, segmentCount)),
    segmentB: Uint32Array.from(segB.data.subarray(0, segmentCount)),
    segmentLengthM: segLen.data.slice(0, segmentCount),
    segmentFlags: Uint8Array.from(segFlags.data.subarray(0, segmentCount)),
    segmentFeature: Uint32Array.from(segFeature.data.subarray(0, segmentCount)),
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
