import { q, uv, type Uv } from './frame';
import { cellOwner } from './grids';
import { insidePart, layoutPart, pickNotch, type Facing, type PartLayout, type PlannedWay } from './compound-layout';
import type { Side, WayTags } from './layout';
import { splitLot, type PlannedBlock } from './landuse';
import { communityCompoundNames, MID_COMPOUND_NAMES, NEW_COMPOUND_NAMES, OLD_COMPOUND_NAMES, RUICHENG, YAOLONG, type ZhEn } from './names';
import { area, centre, type Rect } from './polygon';
import type { Rng } from './prng';

/**
 * Residential compounds (小区): one or two per residential block, with an age that drives
 * their name, density, share of elderly residents and whether they have a property manager.
 */

export interface CompoundPlan {
  id: string;
  name: ZhEn;
  block: PlannedBlock;
  parts: PartLayout[];
  builtYear: number;
  population: number;
  elderly60: number;
  elderly80: number;
  households: number;
  propertyManagement: boolean;
  communityId: string;
  gridId: string;
}

export interface CompoundsResult {
  compounds: CompoundPlan[];
  /** Alleys (小巷) running between the two compounds of a split block. */
  alleys: PlannedWay[];
}

const NO_GATE_COMPOUNDS = 5;
const MULTI_PART_COMPOUNDS = 3;

/** Typical build year by superblock row: old town south of the river, new town in the north. */
const ROW_BASE_YEAR = [1991, 1995, 2005, 1993, 2011];

interface Draft {
  block: PlannedBlock;
  rects: Rect[];
  facing: Array<Partial<Record<Side, Facing>>>;
  builtYear: number;
  name?: ZhEn;
  gates: number;
  propertyManagement?: boolean;
}

function blockFacing(p: PlannedBlock): Record<Side, Facing> {
  const b = p.block;
  return {
    south: { at: b.v0, tags: b.sides.south },
    north: { at: b.v1, tags: b.sides.north },
    west: { at: b.u0, tags: b.sides.west },
    east: { at: b.u1, tags: b.sides.east },
  };
}

const SIDE_WEIGHT: Record<string, number> = { primary: 3, secondary: 3, tertiary: 2.5, residential: 2, living_street: 1.5 };

function gateSides(rng: Rng, facing: Partial<Record<Side, Facing>>, wanted: number): Side[] {
  const free = (Object.keys(facing) as Side[]).filter((s) => facing[s]);
  const out: Side[] = [];
  while (out.length < wanted && free.length > 0) {
    const side = rng.weighted(free, (s) => SIDE_WEIGHT[facing[s]?.tags.highway ?? ''] ?? 1);
    out.push(side);
    free.splice(free.indexOf(side), 1);
  }
  return out;
}

function wantedGates(rng: Rng, areaM2: number): number {
  if (areaM2 < 9000) return 1;
  if (areaM2 < 18000) return rng.int(1, 2);
  if (areaM2 < 30000) return rng.int(2, 3);
  return rng.int(3, 4);
}

/** Splits some blocks in two (a wall, or an alley between them) to reach the target count. */
function draftParts(rng: Rng, blocks: PlannedBlock[], target: number, alleys: PlannedWay[]): Draft[] {
  const splittable = blocks.filter((p) => Math.max(p.lot.u1 - p.lot.u0, p.lot.v1 - p.lot.v0) >= 170);
  const splits = Math.max(0, Math.min(splittable.length, target - blocks.length + MULTI_PART_COMPOUNDS));
  const split = new Set(rng.shuffle(splittable).slice(0, splits));
  let multis = 0;
  const drafts: Draft[] = [];
  for (const p of blocks) {
    const base = ROW_BASE_YEAR[p.block.row] ?? 2000;
    const year = () => Math.min(2021, Math.max(1978, Math.round(base + rng.range(-10, 12))));
    const facing = blockFacing(p);
    if (!split.has(p)) {
      drafts.push({ block: p, rects: [p.lot], facing: [facing], builtYear: year(), gates: 0 });
      continue;
    }
    const withAlley = rng.chance(0.5);
    const [a, b, axis] = splitLot(p.lot, rng.range(0.4, 0.6), withAlley ? 12 : 8);
    const [lowSide, highSide]: [Side, Side] = axis === 'u' ? ['west', 'east'] : ['south', 'north'];
    const facingA: Partial<Record<Side, Facing>> = { ...facing };
    const facingB: Partial<Record<Side, Facing>> = { ...facing };
    delete facingA[highSide];
    delete facingB[lowSide];
    if (withAlley) {
      const at = axis === 'u' ? q((a.u1 + b.u0) / 2) : q((a.v1 + b.v0) / 2);
      const tags: WayTags = { highway: rng.chance(0.8) ? 'footway' : 'path' };
      facingA[highSide] = { at, tags };
      facingB[lowSide] = { at, tags };
      const blk = p.block;
      alleys.push(axis === 'u' ? { a: [at, blk.v0], b: [at, blk.v1], tags } : { a: [blk.u0, at], b: [blk.u1, at], tags });
    }
    if (multis < MULTI_PART_COMPOUNDS && p.block.row >= 2) {
      multis++;
      drafts.push({ block: p, rects: [a, b], facing: [facingA, facingB], builtYear: Math.max(2003, year()), gates: 0 });
    } else {
      const y = year();
      drafts.push({ block: p, rects: [a], facing: [facingA], builtYear: y, gates: 0 });
      drafts.push({ block: p, rects: [b], facing: [facingB], builtYear: Math.min(2021, y + rng.int(-2, 6)), gates: 0 });
    }
  }
  return drafts;
}

const draftArea = (d: Draft) => d.rects.reduce((sum, r) => sum + area(r), 0);

/** 耀隆宿舍 (凤林社区, 1985, one gate, no property manager) and 瑞城花园 are always there. */
function placeNamedCompounds(drafts: Draft[]): void {
  const single = drafts.filter((d) => d.rects.length === 1);
  const inFenglin = single.filter((d) => cellOwner(d.block.block.col, d.block.block.row).community.key === 'fenglin');
  const yaolong = [...(inFenglin.length > 0 ? inFenglin : single)].sort((a, b) => draftArea(a) - draftArea(b))[0];
  if (yaolong) Object.assign(yaolong, { name: YAOLONG, builtYear: 1985, gates: 1, propertyManagement: false });
  const large = single.filter((d) => d !== yaolong && d.block.block.row >= 2).sort((a, b) => draftArea(b) - draftArea(a));
  const ruicheng = large[Math.min(2, large.length - 1)];
  if (ruicheng) Object.assign(ruicheng, { name: RUICHENG, builtYear: 2008 });
}

function nameDrafts(rng: Rng, drafts: Draft[]): void {
  const taken = new Set(drafts.flatMap((d) => (d.name ? [d.name.zh] : [])));
  const pools = { old: rng.shuffle(OLD_COMPOUND_NAMES), mid: rng.shuffle(MID_COMPOUND_NAMES), new: rng.shuffle(NEW_COMPOUND_NAMES) };
  const next = (pool: ZhEn[]) => {
    for (let name = pool.shift(); name; name = pool.shift()) if (!taken.has(name.zh)) return name;
    return undefined;
  };
  for (const d of drafts) {
    if (d.name) continue;
    const era = d.builtYear < 1993 ? 'old' : d.builtYear < 2005 ? 'mid' : 'new';
    const community = cellOwner(d.block.block.col, d.block.block.row).community.name;
    const local = era === 'new' ? [] : communityCompoundNames(community, era).filter((n) => !taken.has(n.zh));
    const name = (local.length > 0 && rng.chance(0.4) ? rng.pick(local) : undefined) ?? next(pools[era]) ?? next(pools.mid) ?? next(pools.new);
    if (name) {
      d.name = name;
      taken.add(name.zh);
    }
  }
}

function residents(rng: Rng, d: Draft) {
  const y = d.builtYear;
  const density = y < 1990 ? 0.05 : y < 2000 ? 0.058 : y < 2010 ? 0.068 : 0.078;
  const population = Math.min(4000, Math.max(300, Math.round(draftArea(d) * density * rng.range(0.8, 1.2))));
  const share60 = y < 1990 ? rng.range(0.29, 0.35) : y < 2000 ? rng.range(0.24, 0.3) : y < 2010 ? rng.range(0.2, 0.26) : rng.range(0.18, 0.22);
  const elderly60 = Math.round(population * share60);
  const elderly80 = Math.round(elderly60 * (y < 2000 ? rng.range(0.18, 0.25) : rng.range(0.15, 0.21)));
  const households = Math.round(population / rng.range(2.4, 2.9));
  return { population, elderly60, elderly80, households };
}

export function planCompounds(rng: Rng, planned: PlannedBlock[], target: number): CompoundsResult {
  const alleys: PlannedWay[] = [];
  const drafts = draftParts(
    rng,
    planned.filter((p) => p.use.kind === 'compounds'),
    target,
    alleys,
  );
  placeNamedCompounds(drafts);
  nameDrafts(rng, drafts);

  // 1–4 gates in all: at most two per phase of a two-phase compound.
  for (const d of drafts) if (d.gates === 0) d.gates = Math.min(d.rects.length > 1 ? 2 : 4, wantedGates(rng, draftArea(d) / d.rects.length));
  // A few small old compounds have no recorded gate; the app falls back to pointOnFeature.
  const gateless = rng
    .shuffle(drafts.filter((d) => d.rects.length === 1 && d.builtYear < 2000 && d.name !== YAOLONG))
    .sort((a, b) => draftArea(a) - draftArea(b))
    .slice(0, NO_GATE_COMPOUNDS);
  for (const d of gateless) d.gates = 0;

  const compounds = drafts.map((d, i): CompoundPlan => {
    const parts = d.rects.map((r, k) => {
      const facing = d.facing[k] ?? {};
      const notch = d.name === YAOLONG ? undefined : pickNotch(rng, r);
      return layoutPart(rng, r, facing, gateSides(rng, facing, d.gates), notch);
    });
    const owner = cellOwner(d.block.block.col, d.block.block.row);
    const old = d.builtYear < 1995;
    return {
      id: `c-${String(i + 1).padStart(3, '0')}`,
      name: d.name ?? { zh: `小区${i + 1}`, en: `Compound ${i + 1}` },
      block: d.block,
      parts,
      builtYear: d.builtYear,
      ...residents(rng, d),
      propertyManagement: d.propertyManagement ?? (old ? rng.chance(0.4) : d.builtYear < 2005 ? rng.chance(0.85) : true),
      communityId: owner.communityId,
      gridId: owner.gridId,
    };
  });
  return { compounds, alleys };
}

/** A random spot inside the compound (a home, a request), clear of its boundary by 8 m. */
export function pointInCompound(rng: Rng, c: CompoundPlan): Uv {
  const part = rng.weighted(c.parts, (p) => area(p.rect));
  for (let i = 0; i < 50; i++) {
    const at = uv(rng.range(part.rect.u0 + 8, part.rect.u1 - 8), rng.range(part.rect.v0 + 8, part.rect.v1 - 8));
    if (insidePart(part, at, 8)) return at;
  }
  return centre(part.rect);
}
