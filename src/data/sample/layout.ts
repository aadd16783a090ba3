import { q, TOWN } from './frame';
import { BRIDGE_NAMES, EW_ARTERIALS, FOOTBRIDGE_NAME, NS_ARTERIALS, STREET_GENERICS, STREET_STEMS, ALLEY_GENERICS, type ZhEn } from './names';
import type { Rng } from './prng';

/**
 * The street plan in plan space: arterials about 500 m apart, minor streets and alleys
 * between them, and the blocks they enclose. Every line is axis-aligned in plan space and
 * every block is bounded by one line on each side.
 */

export type Highway = 'primary' | 'secondary' | 'tertiary' | 'residential' | 'living_street' | 'service' | 'footway' | 'path' | 'steps' | 'pedestrian';

export interface WayTags {
  highway: Highway;
  name?: ZhEn;
  bridge?: boolean;
  access?: 'private';
}

/** A street centre line. 'ns' runs along v at constant u; 'ew' runs along u at constant v. */
export interface Line extends WayTags {
  dir: 'ns' | 'ew';
  at: number;
  from: number;
  to: number;
}

export type Side = 'south' | 'north' | 'west' | 'east';

export interface Block {
  id: string;
  /** Superblock column (0–5, between arterials) and row (0–4, row 1 south of the river, 2 north). */
  col: number;
  row: number;
  /** Street centre lines around the block, plan metres. */
  u0: number;
  u1: number;
  v0: number;
  v1: number;
  sides: Record<Side, Line>;
}

export interface Layout {
  /** North–south arterials, 7 values from TOWN.uMin to TOWN.uMax. */
  arterialU: number[];
  /** The five rows of building land between east–west arterials and the riverside roads. */
  rows: Array<readonly [number, number]>;
  /** Row edges used to tile communities: the river centre line replaces the two riverside roads. */
  tileV: number[];
  riverV: number;
  /** The riverside roads' plan v (south bank road, north bank road). */
  riverRoadV: readonly [number, number];
  /** u of every crossing: three road bridges and one footbridge. */
  bridgeU: number[];
  lines: Line[];
  blocks: Block[];
}

/** How far a compound or lot boundary stays back from a street's centre line, metres. */
export function setbackM(highway: Highway): number {
  switch (highway) {
    case 'primary':
      return 14;
    case 'secondary':
      return 13;
    case 'tertiary':
      return 11;
    case 'residential':
      return 10;
    case 'living_street':
      return 8;
    case 'service':
      return 7;
    default:
      return 5;
  }
}

/** Hands out minor-street names without repeats. */
class StreetNamer {
  private readonly streets: ZhEn[];
  private readonly alleys: ZhEn[];

  constructor(rng: Rng) {
    const stems = rng.shuffle(STREET_STEMS);
    this.streets = STREET_GENERICS.flatMap((g) => stems.map((s) => ({ zh: s.zh + g.zh, en: `${s.en} ${g.en}` })));
    this.alleys = ALLEY_GENERICS.flatMap((g) => rng.shuffle(STREET_STEMS).map((s) => ({ zh: s.zh + g.zh, en: `${s.en} ${g.en}` })));
  }

  street(): ZhEn | undefined {
    return this.streets.shift();
  }

  alley(): ZhEn | undefined {
    return this.alleys.shift();
  }
}

function evenlyJittered(rng: Rng, from: number, to: number, count: number, jitterM: number): number[] {
  const out: number[] = [];
  for (let i = 1; i <= count; i++) out.push(q(from + ((to - from) * i) / (count + 1) + rng.range(-jitterM, jitterM)));
  return out;
}

function minorNsTags(rng: Rng, namer: StreetNamer): WayTags {
  const r = rng.float();
  const highway: Highway = r < 0.12 ? 'tertiary' : r < 0.27 ? 'living_street' : 'residential';
  const name = namer.street();
  return name ? { highway, name } : { highway };
}

function minorEwTags(rng: Rng, namer: StreetNamer): WayTags {
  const r = rng.float();
  if (r < 0.45) {
    const name = rng.chance(0.7) ? namer.street() : undefined;
    return name ? { highway: 'residential', name } : { highway: 'residential' };
  }
  if (r < 0.6) return { highway: 'living_street' };
  if (r < 0.7) return { highway: 'service' };
  const highway: Highway = r < 0.92 ? 'footway' : 'pedestrian';
  const name = rng.chance(0.5) ? namer.alley() : undefined;
  return name ? { highway, name } : { highway };
}

export function planLayout(rng: Rng): Layout {
  const namer = new StreetNamer(rng.fork('street-names'));
  const riverV = q(rng.range(1110, 1190));
  const roadS = q(riverV - 72);
  const roadN = q(riverV + 72);
  const arterialU = [0, 490, 1000, 1510, 2000, 2490, 3000].map((u, i, all) => (i === 0 || i === all.length - 1 ? u : q(u + rng.range(-30, 30))));
  const v1 = q(470 + rng.range(-30, 30));
  const v4 = q(roadN + 480 + rng.range(-20, 20));
  const v5 = q(v4 + 410 + rng.range(-25, 25));
  const rows: Array<readonly [number, number]> = [
    [TOWN.vMin, v1],
    [v1, roadS],
    [roadN, v4],
    [v4, v5],
    [v5, TOWN.vMax],
  ];
  const lines: Line[] = [];

  const ew: Array<[number, ZhEn, Highway]> = [
    [TOWN.vMin, EW_ARTERIALS.south, 'secondary'],
    [v1, EW_ARTERIALS.fuxin, 'primary'],
    [roadS, EW_ARTERIALS.riverSouth, 'tertiary'],
    [roadN, EW_ARTERIALS.riverNorth, 'tertiary'],
    [v4, EW_ARTERIALS.huagong, 'secondary'],
    [v5, EW_ARTERIALS.fuguang, 'tertiary'],
    [TOWN.vMax, EW_ARTERIALS.north, 'secondary'],
  ];
  for (const [at, name, highway] of ew) lines.push({ dir: 'ew', at, from: TOWN.uMin, to: TOWN.uMax, highway, name });

  const bridged = [1, 3, 5];
  const nsHighway: Highway[] = ['secondary', 'primary', 'tertiary', 'primary', 'secondary', 'secondary', 'secondary'];
  arterialU.forEach((at, i) => {
    const name = NS_ARTERIALS[i];
    const highway = nsHighway[i] ?? 'secondary';
    // Arterials stop at the riverside roads; only the bridged ones continue across.
    lines.push({ dir: 'ns', at, from: TOWN.vMin, to: roadS, highway, ...(name ? { name } : {}) });
    lines.push({ dir: 'ns', at, from: roadN, to: TOWN.vMax, highway, ...(name ? { name } : {}) });
    const bridgeNo = bridged.indexOf(i);
    const bridgeName = BRIDGE_NAMES[bridgeNo];
    if (bridgeNo >= 0 && bridgeName) lines.push({ dir: 'ns', at, from: roadS, to: roadN, highway, name: bridgeName, bridge: true });
  });
  const u2 = arterialU[2] ?? 1000;
  const u3 = arterialU[3] ?? 1500;
  const footbridgeU = q((u2 + u3) / 2 + rng.range(-50, 50));
  lines.push({ dir: 'ns', at: footbridgeU, from: roadS, to: roadN, highway: 'footway', name: FOOTBRIDGE_NAME, bridge: true });
  const bridgeU = [...bridged.map((i) => arterialU[i] ?? 0), footbridgeU].sort((a, b) => a - b);

  const blocks: Block[] = [];
  const lineAt = (dir: Line['dir'], at: number, from: number, to: number): Line => {
    const found = lines.find((l) => l.dir === dir && l.at === at && l.from <= from && l.to >= to);
    if (!found) throw new Error(`no ${dir} line at ${at} covering ${from}–${to}`);
    return found;
  };

  rows.forEach(([va, vb], row) => {
    for (let col = 0; col < arterialU.length - 1; col++) {
      const ua = arterialU[col] ?? 0;
      const ub = arterialU[col + 1] ?? 0;
      const nsCount = rng.chance(0.5) ? 2 : 1;
      const xs = [ua, ...evenlyJittered(rng, ua, ub, nsCount, 20), ub];
      for (const x of xs.slice(1, -1)) lines.push({ dir: 'ns', at: x, from: va, to: vb, ...minorNsTags(rng, namer) });
      for (let k = 0; k + 1 < xs.length; k++) {
        const xa = xs[k] ?? 0;
        const xb = xs[k + 1] ?? 0;
        // Each column gets its own cross streets, so they meet the north–south streets in staggered T-junctions.
        const ewCount = Math.max(0, Math.round((vb - va) / rng.range(165, 230)) - 1);
        const ys = [va, ...evenlyJittered(rng, va, vb, ewCount, 15), vb];
        for (const y of ys.slice(1, -1)) lines.push({ dir: 'ew', at: y, from: xa, to: xb, ...minorEwTags(rng, namer) });
        for (let m = 0; m + 1 < ys.length; m++) {
          const ya = ys[m] ?? 0;
          const yb = ys[m + 1] ?? 0;
          blocks.push({
            id: `b-${String(blocks.length + 1).padStart(3, '0')}`,
            col,
            row,
            u0: xa,
            u1: xb,
            v0: ya,
            v1: yb,
            sides: {
              south: lineAt('ew', ya, xa, xb),
              north: lineAt('ew', yb, xa, xb),
              west: lineAt('ns', xa, ya, yb),
              east: lineAt('ns', xb, ya, yb),
            },
          });
        }
      }
    }
  });

  const tileV = [TOWN.vMin, v1, riverV, v4, v5, TOWN.vMax];
  return { arterialU, rows, tileV, riverV, riverRoadV: [roadS, roadN], bridgeU, lines, blocks };
}
