import { q } from './frame';
import { setbackM, type Block, type Layout } from './layout';
import { height, rect, width, type Rect } from './polygon';
import type { Rng } from './prng';

/**
 * What each block is used for. Facilities that need a site of their own (schools, parks,
 * markets…) get whole blocks spread over the town; a few blocks are old alley quarters
 * (小巷) or commercial; the rest hold residential compounds.
 */

export type LotKind = 'park' | 'primary_school' | 'middle_school' | 'health_center' | 'market' | 'sports' | 'industrial';

export type BlockUse = { kind: 'compounds' } | { kind: 'lot'; lot: LotKind } | { kind: 'alleys' } | { kind: 'commercial' };

export interface PlannedBlock {
  block: Block;
  /** The land inside the street setbacks. */
  lot: Rect;
  use: BlockUse;
  /** True north of the river. */
  north: boolean;
}

interface LotDemand {
  lot: LotKind;
  count: number;
  minW: number;
  minH: number;
  /** Which bank: 'south' / 'north' only, or both. Gaps across the river are deliberate. */
  bank: 'south' | 'north' | 'both';
  where?: (b: Block) => boolean;
}

const DEMANDS: readonly LotDemand[] = [
  { lot: 'health_center', count: 1, minW: 90, minH: 80, bank: 'south' },
  { lot: 'health_center', count: 1, minW: 90, minH: 80, bank: 'north' },
  { lot: 'middle_school', count: 3, minW: 140, minH: 110, bank: 'south' },
  { lot: 'primary_school', count: 2, minW: 120, minH: 100, bank: 'south' },
  { lot: 'primary_school', count: 2, minW: 120, minH: 100, bank: 'north' },
  // No fresh market north of the river: residents there walk to a bridge.
  { lot: 'market', count: 5, minW: 70, minH: 70, bank: 'south' },
  { lot: 'park', count: 3, minW: 100, minH: 90, bank: 'south' },
  { lot: 'park', count: 3, minW: 100, minH: 90, bank: 'north' },
  { lot: 'sports', count: 3, minW: 90, minH: 70, bank: 'both' },
  {
    lot: 'industrial',
    count: 1,
    minW: 120,
    minH: 90,
    bank: 'north',
    where: (b) => b.sides.north.name?.zh === '化工路' || b.sides.south.name?.zh === '化工路',
  },
];

const ALLEY_QUARTERS = 10;

function lotOf(block: Block): Rect {
  return rect(
    block.u0 + setbackM(block.sides.west.highway),
    block.v0 + setbackM(block.sides.south.highway),
    block.u1 - setbackM(block.sides.east.highway),
    block.v1 - setbackM(block.sides.north.highway),
  );
}

function centreOf(b: Block): readonly [number, number] {
  return [(b.u0 + b.u1) / 2, (b.v0 + b.v1) / 2];
}

function distance(a: Block, b: Block): number {
  const [au, av] = centreOf(a);
  const [bu, bv] = centreOf(b);
  return Math.hypot(au - bu, av - bv);
}

/** Farthest-point sampling: each pick is the candidate farthest from those already taken. */
function spreadPick(rng: Rng, candidates: PlannedBlock[], count: number, avoid: PlannedBlock[]): PlannedBlock[] {
  const chosen: PlannedBlock[] = [];
  const pool = rng.shuffle(candidates);
  while (chosen.length < count && pool.length > 0) {
    const taken = [...avoid, ...chosen];
    let best = 0;
    let bestScore = -1;
    pool.forEach((p, i) => {
      const score = taken.length === 0 ? 0 : Math.min(...taken.map((t) => distance(t.block, p.block)));
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    const [pick] = pool.splice(best, 1);
    if (pick) chosen.push(pick);
  }
  return chosen;
}

/**
 * Assigns a use to every block, in block order. Residential blocks hold one or two
 * compounds each, so about compoundTarget / 1.25 blocks become residential.
 */
export function planLandUse(rng: Rng, layout: Layout, compoundTarget: number): PlannedBlock[] {
  const riverV = layout.riverV;
  const planned: PlannedBlock[] = layout.blocks.map((block) => ({
    block,
    lot: lotOf(block),
    use: { kind: 'commercial' },
    north: block.v0 > riverV,
  }));
  const free = () => planned.filter((p) => p.use.kind === 'commercial');

  for (const demand of DEMANDS) {
    const candidates = free().filter(
      (p) =>
        width(p.lot) >= demand.minW &&
        height(p.lot) >= demand.minH &&
        (demand.bank === 'both' || (demand.bank === 'north') === p.north) &&
        (!demand.where || demand.where(p.block)),
    );
    const same = planned.filter((p) => p.use.kind === 'lot' && p.use.lot === demand.lot);
    for (const p of spreadPick(rng, candidates, demand.count, same)) p.use = { kind: 'lot', lot: demand.lot };
  }

  // Old alley quarters: the former villages south of the river and around 凤林.
  const alleyCandidates = free().filter((p) => (p.block.row <= 1 || p.block.row === 3) && width(p.lot) >= 100 && height(p.lot) >= 90);
  for (const p of spreadPick(rng, alleyCandidates, ALLEY_QUARTERS, [])) p.use = { kind: 'alleys' };

  // Enough residential blocks for the compound target; the rest stay commercial.
  const rest = rng.shuffle(free().filter((p) => width(p.lot) >= 50 && height(p.lot) >= 50));
  const residential = Math.min(rest.length, Math.round(compoundTarget / 1.25));
  rest.slice(0, residential).forEach((p) => {
    p.use = { kind: 'compounds' };
  });
  return planned;
}

/** Splits a lot in two along its longer side, leaving a gap (for a wall or an alley). */
export function splitLot(lot: Rect, at: number, gapM: number): [Rect, Rect, 'u' | 'v'] {
  if (width(lot) >= height(lot)) {
    const cut = q(lot.u0 + width(lot) * at);
    return [rect(lot.u0, lot.v0, cut - gapM / 2, lot.v1), rect(cut + gapM / 2, lot.v0, lot.u1, lot.v1), 'u'];
  }
  const cut = q(lot.v0 + height(lot) * at);
  return [rect(lot.u0, lot.v0, lot.u1, cut - gapM / 2), rect(lot.u0, cut + gapM / 2, lot.u1, lot.v1), 'v'];
}
