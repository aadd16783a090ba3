import type { Feature, Point } from 'geojson';
import type { FacilityProps } from '../../domain/dataset';
import type { CompoundPlan } from './compounds';
import { insidePart } from './compound-layout';
import { cstMs, DAY_MS, isoDateCst } from './dates';
import { FACILITY_DEMANDS, type FacilityDemand } from './facility-catalog';
import { categoryForName, hoursForName, type NameContext } from './facility-names';
import { q, uv, type Frame, type Uv } from './frame';
import { cellOwner } from './grids';
import { setbackM, type Layout, type Side } from './layout';
import type { PlannedBlock } from './landuse';
import type { LotSite } from './lots';
import { COMMUNITIES, EW_ARTERIALS, type ZhEn } from './names';
import type { Rng } from './prng';

/**
 * Places every facility of the catalogue: on its own site, in a shop beside a street, or
 * inside a compound next to a gate; spread out (each new one is the best of several random
 * candidates, far from others of its kind) and never in the river.
 */

export interface FacilityPlan {
  category: string;
  name: ZhEn;
  at: Uv;
  hours: string;
  capacity?: number;
  address: string;
}

interface Candidate {
  at: Uv;
  street: ZhEn;
  number: number;
  communityKey: string;
  compound?: CompoundPlan;
}

export interface FacilityInputs {
  layout: Layout;
  planned: PlannedBlock[];
  compounds: CompoundPlan[];
  sites: LotSite[];
  riversideSpot: Uv;
}

const SHOP_STREETS = new Set(['primary', 'secondary', 'tertiary', 'residential', 'living_street']);
const MAIN_STREETS = new Set(['primary', 'secondary', 'tertiary']);
const SIDES: readonly Side[] = ['south', 'north', 'west', 'east'];

/** A house number: odd on the south / west side of a street, even on the north / east side. */
function houseNumber(alongM: number, evenSide: boolean): number {
  return 2 * Math.floor(Math.max(0, alongM) / 14) + (evenSide ? 2 : 1);
}

function streetOf(p: PlannedBlock, side: Side): ZhEn {
  const named = (s: Side) => p.block.sides[s].name;
  return named(side) ?? SIDES.map(named).find((n) => n) ?? EW_ARTERIALS.fuxin;
}

/** A point in the setback strip between the street and the lot, `t` of the way along the side. */
function frontagePoint(p: PlannedBlock, side: Side, t: number): Candidate {
  const b = p.block;
  const off = Math.min(6, setbackM(b.sides[side].highway) - 3);
  const along = side === 'south' || side === 'north' ? b.u0 + (b.u1 - b.u0) * t : b.v0 + (b.v1 - b.v0) * t;
  const at: Uv =
    side === 'south' ? uv(along, b.v0 + off) : side === 'north' ? uv(along, b.v1 - off) : side === 'west' ? uv(b.u0 + off, along) : uv(b.u1 - off, along);
  return {
    at,
    street: streetOf(p, side),
    number: houseNumber(along, side === 'south' || side === 'west'),
    communityKey: cellOwner(b.col, b.row).community.key,
  };
}

export class FacilityPlanner {
  readonly plans: FacilityPlan[] = [];
  private readonly usedNames = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly inputs: FacilityInputs,
  ) {}

  private frontageCandidate(d: FacilityDemand, community: string | undefined): Candidate | undefined {
    const streets = d.mainStreet ? MAIN_STREETS : SHOP_STREETS;
    const blocks = this.inputs.planned.filter(
      (p) => (!d.bank || (d.bank === 'north') === p.north) && (!community || cellOwner(p.block.col, p.block.row).community.key === community),
    );
    const options = blocks.flatMap((p) => SIDES.filter((s) => streets.has(p.block.sides[s].highway)).map((s) => [p, s] as const));
    if (options.length === 0) return undefined;
    const [p, side] = this.rng.pick(options);
    return frontagePoint(p, side, this.rng.range(0.15, 0.85));
  }

  private gateCandidate(d: FacilityDemand, community: string | undefined): Candidate | undefined {
    const options = this.inputs.compounds
      .filter((c) => (!d.bank || (d.bank === 'north') === c.block.north) && (!community || c.communityId === `cm-${community}`))
      .flatMap((c) => c.parts.flatMap((part) => part.gates.map((g) => ({ c, part, g }))));
    if (options.length === 0) return undefined;
    const { c, part, g } = this.rng.pick(options);
    const sideways = this.rng.chance(0.5) ? 6 : -6;
    const at = uv(g.at[0] + g.inward[0] * 12 + g.along[0] * sideways, g.at[1] + g.inward[1] * 12 + g.along[1] * sideways);
    if (!insidePart(part, at, 2)) return undefined;
    // The address is on the street the gate opens to.
    const street = g.facing.tags.name ?? streetOf(c.block, g.side);
    const alongStreet = g.side === 'south' || g.side === 'north' ? g.at[0] : g.at[1];
    const communityKey = cellOwner(c.block.block.col, c.block.block.row).community.key;
    return { at, street, number: houseNumber(alongStreet, g.side === 'south' || g.side === 'west'), communityKey, compound: c };
  }

  private lotCandidate(d: FacilityDemand, n: number): Candidate | undefined {
    const sites = this.inputs.sites.filter((s) => s.kind === d.lot);
    const site = sites[n];
    if (!site) return undefined;
    const p = site.planned;
    const along = site.front === 'south' || site.front === 'north' ? site.anchor[0] : site.anchor[1];
    return {
      at: site.anchor,
      street: streetOf(p, site.front),
      number: houseNumber(along, site.front === 'south' || site.front === 'west'),
      communityKey: cellOwner(p.block.col, p.block.row).community.key,
    };
  }

  private riversideCandidate(): Candidate {
    const at = this.inputs.riversideSpot;
    const col = this.inputs.layout.arterialU.findIndex((u, i, all) => at[0] >= u && at[0] < (all[i + 1] ?? Infinity));
    return { at, street: EW_ARTERIALS.riverSouth, number: houseNumber(at[0], false), communityKey: cellOwner(Math.max(0, col), 1).community.key };
  }

  /** -1 when within 15 m of any facility, else the distance to the nearest one of the category. */
  private spacing(at: Uv, category: string): number {
    let nearestSame = Infinity;
    for (const f of this.plans) {
      const d = Math.hypot(f.at[0] - at[0], f.at[1] - at[1]);
      if (d < 15) return -1;
      if (f.category === category) nearestSame = Math.min(nearestSame, d);
    }
    return nearestSame;
  }

  private nameFor(d: FacilityDemand, c: Candidate, n: number): ZhEn | undefined {
    const community = COMMUNITIES.find((x) => x.key === c.communityKey)?.name ?? { zh: '岳峰', en: 'Yuefeng' };
    const ctx: NameContext = { community, street: c.street, n, ...(c.compound ? { compound: c.compound.name } : {}) };
    return d.names(ctx).find((name) => !this.usedNames.has(name.zh));
  }

  /** Best of several random candidates: far from others of the category, with a free name. */
  private placeOne(d: FacilityDemand, n: number, community: string | undefined): void {
    let best: { c: Candidate; name: ZhEn; score: number } | undefined;
    const modes = d.where === 'gate' ? (['gate', 'frontage'] as const) : d.where === 'lot' ? (['lot', 'frontage'] as const) : ([d.where] as const);
    for (const mode of modes) {
      const tries = mode === 'lot' || mode === 'riverside' ? 1 : 10;
      for (let i = 0; i < tries * 4 && (!best || i < tries); i++) {
        const c =
          mode === 'lot'
            ? this.lotCandidate(d, n)
            : mode === 'riverside'
              ? this.riversideCandidate()
              : mode === 'gate'
                ? this.gateCandidate(d, community)
                : this.frontageCandidate(d, community);
        if (!c) continue;
        const name = this.nameFor(d, c, n);
        const score = this.spacing(c.at, d.category);
        if (!name || score < 0) continue;
        if (!best || score > best.score) best = { c, name, score };
      }
      if (best) break;
    }
    if (!best) return;
    const { c, name } = best;
    this.usedNames.add(name.zh);
    const plan: FacilityPlan = {
      category: d.category,
      name,
      at: c.at,
      hours: hoursForName(name.zh) ?? (n === 0 && d.firstHours ? d.firstHours : this.rng.pick(d.hours)),
      address: `${c.street.zh}${c.number}号${c.compound ? `${c.compound.name.zh}内` : ''}`,
    };
    if (d.capacity) plan.capacity = d.capacity(this.rng);
    this.plans.push(plan);
  }

  placeAll(): FacilityPlan[] {
    for (const d of FACILITY_DEMANDS) {
      if (d.community === 'each') COMMUNITIES.forEach((c, n) => this.placeOne(d, n, c.key));
      else for (let n = 0; n < d.count; n++) this.placeOne(d, n, d.community);
    }
    return this.plans;
  }
}

export function facilityFeatures(rng: Rng, plans: FacilityPlan[], frame: Frame): Array<Feature<Point, FacilityProps>> {
  const phones = new Set<string>();
  const firstDay = cstMs(2026, 1, 5);
  return plans.map((f, i) => {
    let phone: string;
    do phone = `0591-8000${String(rng.int(0, 9999)).padStart(4, '0')}`;
    while (phones.has(phone));
    phones.add(phone);
    const properties: FacilityProps = {
      id: `f-${String(i + 1).padStart(3, '0')}`,
      category: categoryForName(f.name.zh) ?? f.category,
      name: f.name.zh,
      name_en: f.name.en,
      opening_hours: f.hours,
    };
    if (f.capacity !== undefined) properties.capacity = f.capacity;
    Object.assign(properties, {
      phone,
      address: f.address,
      last_verified: isoDateCst(firstDay + rng.int(0, 297) * DAY_MS),
      source: 'sample',
    });
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: frame.toLonLat([q(f.at[0]), q(f.at[1])]) } };
  });
}
