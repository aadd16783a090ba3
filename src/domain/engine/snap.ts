import Flatbush from 'flatbush';
import type { LonLat } from '../geo';
import { EARTH_RADIUS_M } from '../geo';
import { haversineM, type WalkGraph } from './graph';

/** Where a point joins the network (DATA-CONTRACT.md "Distances"). */
export interface Snap {
  /** The nearest point on the nearest segment, `[lon, lat]`. */
  point: LonLat;
  /** Metres from the query point to `point` (walked, so it counts in every distance). */
  offsetM: number;
  segment: number;
  /** Metres along the segment from its node A to `point`. */
  alongM: number;
}

const DEG = Math.PI / 180;
/** Exact ties between segments are broken by the lower segment index (deterministic). */
const TIE_M = 1e-9;
/** Boxes asked for first; most snaps find their segment among them and need no second query. */
const NEAREST_BOXES = 4;

function axisDistance(k: number, min: number, max: number): number {
  return k < min ? min - k : k <= max ? 0 : k - max;
}

/**
 * Nearest point on the nearest segment, through a flatbush index of segment boxes in a local
 * equirectangular plane (metres; distortion is negligible across a city).
 */
export class Snapper {
  private readonly index: Flatbush;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly lon0: number;
  private readonly lat0: number;
  private readonly kx: number;
  private readonly ky = EARTH_RADIUS_M * DEG;

  constructor(private readonly graph: WalkGraph) {
    const n = graph.nodeCount;
    let sumLat = 0;
    let sumLon = 0;
    for (let i = 0; i < n; i++) {
      sumLat += graph.nodeLat[i]!;
      sumLon += graph.nodeLon[i]!;
    }
    this.lat0 = n ? sumLat / n : 0;
    this.lon0 = n ? sumLon / n : 0;
    this.kx = EARTH_RADIUS_M * DEG * Math.cos(this.lat0 * DEG);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.x[i] = (graph.nodeLon[i]! - this.lon0) * this.kx;
      this.y[i] = (graph.nodeLat[i]! - this.lat0) * this.ky;
    }
    this.index = new Flatbush(Math.max(1, graph.segmentCount));
    for (let s = 0; s < graph.segmentCount; s++) {
      const a = graph.segmentA[s]!;
      const b = graph.segmentB[s]!;
      this.index.add(Math.min(this.x[a]!, this.x[b]!), Math.min(this.y[a]!, this.y[b]!), Math.max(this.x[a]!, this.x[b]!), Math.max(this.y[a]!, this.y[b]!));
    }
    if (graph.segmentCount === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** Squared metres from (px, py) to segment s's box, as the index measures it. */
  private boxDistance2(s: number, px: number, py: number): number {
    const a = this.graph.segmentA[s]!;
    const b = this.graph.segmentB[s]!;
    const dx = axisDistance(px, Math.min(this.x[a]!, this.x[b]!), Math.max(this.x[a]!, this.x[b]!));
    const dy = axisDistance(py, Math.min(this.y[a]!, this.y[b]!), Math.max(this.y[a]!, this.y[b]!));
    return dx * dx + dy * dy;
  }

  /** Snaps a point; null when the graph has no segment (or none within `maxOffsetM`). */
  snap(point: LonLat, maxOffsetM = Infinity): Snap | null {
    if (this.graph.segmentCount === 0) return null;
    const px = (point[0] - this.lon0) * this.kx;
    const py = (point[1] - this.lat0) * this.ky;
    let best = -1;
    let bestD2 = Infinity;
    let bestT = 0;
    const consider = (s: number) => {
      const a = this.graph.segmentA[s]!;
      const b = this.graph.segmentB[s]!;
      const ax = this.x[a]!;
      const ay = this.y[a]!;
      const dx = this.x[b]! - ax;
      const dy = this.y[b]! - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const d2 = ex * ex + ey * ey;
      if (d2 < bestD2 - TIE_M || (Math.abs(d2 - bestD2) <= TIE_M && s < best)) {
        best = s;
        bestD2 = d2;
        bestT = t;
      }
    };
    const nearest = this.index.neighbors(px, py, NEAREST_BOXES);
    for (const s of nearest) consider(s);
    // Any segment closer than the best so far has its box closer too. The boxes come nearest
    // first, so when the farthest of them is already beyond the best, no other box can hold a
    // closer segment; otherwise check every box within the best distance.
    const farthest = nearest.length === NEAREST_BOXES ? this.boxDistance2(nearest[NEAREST_BOXES - 1]!, px, py) : Infinity;
    if (farthest < bestD2 + TIE_M) for (const s of this.index.neighbors(px, py, Infinity, Math.sqrt(bestD2) + 1e-6)) consider(s);
    if (best < 0) return null;
    const a = this.graph.segmentA[best]!;
    const b = this.graph.segmentB[best]!;
    const lon = this.graph.nodeLon[a]! + bestT * (this.graph.nodeLon[b]! - this.graph.nodeLon[a]!);
    const lat = this.graph.nodeLat[a]! + bestT * (this.graph.nodeLat[b]! - this.graph.nodeLat[a]!);
    const offsetM = haversineM(point[0], point[1], lon, lat);
    if (offsetM > maxOffsetM) return null;
    return { point: [lon, lat], offsetM, segment: best, alongM: bestT * this.graph.segmentLengthM[best]! };
  }
}
