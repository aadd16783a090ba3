import { q, uv, type Uv } from './frame';
import type { PlannedWay } from './compound-layout';
import type { Highway, Side, WayTags } from './layout';
import type { LotKind, PlannedBlock } from './landuse';
import type { ZhEn } from './names';
import { centre, height, inset, rect, segmentTouches, width, type Rect } from './polygon';
import type { Rng } from './prng';

/**
 * Blocks that are not compounds: parks with paths (and sometimes a pond), schools and a
 * works yard behind private service roads, old alley quarters (小巷), commercial blocks.
 */

export interface LotSite {
  planned: PlannedBlock;
  kind: LotKind;
  /** The side on the block's main street, where the entrance is. */
  front: Side;
  /** Where the facility point goes: inside the lot, near the entrance. */
  anchor: Uv;
}

export interface LotsResult {
  ways: PlannedWay[];
  parks: Array<{ site: LotSite; green: Rect }>;
  ponds: Rect[];
  buildings: Rect[];
  sites: LotSite[];
}

const RANK: Record<Highway, number> = {
  primary: 9,
  secondary: 8,
  tertiary: 7,
  residential: 6,
  living_street: 5,
  pedestrian: 4,
  service: 3,
  footway: 2,
  path: 1,
  steps: 0,
};

const SIDES: readonly Side[] = ['south', 'north', 'west', 'east'];

function frontSide(p: PlannedBlock): Side {
  return [...SIDES].sort((a, b) => RANK[p.block.sides[b].highway] - RANK[p.block.sides[a].highway])[0] ?? 'south';
}

function backSide(p: PlannedBlock): Side {
  return [...SIDES].sort((a, b) => RANK[p.block.sides[a].highway] - RANK[p.block.sides[b].highway])[0] ?? 'north';
}

/** A point on the given side of the lot, `depth` metres in, `t` (0–1) of the way along. */
function pointInLot(lot: Rect, side: Side, t: number, depth: number): Uv {
  switch (side) {
    case 'south':
      return uv(lot.u0 + (lot.u1 - lot.u0) * t, lot.v0 + depth);
    case 'north':
      return uv(lot.u0 + (lot.u1 - lot.u0) * t, lot.v1 - depth);
    case 'west':
      return uv(lot.u0 + depth, lot.v0 + (lot.v1 - lot.v0) * t);
    default:
      return uv(lot.u1 - depth, lot.v0 + (lot.v1 - lot.v0) * t);
  }
}

/** From the street centre line on `side` straight into the lot, `depthShare` of the way across. */
function drive(p: PlannedBlock, side: Side, t: number, depthShare: number, tags: WayTags): PlannedWay {
  const { block: b, lot } = p;
  const across = side === 'south' || side === 'north' ? height(lot) : width(lot);
  const inside = pointInLot(lot, side, t, q(across * depthShare));
  const street: Uv = side === 'south' ? [inside[0], b.v0] : side === 'north' ? [inside[0], b.v1] : side === 'west' ? [b.u0, inside[1]] : [b.u1, inside[1]];
  return { a: street, b: inside, tags };
}

function park(rng: Rng, p: PlannedBlock, out: LotsResult, steps: boolean): LotSite {
  const { block: b, lot } = p;
  const loop = inset(lot, 10);
  const [um, vm] = centre(lot);
  const foot: WayTags = { highway: 'footway' };
  out.ways.push(
    { a: [loop.u0, loop.v0], b: [loop.u1, loop.v0], tags: foot },
    { a: [loop.u1, loop.v0], b: [loop.u1, loop.v1], tags: foot },
    { a: [loop.u1, loop.v1], b: [loop.u0, loop.v1], tags: foot },
    { a: [loop.u0, loop.v1], b: [loop.u0, loop.v0], tags: foot },
    { a: [um, b.v0], b: [um, loop.v0], tags: foot },
    { a: [um, b.v1], b: [um, loop.v1], tags: foot },
    { a: [b.u0, vm], b: [loop.u0, vm], tags: foot },
    { a: [b.u1, vm], b: [loop.u1, vm], tags: foot },
  );
  if (width(lot) >= 120 && height(lot) >= 100 && rng.chance(0.5)) {
    out.ponds.push(rect(um - width(lot) * 0.22, vm - height(lot) * 0.2, um + width(lot) * 0.22, vm + height(lot) * 0.2));
  } else {
    out.ways.push(
      { a: [um, loop.v0], b: [um, loop.v1], tags: steps ? { highway: 'steps' } : foot },
      { a: [loop.u0, vm], b: [loop.u1, vm], tags: { highway: 'path' } },
    );
  }
  const front = frontSide(p);
  // Beside the main entrance path, inside the loop.
  const entrance = pointInLot(loop, front, 0.5, 6);
  const anchor: Uv = front === 'south' || front === 'north' ? uv(entrance[0] + 7, entrance[1]) : uv(entrance[0], entrance[1] + 7);
  const site: LotSite = { planned: p, kind: 'park', front, anchor };
  out.parks.push({ site, green: lot });
  return site;
}

function buildingsIn(r: Rect, count: number, rng: Rng): Rect[] {
  const out: Rect[] = [];
  const w = width(r) / count;
  for (let i = 0; i < count; i++) {
    const depth = Math.min(height(r) * 0.5, rng.range(18, 30));
    const v0 = r.v0 + rng.range(0, Math.max(0, height(r) - depth));
    out.push(rect(r.u0 + w * i + 4, v0, r.u0 + w * (i + 1) - 4, v0 + depth));
  }
  return out;
}

function alleyQuarter(rng: Rng, p: PlannedBlock, out: LotsResult, budget: number, name: ZhEn | undefined): void {
  const { block: b, lot } = p;
  const nsCount = Math.max(1, Math.floor((b.u1 - b.u0) / 50) - 1);
  const xs = [b.u0];
  for (let k = 1; k <= nsCount; k++) xs.push(q(b.u0 + ((b.u1 - b.u0) * k) / (nsCount + 1) + rng.range(-6, 6)));
  xs.push(b.u1);
  const stepsColumn = rng.chance(0.5) ? rng.int(0, xs.length - 2) : -1;
  xs.slice(1, -1).forEach((x, k) => {
    const tags: WayTags = k === 0 ? { highway: 'pedestrian', ...(name ? { name } : {}) } : { highway: 'footway' };
    out.ways.push({ a: [x, b.v0], b: [x, b.v1], tags });
  });
  let built = 0;
  for (let c = 0; c + 1 < xs.length; c++) {
    const xa = xs[c] ?? 0;
    const xb = xs[c + 1] ?? 0;
    const ewCount = Math.max(1, Math.floor((b.v1 - b.v0) / 45) - 1);
    const ys = [b.v0];
    for (let k = 1; k <= ewCount; k++) ys.push(q(b.v0 + ((b.v1 - b.v0) * k) / (ewCount + 1) + rng.range(-6, 6)));
    ys.push(b.v1);
    ys.slice(1, -1).forEach((y, k) => {
      const highway: Highway = c === stepsColumn && k === 0 ? 'steps' : rng.chance(0.3) ? 'path' : 'footway';
      out.ways.push({ a: [xa, y], b: [xb, y], tags: { highway } });
    });
    for (let k = 0; k + 1 < ys.length && built < budget; k++) {
      const cell = rect(Math.max(xa + 3, lot.u0), Math.max((ys[k] ?? 0) + 3, lot.v0), Math.min(xb - 3, lot.u1), Math.min((ys[k + 1] ?? 0) - 3, lot.v1));
      if (width(cell) >= 12 && height(cell) >= 12 && rng.chance(0.6)) {
        out.buildings.push(cell);
        built++;
      }
    }
  }
}

export interface LotOptions {
  /** Most building footprints the alley quarters and commercial blocks may add. */
  buildingBudget: number;
  alleyNames: ReadonlyArray<ZhEn | undefined>;
  /** Parks whose N–S path climbs a hill (康山) by steps. */
  hillPark: (p: PlannedBlock) => boolean;
}

export function planLots(rng: Rng, planned: PlannedBlock[], options: LotOptions): LotsResult {
  const out: LotsResult = { ways: [], parks: [], ponds: [], buildings: [], sites: [] };
  let budget = options.buildingBudget;
  let alleyNo = 0;
  let deadEnds = 0;
  for (const p of planned) {
    const { lot, use } = p;
    const ways: PlannedWay[] = [];
    const buildings: Rect[] = [];
    if (use.kind === 'lot' && use.lot === 'park') {
      out.sites.push(park(rng, p, out, options.hillPark(p)));
    } else if (use.kind === 'lot') {
      const front = frontSide(p);
      out.sites.push({ planned: p, kind: use.lot, front, anchor: pointInLot(lot, front, rng.range(0.35, 0.65), 8) });
      const sheds = use.lot === 'market' || use.lot === 'sports' ? 1 : use.lot === 'industrial' ? 3 : 2;
      buildings.push(...buildingsIn(inset(lot, 12), sheds, rng));
      const privateTags: WayTags = { highway: 'service', access: 'private' };
      if (use.lot === 'middle_school') ways.push(drive(p, backSide(p), 0.8, 0.3, privateTags));
      if (use.lot === 'industrial') {
        const into = drive(p, front, 0.5, 0.15, privateTags);
        const [x, y] = into.b;
        const across = front === 'south' || front === 'north' ? { a: uv(lot.u0 + 6, y), b: uv(lot.u1 - 6, y) } : { a: uv(x, lot.v0 + 6), b: uv(x, lot.v1 - 6) };
        ways.push(into, { ...across, tags: privateTags });
      }
    } else if (use.kind === 'alleys') {
      const before = out.buildings.length;
      alleyQuarter(rng, p, out, Math.min(budget, 24), options.alleyNames[alleyNo++]);
      budget -= out.buildings.length - before;
    } else if (use.kind === 'commercial') {
      const back = backSide(p);
      // Two cul-de-sacs: a short street that ends inside a commercial block.
      if (deadEnds < 2 && width(lot) >= 100 && height(lot) >= 100 && (back === 'south' || back === 'north')) {
        deadEnds++;
        ways.push(drive(p, back, 0.5, 0.45, { highway: 'residential' }));
      }
      if (width(lot) >= 40 && height(lot) >= 40 && budget > 0) buildings.push(...buildingsIn(inset(lot, 6), width(lot) > 120 ? 2 : 1, rng));
    }
    const clear = buildings.filter((r) => ways.every((w) => !segmentTouches(w.a, w.b, r, 3)));
    const kept = clear.slice(0, Math.max(0, budget));
    budget -= kept.length;
    out.buildings.push(...kept);
    out.ways.push(...ways);
  }
  return out;
}
