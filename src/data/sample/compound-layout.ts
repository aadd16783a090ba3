import { q, uv, type Uv } from './frame';
import type { Highway, Side, WayTags } from './layout';
import { area, contains, corners, height, inset, overlaps, rect, width, type Rect } from './polygon';
import type { Rng } from './prng';

/**
 * The inside of one compound (or one part of a multi-part compound): a spine along its
 * longer side, a path from each gate to the spine, footways off the spine between the
 * residential blocks, and the blocks themselves. Everything stays strictly inside the
 * boundary except the gate points, which are the only way in or out.
 */

/** The street a side of the compound faces: its centre line is at `at` (u or v). */
export interface Facing {
  at: number;
  tags: WayTags;
}

export interface GatePlan {
  side: Side;
  /** On the compound boundary; shared by the internal path and the connector. */
  at: Uv;
  /** Where the connector meets the street centre line. */
  street: Uv;
  facing: Facing;
  /** Unit vectors into the compound and along its boundary. */
  inward: Uv;
  along: Uv;
  /** Highway of the connector and of the path inside. */
  highway: Highway;
}

export interface PlannedWay {
  a: Uv;
  b: Uv;
  tags: WayTags;
}

export interface PartLayout {
  rect: Rect;
  notch?: Rect;
  /** Counter-clockwise corners of the boundary (a rectangle, or an L with the notch cut out). */
  ring: Uv[];
  gates: GatePlan[];
  /** Internal ways (gate paths included). Connectors are separate: see `connectors`. */
  ways: PlannedWay[];
  connectors: PlannedWay[];
  buildings: Rect[];
}

/** Cuts one corner off (a shop lot or a boiler house) for a less boxy outline. */
export function pickNotch(rng: Rng, r: Rect): Rect | undefined {
  if (width(r) < 90 || height(r) < 90 || !rng.chance(0.3)) return undefined;
  const nu = q(width(r) * rng.range(0.15, 0.22));
  const nv = q(height(r) * rng.range(0.15, 0.22));
  switch (rng.int(0, 3)) {
    case 0:
      return rect(r.u0, r.v0, r.u0 + nu, r.v0 + nv);
    case 1:
      return rect(r.u1 - nu, r.v0, r.u1, r.v0 + nv);
    case 2:
      return rect(r.u1 - nu, r.v1 - nv, r.u1, r.v1);
    default:
      return rect(r.u0, r.v1 - nv, r.u0 + nu, r.v1);
  }
}

function ringOf(r: Rect, notch?: Rect): Uv[] {
  const cs = corners(r);
  if (!notch) return cs;
  const out: Uv[] = [];
  cs.forEach((c, i) => {
    if (!contains(notch, c)) {
      out.push(c);
      return;
    }
    const prev = cs[(i + 3) % 4] ?? c;
    const inner: Uv = [notch.u0 === c[0] ? notch.u1 : notch.u0, notch.v0 === c[1] ? notch.v1 : notch.v0];
    if (prev[0] === c[0]) out.push([c[0], inner[1]], inner, [inner[0], c[1]]);
    else out.push([inner[0], c[1]], inner, [c[0], inner[1]]);
  });
  return out;
}

/** True when the point lies inside the part (not in its notch), at least marginM from its edges. */
export function insidePart(part: Pick<PartLayout, 'rect' | 'notch'>, p: Uv, marginM: number): boolean {
  if (!contains(inset(part.rect, marginM), p)) return false;
  return !part.notch || !contains(inset(part.notch, -marginM), p);
}

/**
 * Lays out paths, gates and buildings. `gateSides` lists the sides that get a gate, the
 * main gate first; each must be in `facing`.
 */
export function layoutPart(rng: Rng, r: Rect, facing: Partial<Record<Side, Facing>>, gateSides: readonly Side[], notch: Rect | undefined): PartLayout {
  // Local frame: s runs along the spine (the longer side), t across it.
  const alongU = width(r) >= height(r);
  const P = (s: number, t: number): Uv => (alongU ? uv(s, t) : uv(t, s));
  const [s0, s1, t0, t1] = alongU ? [r.u0, r.u1, r.v0, r.v1] : [r.v0, r.v1, r.u0, r.u1];
  const len = s1 - s0;
  const tm = q((t0 + t1) / 2);
  const end = q(Math.min(15, len * 0.15));
  const bigSpine = area(r) >= 12000;
  const spineTags: WayTags = { highway: bigSpine ? 'service' : 'footway' };
  const foot: WayTags = { highway: 'footway' };
  const lowT: Side = alongU ? 'south' : 'west';
  const highT: Side = alongU ? 'north' : 'east';
  const lowS: Side = alongU ? 'west' : 'south';

  const ways: PlannedWay[] = [];
  const connectors: PlannedWay[] = [];
  const gates: GatePlan[] = [];
  /** Gate paths crossing each half of the compound, by s position. */
  const gatePathS: Record<'low' | 'high', number[]> = { low: [], high: [] };
  const hasGates = gateSides.length > 0;
  if (hasGates) ways.push({ a: P(s0 + end, tm), b: P(s1 - end, tm), tags: spineTags });

  gateSides.forEach((side, i) => {
    const f = facing[side];
    if (!f) throw new Error(`gate on side ${side} faces no street`);
    const highway: Highway = i === 0 && bigSpine ? 'service' : 'footway';
    const tags: WayTags = { highway };
    let at: Uv;
    let street: Uv;
    let inward: Uv;
    let along: Uv;
    if (side === lowT || side === highT) {
      const s = q(rng.range(s0 + 0.3 * len, s1 - 0.3 * len));
      const tEdge = side === lowT ? t0 : t1;
      at = P(s, tEdge);
      street = P(s, f.at);
      ways.push({ a: at, b: P(s, tm), tags });
      gatePathS[side === lowT ? 'low' : 'high'].push(s);
      inward = P(0, side === lowT ? 1 : -1);
      along = P(1, 0);
    } else {
      const sEdge = side === lowS ? s0 : s1;
      at = P(sEdge, tm);
      street = P(f.at, tm);
      ways.push({ a: at, b: P(side === lowS ? s0 + end : s1 - end, tm), tags });
      inward = P(side === lowS ? 1 : -1, 0);
      along = P(0, 1);
    }
    connectors.push({ a: street, b: at, tags });
    gates.push({ side, at, street, facing: f, inward, along, highway });
  });

  // Footways off the spine, about every 45 m, to the rows of residential blocks.
  const notchLocal = notch ? (alongU ? notch : rect(notch.v0, notch.u0, notch.v1, notch.u1)) : undefined;
  const branchS: Record<'low' | 'high', number[]> = { low: [], high: [] };
  const branches = Math.floor((len - 2 * end) / 45);
  for (let k = 1; hasGates && k <= branches; k++) {
    const s = q(s0 + end + ((len - 2 * end) * k) / (branches + 1));
    for (const half of ['low', 'high'] as const) {
      if (gatePathS[half].some((g) => Math.abs(g - s) < 12)) continue;
      let tEnd = half === 'low' ? t0 + 7 : t1 - 7;
      if (notchLocal && s > notchLocal.u0 - 6 && s < notchLocal.u1 + 6) {
        if (half === 'low' && notchLocal.v0 === t0) tEnd = notchLocal.v1 + 7;
        if (half === 'high' && notchLocal.v1 === t1) tEnd = notchLocal.v0 - 7;
      }
      if (Math.abs(tEnd - tm) < 15) continue;
      ways.push({ a: P(s, tm), b: P(s, tEnd), tags: foot });
      branchS[half].push(s);
    }
  }

  // Slab blocks in the bays between paths, set back from the spine and the boundary. Slabs
  // run east–west (facing south, as most housing here does) whichever way the spine runs.
  const candidates: Array<{ s: number; r: Rect }> = [];
  const halfT = (t1 - t0) / 2;
  const [maxHalfS, extentT, minExtentT] = alongU ? [30, Math.min(14, halfT - 14), 8] : [7, Math.min(60, halfT - 14), 20];
  for (const half of ['low', 'high'] as const) {
    if (extentT < minExtentT) continue;
    const stops = [s0 + 2, ...branchS[half], ...gatePathS[half], s1 - 2].sort((a, b) => a - b);
    for (let k = 0; k + 1 < stops.length; k++) {
      const a = stops[k] ?? 0;
      const b = stops[k + 1] ?? 0;
      if (b - a < 26) continue;
      const mid = (a + b) / 2;
      const halfS = Math.min(maxHalfS, (b - a) / 2 - 6);
      const [ta, tb] = half === 'low' ? [tm - 8 - extentT, tm - 8] : [tm + 8, tm + 8 + extentT];
      const [pa, pb] = [P(mid - halfS, ta), P(mid + halfS, tb)];
      const building = rect(Math.min(pa[0], pb[0]), Math.min(pa[1], pb[1]), Math.max(pa[0], pb[0]), Math.max(pa[1], pb[1]));
      if (!notch || !overlaps(building, inset(notch, -4))) candidates.push({ s: mid, r: building });
    }
  }
  // At most four footprints per compound (the basemap stays light), spread along it.
  candidates.sort((x, y) => x.s - y.s);
  const keep = Math.min(4, candidates.length);
  const buildings = Array.from({ length: keep }, (_, i) => candidates[keep < 2 ? i : Math.round((i * (candidates.length - 1)) / (keep - 1))]?.r).filter(
    (r): r is Rect => r !== undefined,
  );

  const layout: PartLayout = { rect: r, ring: ringOf(r, notch), gates, ways, connectors, buildings };
  if (notch) layout.notch = notch;
  return layout;
}
