import type { Polygon, Position } from 'geojson';
import { q, type Frame, type Uv } from './frame';

/**
 * Plan-space polygons with axis-aligned edges (blocks, compounds, grids) and their map
 * form. Edges are densified on a global lattice so two polygons that share an edge in plan
 * space get exactly the same vertices along it, and so tile without gaps or slivers.
 */

export interface Rect {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

export function rect(u0: number, v0: number, u1: number, v1: number): Rect {
  return { u0: q(u0), v0: q(v0), u1: q(u1), v1: q(v1) };
}

export function inset(r: Rect, m: number): Rect {
  return rect(r.u0 + m, r.v0 + m, r.u1 - m, r.v1 - m);
}

export function width(r: Rect): number {
  return r.u1 - r.u0;
}

export function height(r: Rect): number {
  return r.v1 - r.v0;
}

export function area(r: Rect): number {
  return width(r) * height(r);
}

export function centre(r: Rect): Uv {
  return [q((r.u0 + r.u1) / 2), q((r.v0 + r.v1) / 2)];
}

export function contains(r: Rect, [u, v]: Uv): boolean {
  return u >= r.u0 && u <= r.u1 && v >= r.v0 && v <= r.v1;
}

/** True when the rectangles share interior (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.u0 < b.u1 && b.u0 < a.u1 && a.v0 < b.v1 && b.v0 < a.v1;
}

export function corners(r: Rect): Uv[] {
  return [
    [r.u0, r.v0],
    [r.u1, r.v0],
    [r.u1, r.v1],
    [r.u0, r.v1],
  ];
}

/**
 * Inserts vertices along each axis-aligned edge of a counter-clockwise corner list: at
 * every multiple of stepM and at every break point lying on the edge (a neighbour's corner).
 */
export function densify(ring: readonly Uv[], stepM: number, breaks: readonly Uv[] = []): Uv[] {
  const out: Uv[] = [];
  ring.forEach((a, i) => {
    const b = ring[(i + 1) % ring.length] ?? a;
    const vertical = a[0] === b[0];
    const lo = Math.min(vertical ? a[1] : a[0], vertical ? b[1] : b[0]);
    const hi = Math.max(vertical ? a[1] : a[0], vertical ? b[1] : b[0]);
    const stops = new Set<number>([lo, hi]);
    for (const p of breaks) {
      const [along, across] = vertical ? [p[1], p[0]] : [p[0], p[1]];
      if (across === (vertical ? a[0] : a[1]) && along > lo && along < hi) stops.add(along);
    }
    const fixed = [...stops];
    for (let k = Math.ceil(lo / stepM); k * stepM < hi; k++) {
      const t = k * stepM;
      if (fixed.every((f) => Math.abs(f - t) >= 1)) stops.add(t);
    }
    const forward = (vertical ? b[1] : b[0]) > (vertical ? a[1] : a[0]);
    const sorted = [...stops].sort((x, y) => (forward ? x - y : y - x));
    for (const t of sorted.slice(0, -1)) out.push(vertical ? [a[0], t] : [t, a[1]]);
  });
  return out;
}

/** The map ring: every plan vertex warped and rounded, closed by repeating the first. */
export function toPositions(ring: readonly Uv[], frame: Frame): Position[] {
  const out: Position[] = ring.map((p) => frame.toLonLat(p));
  const first = out[0];
  if (first) out.push(first);
  return out;
}

export function rectPolygon(r: Rect, frame: Frame, stepM: number, breaks: readonly Uv[] = []): Polygon {
  return { type: 'Polygon', coordinates: [toPositions(densify(corners(r), stepM, breaks), frame)] };
}

/** True when the axis-aligned segment a–b touches the rectangle grown by marginM. */
export function segmentTouches(a: Uv, b: Uv, r: Rect, marginM = 0): boolean {
  return (
    Math.min(a[0], b[0]) <= r.u1 + marginM &&
    Math.max(a[0], b[0]) >= r.u0 - marginM &&
    Math.min(a[1], b[1]) <= r.v1 + marginM &&
    Math.max(a[1], b[1]) >= r.v0 - marginM
  );
}
