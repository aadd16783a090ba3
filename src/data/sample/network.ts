import type { Feature, LineString } from 'geojson';
import type { NetworkProps } from '../../domain/dataset';
import type { LonLat } from '../../domain/geo';
import { q, type Frame, type Uv } from './frame';
import type { WayTags } from './layout';

/**
 * Collects every walkable (and a few private) way of the town as axis-aligned plan-space
 * segments, then makes the graph planar: wherever two segments cross or one ends on
 * another, both are cut at that exact point. Each cut point maps to one rounded
 * coordinate, so every junction is a vertex shared by all the ways that meet there, which
 * is what the walking engine relies on (it joins ways only at identical coordinates).
 */

interface Segment {
  /** Constant coordinate (u for a vertical segment, v for a horizontal one). */
  at: number;
  from: number;
  to: number;
  vertical: boolean;
  tags: WayTags;
}

/** Shape vertices at most this far apart, so curved streets stay curved on the map. */
const SHAPE_STEP_M = 30;

export class NetworkBuilder {
  private readonly segments: Segment[] = [];

  /** Adds the way a→b; a and b must share u or v. Zero-length ways are ignored. */
  add(a: Uv, b: Uv, tags: WayTags): void {
    const [au, av] = a;
    const [bu, bv] = b;
    if (au === bu && av === bv) return;
    if (au === bu) this.segments.push({ at: au, from: Math.min(av, bv), to: Math.max(av, bv), vertical: true, tags });
    else if (av === bv) this.segments.push({ at: av, from: Math.min(au, bu), to: Math.max(au, bu), vertical: false, tags });
    else throw new Error(`way ${a.join(',')} → ${b.join(',')} is not axis-aligned in plan space`);
  }

  get size(): number {
    return this.segments.length;
  }

  /**
   * Cuts at every junction and emits one LineString per piece between junctions (pieces
   * longer than maxPieceM are split further, as OSM ways often are).
   */
  build(frame: Frame, maxPieceM: number): Array<Feature<LineString, NetworkProps>> {
    const cuts = this.segments.map((s) => new Set<number>([s.from, s.to]));
    const verticals = this.segments.map((s, i) => [s, i] as const).filter(([s]) => s.vertical);
    const horizontals = this.segments.map((s, i) => [s, i] as const).filter(([s]) => !s.vertical);
    for (const [h, hi] of horizontals) {
      for (const [w, wi] of verticals) {
        if (w.at < h.from || w.at > h.to || h.at < w.from || h.at > w.to) continue;
        cuts[hi]?.add(w.at);
        cuts[wi]?.add(h.at);
      }
    }
    checkNoOverlap(horizontals.map(([s]) => s));
    checkNoOverlap(verticals.map(([s]) => s));

    const features: Array<Feature<LineString, NetworkProps>> = [];
    this.segments.forEach((s, i) => {
      const stops = [...(cuts[i] ?? [])].sort((a, b) => a - b);
      for (let k = 0; k + 1 < stops.length; k++) {
        const from = stops[k] ?? 0;
        const to = stops[k + 1] ?? 0;
        // A bridge stays one way, so each crossing is one feature.
        const pieces = s.tags.bridge ? 1 : Math.max(1, Math.ceil((to - from) / maxPieceM));
        for (let p = 0; p < pieces; p++) {
          const a = p === 0 ? from : q(from + ((to - from) * p) / pieces);
          const b = p === pieces - 1 ? to : q(from + ((to - from) * (p + 1)) / pieces);
          features.push(wayFeature(features.length + 1, shape(s, a, b, frame), s.tags));
        }
      }
    });
    return features;
  }
}

function shape(s: Segment, from: number, to: number, frame: Frame): LonLat[] {
  const steps = Math.max(1, Math.ceil((to - from) / SHAPE_STEP_M));
  const out: LonLat[] = [];
  for (let k = 0; k <= steps; k++) {
    const t = k === 0 ? from : k === steps ? to : q(from + ((to - from) * k) / steps);
    out.push(frame.toLonLat(s.vertical ? [s.at, t] : [t, s.at]));
  }
  return out;
}

function wayFeature(n: number, coordinates: LonLat[], tags: WayTags): Feature<LineString, NetworkProps> {
  const properties: NetworkProps = { id: `n-${String(n).padStart(5, '0')}`, highway: tags.highway };
  if (tags.name) properties.name = tags.name.zh;
  if (tags.access) properties.access = tags.access;
  if (tags.bridge) properties.bridge = true;
  return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates } };
}

/** Collinear ways may touch end to end but never run along each other. */
function checkNoOverlap(segments: Segment[]): void {
  const byAt = new Map<number, Segment[]>();
  for (const s of segments) byAt.set(s.at, [...(byAt.get(s.at) ?? []), s]);
  for (const group of byAt.values()) {
    group.sort((a, b) => a.from - b.from);
    let reach = -Infinity;
    for (const s of group) {
      if (s.from < reach) throw new Error(`overlapping ways at ${s.at} near ${s.from}–${s.to}`);
      reach = Math.max(reach, s.to);
    }
  }
}
