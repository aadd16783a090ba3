import type { FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
import { gridContours, type ContourProps } from '../contours';
import type { LonLat } from '../geo';
import { gridForBBox, gridX, gridY, type BBoxLonLat, type GridSpec } from '../gridSpec';
import { metresAt } from './distanceAt';
import { filled, type Search } from './dijkstra';

export interface WalkshedOptions {
  /** Cell side, metres (DESIGN.md: about 20 m). */
  cellM?: number;
  /** How far off the network a walk may continue to reach a cell (courtyards, squares), metres. */
  offNetworkM?: number;
  /** The un-snapped start points: their cells are reached at time 0. */
  origins?: readonly LonLat[];
}

/** Travel time in minutes per cell (Infinity where nothing is reached within the search's cutoff). */
export interface TravelTimeGrid {
  grid: GridSpec;
  minutes: Float32Array;
}

const SQRT2 = Math.SQRT2;

/** Bounding box of the nodes the search reached (plus the start points). */
function reachedBBox(search: Search, origins: readonly LonLat[]): BBoxLonLat | null {
  const { graph, distM } = search;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const add = (lon: number, lat: number) => {
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  };
  for (let i = 0; i < graph.nodeCount; i++) if (distM[i]! <= search.cutoffM) add(graph.nodeLon[i]!, graph.nodeLat[i]!);
  for (const src of search.sources) add(src.snap.point[0], src.snap.point[1]);
  for (const o of origins) add(o[0], o[1]);
  return w <= e ? [w, s, e, n] : null;
}

/**
 * Travel time on a grid of ~20 m cells: cells along reached ways take the network time at
 * that point; other cells are reached only by a short straight walk (≤ offNetworkM) from
 * them, spread by a two-pass chamfer distance transform. A river between bridges stays
 * unreached because no way crosses it and it is wider than that short walk.
 */
export function travelTimeGrid(searchMade: Search, speedMPerMin: number, options: WalkshedOptions = {}): TravelTimeGrid | null {
  const search = filled(searchMade);
  const cellM = options.cellM ?? 20;
  const offNetworkM = options.offNetworkM ?? 50;
  const origins = options.origins ?? [];
  const bbox = reachedBBox(search, origins);
  if (!bbox) return null;
  const grid = gridForBBox(bbox, cellM, offNetworkM + 2 * cellM);
  const { cols, rows } = grid;
  const metres = new Float32Array(cols * rows).fill(Infinity);
  const offM = new Float32Array(cols * rows);
  const mark = (lon: number, lat: number, d: number) => {
    const col = Math.floor(gridX(grid, lon));
    const row = Math.floor(gridY(grid, lat));
    if (col < 0 || row < 0 || col >= cols || row >= rows) return;
    const i = row * cols + col;
    if (d < metres[i]!) metres[i] = d;
  };

  const { graph, distM, cutoffM } = search;
  const step = cellM / 2;
  for (let s = 0; s < graph.segmentCount; s++) {
    const a = graph.segmentA[s]!;
    const b = graph.segmentB[s]!;
    if (distM[a]! > cutoffM && distM[b]! > cutoffM && !search.bySegment.has(s)) continue;
    const len = graph.segmentLengthM[s]!;
    const pieces = Math.max(1, Math.ceil(len / step));
    for (let k = 0; k <= pieces; k++) {
      const f = k / pieces;
      const d = metresAt(search, s, f * len);
      if (d > cutoffM) continue;
      mark(graph.nodeLon[a]! + f * (graph.nodeLon[b]! - graph.nodeLon[a]!), graph.nodeLat[a]! + f * (graph.nodeLat[b]! - graph.nodeLat[a]!), d);
    }
  }
  for (const o of origins) mark(o[0], o[1], 0);

  const relax = (i: number, j: number, cost: number) => {
    const d = metres[j]! + cost;
    const off = offM[j]! + cost;
    if (d < metres[i]! && off <= offNetworkM) {
      metres[i] = d;
      offM[i] = off;
    }
  };
  const diagonal = cellM * SQRT2;
  for (let round = 0; round < 2; round++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        if (c > 0) relax(i, i - 1, cellM);
        if (r > 0) {
          relax(i, i - cols, cellM);
          if (c > 0) relax(i, i - cols - 1, diagonal);
          if (c < cols - 1) relax(i, i - cols + 1, diagonal);
        }
      }
    }
    for (let r = rows - 1; r >= 0; r--) {
      for (let c = cols - 1; c >= 0; c--) {
        const i = r * cols + c;
        if (c < cols - 1) relax(i, i + 1, cellM);
        if (r < rows - 1) {
          relax(i, i + cols, cellM);
          if (c < cols - 1) relax(i, i + cols + 1, diagonal);
          if (c > 0) relax(i, i + cols - 1, diagonal);
        }
      }
    }
  }
  const minutes = new Float32Array(cols * rows);
  for (let i = 0; i < minutes.length; i++) minutes[i] = metres[i]! / speedMPerMin;
  return { grid, minutes };
}

/** Walkshed polygons (with holes where nothing is reached), one per band, in the order given. */
export function walkshedPolygons(times: TravelTimeGrid, bandMinutes: readonly number[]): FeatureCollection<MultiPolygon, ContourProps> {
  return gridContours(times.minutes, times.grid, bandMinutes, { inside: 'atOrBelow' });
}

export interface ReachedWayProps {
  /** The whole minute this piece of way is reached in: 1 for 0–1 min, … (by each piece's middle). */
  minutes: number;
}

/**
 * The ways reached within the cutoff, cut at the cutoff, as one MultiLineString per whole
 * minute of walking (for colouring): a 15-minute walk is at most 15 features however many
 * segments it reached, which keeps the map's work per update small while the origin is
 * dragged.
 */
export function reachedWays(searchMade: Search, speedMPerMin: number): FeatureCollection<MultiLineString, ReachedWayProps> {
  const search = filled(searchMade);
  const { graph, distM, cutoffM } = search;
  const byMinute = new Map<number, LonLat[][]>();
  const at = (a: number, b: number, f: number): LonLat => [
    graph.nodeLon[a]! + f * (graph.nodeLon[b]! - graph.nodeLon[a]!),
    graph.nodeLat[a]! + f * (graph.nodeLat[b]! - graph.nodeLat[a]!),
  ];
  for (let s = 0; s < graph.segmentCount; s++) {
    const a = graph.segmentA[s]!;
    const b = graph.segmentB[s]!;
    const dA = distM[a]!;
    const dB = distM[b]!;
    if (dA > cutoffM && dB > cutoffM && !search.bySegment.has(s)) continue;
    const len = graph.segmentLengthM[s]!;
    let from = 0;
    let to = 1;
    if (dA > cutoffM && dB > cutoffM) {
      // Reached only along it, from a source on it.
      const sources = search.bySegment.get(s)!;
      const spans = sources.map((src) => Math.max(0, cutoffM - src.snap.offsetM));
      from = Math.min(...sources.map((src, k) => Math.max(0, (src.snap.alongM - spans[k]!) / len)));
      to = Math.max(...sources.map((src, k) => Math.min(1, (src.snap.alongM + spans[k]!) / len)));
      if (from >= to) continue;
    } else if (dA > cutoffM) from = Math.max(0, 1 - (cutoffM - dB) / len);
    else if (dB > cutoffM) to = Math.min(1, (cutoffM - dA) / len);
    const mid = metresAt(search, s, ((from + to) / 2) * len);
    const minute = Math.max(1, Math.ceil(mid / speedMPerMin - 1e-9));
    const lines = byMinute.get(minute);
    const piece = [at(a, b, from), at(a, b, to)];
    if (lines) lines.push(piece);
    else byMinute.set(minute, [piece]);
  }
  return {
    type: 'FeatureCollection',
    features: [...byMinute.keys()]
      .sort((x, y) => x - y)
      .map((minutes) => ({ type: 'Feature', geometry: { type: 'MultiLineString', coordinates: byMinute.get(minutes)! }, properties: { minutes } })),
  };
}
