import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { datasetFiles, DEFAULT_SEED, generateSample, type SampleDataset } from '../../src/data/sample/index';
import { serializeFile } from '../../src/data/sample/serialize';
import { CONTEXT_KINDS, DATASET_FILES, REQUEST_STAGES } from '../../src/domain/dataset';
import { CATEGORIES } from '../../src/domain/taxonomy';

const HIGHWAYS = ['primary', 'secondary', 'tertiary', 'residential', 'living_street', 'service', 'footway', 'path', 'steps', 'pedestrian'];
const SKILLS = ['medical', 'escort', 'repair', 'errand', 'companionship', 'mediation'];
const STAFF_ROLES = ['社区党委书记', '网格长', '网格员', '楼栋长'];
const COMMUNITY_NAMES = ['新华', '三台', '浦下', '溪口', '康山', '桂香', '香开', '凤林'];
const AS_OF_MS = Date.parse('2026-11-01T00:00:00+08:00');
const DAY_MS = 86_400_000;

/** Every coordinate is [lon, lat]; equal keys mean the very same rounded vertex. */
const key = (p: Position) => `${p[0]},${p[1]}`;

/** Loose OSM opening_hours check: rules of "<days> <times>" / "<days> off" / "24/7" joined by "; ". */
function isOpeningHours(value: string): boolean {
  const day = '(Mo|Tu|We|Th|Fr|Sa|Su|PH)';
  const days = `${day}(-${day})?(,${day}(-${day})?)*`;
  const time = '([01]\\d|2[0-4]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d';
  const rule = new RegExp(`^(24/7|${days} (off|${time}(,${time})*))$`);
  return value.split('; ').every((r) => rule.test(r));
}

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

const orient = (p: Position, q: Position, r: Position) =>
  ((q[0] ?? 0) - (p[0] ?? 0)) * ((r[1] ?? 0) - (p[1] ?? 0)) - ((q[1] ?? 0) - (p[1] ?? 0)) * ((r[0] ?? 0) - (p[0] ?? 0));

/** Whether segments a–b and c–d share any point (touching counts). */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  const box = (p: Position, q: Position, r: Position) =>
    Math.min(p[0] ?? 0, q[0] ?? 0) <= (r[0] ?? 0) &&
    (r[0] ?? 0) <= Math.max(p[0] ?? 0, q[0] ?? 0) &&
    Math.min(p[1] ?? 0, q[1] ?? 0) <= (r[1] ?? 0) &&
    (r[1] ?? 0) <= Math.max(p[1] ?? 0, q[1] ?? 0);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && box(c, d, a)) || (d2 === 0 && box(c, d, b)) || (d3 === 0 && box(a, b, c)) || (d4 === 0 && box(a, b, d));
}

function lineHitsPolygon(coords: Position[], poly: Polygon): boolean {
  if (coords.some((p) => booleanPointInPolygon(p, poly))) return true;
  const ring = poly.coordinates[0] ?? [];
  for (let i = 0; i + 1 < coords.length; i++) {
    for (let k = 0; k + 1 < ring.length; k++) {
      if (segmentsMeet(coords[i] ?? [], coords[i + 1] ?? [], ring[k] ?? [], ring[k + 1] ?? [])) return true;
    }
  }
  return false;
}

function river(ds: SampleDataset): Feature<Polygon> {
  const water = ds.context.features.find((f) => f.properties.kind === 'water' && f.geometry.type === 'Polygon');
  if (!water) throw new Error('no river');
  return water as Feature<Polygon>;
}

/** North of the river: above every crossing of the river outline with the point's meridian. */
function northOfRiver(ds: SampleDataset, p: Position): boolean {
  const ring = river(ds).geometry.coordinates[0] ?? [];
  const [x = 0, y = 0] = p;
  const lats: number[] = [];
  for (let k = 0; k + 1 < ring.length; k++) {
    const [ax = 0, ay = 0] = ring[k] ?? [];
    const [bx = 0, by = 0] = ring[k + 1] ?? [];
    if ((ax - x) * (bx - x) <= 0 && ax !== bx) lats.push(ay + ((by - ay) * (x - ax)) / (bx - ax));
  }
  return y > Math.max(...lats);
}

describe('sample generator: determinism', () => {
  const text = (ds: SampleDataset) => Object.entries(datasetFiles(ds)).map(([file, content]) => [file, serializeFile(content)]);

  it('gives byte-identical files for the same seed', () => {
    expect(text(generateSample(DEFAULT_SEED))).toEqual(text(generateSample(DEFAULT_SEED)));
  });

  it('gives a different town for a different seed', () => {
    const a = datasetFiles(generateSample(DEFAULT_SEED));
    const b = datasetFiles(generateSample(7));
    expect(serializeFile(b['network.geojson'])).not.toEqual(serializeFile(a['network.geojson']));
    expect(serializeFile(b['compounds.geojson'])).not.toEqual(serializeFile(a['compounds.geojson']));
    expect(b['manifest.json']).toEqual(a['manifest.json']);
  });

  it('matches the committed data/yuefeng-sample (regenerate with npm run generate-sample)', () => {
    const dir = join(__dirname, '../../data/yuefeng-sample');
    if (!existsSync(dir)) return;
    for (const [file, content] of Object.entries(datasetFiles(generateSample(DEFAULT_SEED)))) {
      expect(readFileSync(join(dir, file), 'utf8'), file).toBe(serializeFile(content));
    }
  });
});

describe.each([DEFAULT_SEED, 7])('sample dataset (seed %i)', (seed) => {
  const ds = generateSample(seed);
  const files = datasetFiles(ds);
  const compoundsById = new Map(ds.compounds.features.map((f) => [f.properties.id, f]));
  const water = ds.context.features.filter((f) => f.properties.kind === 'water') as Array<Feature<Polygon>>;
  const inWater = (p: Position) => water.some((w) => booleanPointInPolygon(p, w));

  it('has every contract file, the manifest, unique ids and 1e-7-degree coordinates in town', () => {
    expect(Object.keys(files)).toEqual([...DATASET_FILES]);
    expect(ds.manifest).toEqual({
      id: 'yuefeng-sample',
      name: { zh: '岳峰镇（示意数据）', en: 'Yuefeng (illustrative data)' },
      crs: 'WGS84',
      dataAsOf: '2026-11-01',
      synthetic: true,
      timezone: 'Asia/Shanghai',
      sources: [
        {
          name: '十五分钟服务圈示意数据生成器 / sample generator',
          licence: 'CC0-1.0',
          attribution: '示意数据，由本项目脚本生成，非真实数据 / Illustrative data generated by this project, not real',
        },
      ],
      // Exactly the files written besides the manifest (and the nearest report the CLI adds), so the app asks for nothing absent.
      files: [...Object.keys(files).filter((f) => f !== 'manifest.json'), 'report.json'],
    });
    for (const [file, content] of Object.entries(files)) {
      if (file === 'manifest.json') continue;
      const fc = content as SampleDataset['compounds'];
      const ids = fc.features.map((f) => f.properties.id);
      expect(new Set(ids).size, file).toBe(ids.length);
      const text = JSON.stringify(fc);
      for (const [, lon, lat] of text.matchAll(/\[(-?\d+\.?\d*),(-?\d+\.?\d*)\]/g)) {
        expect(Number(lon)).toBe(Math.round(Number(lon) * 1e7) / 1e7);
        expect(Number(lon)).toBeGreaterThan(119.31);
        expect(Number(lon)).toBeLessThan(119.35);
        expect(Number(lat)).toBeGreaterThan(26.075);
        expect(Number(lat)).toBeLessThan(26.105);
      }
    }
  });

  it('has 60–120 compounds with plausible residents, and 耀隆宿舍 and 瑞城花园', () => {
    const compounds = ds.compounds.features;
    expect(compounds.length).toBeGreaterThanOrEqual(60);
    expect(compounds.length).toBeLessThanOrEqual(120);
    expect(compounds.some((c) => c.geometry.type === 'MultiPolygon')).toBe(true);
    const names = compounds.map((c) => c.properties.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { properties: p } of compounds) {
      expect(Number.isInteger(p.population) && Number.isInteger(p.elderly60) && Number.isInteger(p.elderly80)).toBe(true);
      expect(p.population).toBeGreaterThanOrEqual(300);
      expect(p.population).toBeLessThanOrEqual(4000);
      expect(p.population).toBeGreaterThanOrEqual(p.elderly60);
      expect(p.elderly60).toBeGreaterThanOrEqual(p.elderly80);
      expect(p.elderly80).toBeGreaterThan(0);
      expect(p.elderly60 / p.population).toBeGreaterThanOrEqual(0.175);
      expect(p.elderly60 / p.population).toBeLessThanOrEqual(0.355);
      expect(p.elderly80 / p.elderly60).toBeGreaterThanOrEqual(0.14);
      expect(p.elderly80 / p.elderly60).toBeLessThanOrEqual(0.26);
      expect(p.households).toBeGreaterThan(0);
      expect(p.name_en).toMatch(/^[A-Z][A-Za-z' ]+$/);
    }
    const yaolong = compounds.find((c) => c.properties.name === '耀隆宿舍');
    expect(yaolong?.properties).toMatchObject({ name_en: 'Yaolong Dormitory', property_management: false });
    expect(Math.abs((yaolong?.properties.built_year ?? 0) - 1985)).toBeLessThanOrEqual(3);
    expect(ds.gates.features.filter((g) => g.properties.compound_id === yaolong?.properties.id)).toHaveLength(1);
    expect(compounds.find((c) => c.properties.name === '瑞城花园')?.properties.name_en).toBe('Ruicheng Garden');
  });

  it('has gates on compound boundaries, 1–4 per compound, and about five gateless compounds', () => {
    const perCompound = new Map<string, number>();
    for (const g of ds.gates.features) {
      const c = compoundsById.get(g.properties.compound_id);
      expect(c, g.properties.id).toBeDefined();
      if (!c) continue;
      perCompound.set(c.properties.id, (perCompound.get(c.properties.id) ?? 0) + 1);
      // A gate is a vertex of its compound's outline.
      expect(rings(c.geometry).some((r) => r.some((p) => key(p) === key(g.geometry.coordinates)))).toBe(true);
      expect(g.properties.name).toMatch(/[东南西北]门$/);
    }
    for (const n of perCompound.values()) expect(n).toBeGreaterThanOrEqual(1);
    for (const n of perCompound.values()) expect(n).toBeLessThanOrEqual(4);
    const gateless = ds.compounds.features.length - perCompound.size;
    expect(gateless).toBeGreaterThanOrEqual(3);
    expect(gateless).toBeLessThanOrEqual(7);
  });

  it('has eight communities, each split into 2–4 grids, with synthetic staff', () => {
    const communities = ds.grids.features.filter((g) => g.properties.level === 'community');
    expect(communities.map((c) => c.properties.name).sort()).toEqual(COMMUNITY_NAMES.map((n) => `${n}社区`).sort());
    for (const c of communities) {
      const grids = ds.grids.features.filter((g) => g.properties.parent_id === c.properties.id);
      expect(grids.length).toBeGreaterThanOrEqual(2);
      expect(grids.length).toBeLessThanOrEqual(4);
    }
    for (const g of ds.grids.features) {
      expect(g.properties.staff?.length).toBeGreaterThan(0);
      for (const s of g.properties.staff ?? []) {
        expect(STAFF_ROLES).toContain(s.role);
        expect(s.phone).toMatch(/^139000\d{5}$/);
      }
    }
    for (const { properties: p } of ds.compounds.features) {
      const grid = ds.grids.features.find((g) => g.properties.id === p.grid_id);
      expect(grid?.properties.parent_id, p.id).toBe(p.community_id);
    }
  });

  it('has ~180 facilities in every taxonomy category, off the water, with gaps across the river', () => {
    const facilities = ds.facilities.features;
    expect(facilities.length).toBeGreaterThanOrEqual(130);
    // 147 in the first sample, plus 32 of the categories the planning rulesets need (taxonomy v2).
    expect(facilities.length).toBeLessThanOrEqual(190);
    for (const c of CATEGORIES) expect(facilities.filter((f) => f.properties.category === c.id).length, c.id).toBeGreaterThanOrEqual(2);
    const canteens = facilities.filter((f) => f.properties.category === 'canteen');
    expect(canteens.length).toBeGreaterThanOrEqual(3);
    expect(canteens.length).toBeLessThanOrEqual(6);
    expect(canteens.filter((f) => f.properties.capacity === 60 && f.properties.name?.includes('长者食堂'))).toHaveLength(1);
    expect(canteens.every((f) => (f.properties.capacity ?? 0) > 0)).toBe(true);
    expect(facilities.some((f) => f.properties.category === 'pharmacy' && f.properties.opening_hours === '24/7')).toBe(true);
    for (const { properties: p, geometry } of facilities) {
      expect(CATEGORIES.map((c) => c.id)).toContain(p.category);
      expect(isOpeningHours(p.opening_hours ?? ''), `${p.id} ${p.opening_hours}`).toBe(true);
      expect(p.phone).toMatch(/^0591-\d{8}$/);
      expect(p.address).toMatch(/\d+号/);
      expect(p.last_verified).toMatch(/^2026-\d\d-\d\d$/);
      expect(p.source).toBe('sample');
      expect(inWater(geometry.coordinates), p.id).toBe(false);
    }
    const north = (cat: string) => facilities.filter((f) => f.properties.category === cat).map((f) => northOfRiver(ds, f.geometry.coordinates));
    expect(north('market').every((n) => !n)).toBe(true);
    expect(north('middle_school').every((n) => !n)).toBe(true);
    expect(north('elderly_care').every((n) => n)).toBe(true);
    const green = ds.context.features.filter((f) => f.properties.kind === 'green') as Array<Feature<Polygon>>;
    for (const park of facilities.filter((f) => f.properties.category === 'park')) {
      expect(
        green.some((g) => booleanPointInPolygon(park.geometry.coordinates, g)),
        park.properties.id,
      ).toBe(true);
    }
  });

  it('has 60 volunteers, 17 of them medical, living in compounds', () => {
    const volunteers = ds.volunteers.features;
    expect(volunteers.length).toBeGreaterThanOrEqual(60);
    expect(volunteers.filter((v) => v.properties.skills.includes('medical')).length).toBeGreaterThanOrEqual(17);
    expect(volunteers.some((v) => /Mo-Su 2\d:00-0\d:00/.test(v.properties.availability ?? ''))).toBe(true);
    for (const { properties: p, geometry } of volunteers) {
      expect(p.skills.length).toBeGreaterThan(0);
      for (const s of p.skills) expect(SKILLS).toContain(s);
      expect(p.service_radius_m).toBeGreaterThanOrEqual(300);
      expect(p.service_radius_m).toBeLessThanOrEqual(1500);
      expect(isOpeningHours(p.availability ?? ''), p.availability).toBe(true);
      expect(p.phone).toMatch(/^137000\d{5}$/);
      expect(p.team).toMatch(/队$/);
      expect(
        ds.compounds.features.some((c) => booleanPointInPolygon(geometry.coordinates, c)),
        p.id,
      ).toBe(true);
    }
  });

  it('has 125 requests over the six stages, inside their compounds, a handful overdue', () => {
    const requests = ds.requests.features;
    expect(requests).toHaveLength(125);
    const perStage = REQUEST_STAGES.map((s) => requests.filter((r) => r.properties.stage === s).length);
    for (const n of perStage) expect(n).toBeGreaterThan(0);
    expect(perStage[0]).toBeGreaterThan(perStage[5] ?? 0);
    const codes = new Set([...CATEGORIES.map((c) => c.id), ...SKILLS]);
    let overdue = 0;
    for (const { properties: p, geometry } of requests) {
      expect(p.service_request_id).toMatch(/^YF-2026-\d{4}$/);
      expect(codes.has(p.service_code), p.service_code).toBe(true);
      expect(p.description?.length).toBeGreaterThan(4);
      expect(p.status).toBe(p.stage === 'rate' ? 'closed' : 'open');
      if (p.stage === 'rate') expect(p.rating).toBeGreaterThanOrEqual(1);
      else expect(p.rating).toBeUndefined();
      const requested = Date.parse(p.requested_datetime);
      expect(p.requested_datetime).toMatch(/^2026-(08|09|10)-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(Date.parse(p.updated_datetime ?? '')).toBeGreaterThanOrEqual(requested);
      expect(Date.parse(p.updated_datetime ?? '')).toBeLessThan(AS_OF_MS);
      expect(Date.parse(p.expected_datetime ?? '')).toBe(requested + 7 * DAY_MS);
      if (p.status === 'open' && Date.parse(p.expected_datetime ?? '') < AS_OF_MS) overdue++;
      const compound = compoundsById.get(p.compound_id ?? '');
      expect(compound, p.id).toBeDefined();
      if (compound) expect(booleanPointInPolygon(geometry.coordinates, compound), p.id).toBe(true);
    }
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(overdue).toBeLessThanOrEqual(12);
    const ratings = requests.flatMap((r) => (r.properties.rating ? [r.properties.rating] : []));
    expect(ratings.filter((r) => r >= 4).length / ratings.length).toBeGreaterThanOrEqual(0.6);
  });

  it('has context kinds only, one rail line and at most 600 buildings', () => {
    for (const f of ds.context.features) expect(CONTEXT_KINDS).toContain(f.properties.kind);
    expect(ds.context.features.filter((f) => f.properties.kind === 'rail')).toHaveLength(1);
    expect(ds.context.features.filter((f) => f.properties.kind === 'building').length).toBeLessThanOrEqual(600);
  });

  describe('walking network', () => {
    const ways = ds.network.features;
    const owners = new Map<string, Set<number>>();
    ways.forEach((w, i) => w.geometry.coordinates.forEach((p) => owners.set(key(p), (owners.get(key(p)) ?? new Set()).add(i))));

    it('has 3,000–6,000 ways of the allowed kinds, steps, private ways and 3–4 bridges', () => {
      expect(ways.length).toBeGreaterThanOrEqual(3000);
      expect(ways.length).toBeLessThanOrEqual(6000);
      for (const w of ways) expect(HIGHWAYS).toContain(w.properties.highway);
      expect(ways.some((w) => w.properties.highway === 'steps')).toBe(true);
      expect(ways.filter((w) => w.properties.access === 'private').length).toBeGreaterThanOrEqual(2);
      const bridges = ways.filter((w) => w.properties.bridge === true);
      expect(bridges.length).toBeGreaterThanOrEqual(3);
      expect(bridges.length).toBeLessThanOrEqual(4);
      for (const b of bridges) expect(lineHitsPolygon(b.geometry.coordinates, river(ds).geometry)).toBe(true);
    });

    it('crosses water only on bridges', () => {
      for (const w of ways.filter((x) => !x.properties.bridge)) {
        for (const poly of water) expect(lineHitsPolygon(w.geometry.coordinates, poly.geometry), w.properties.id).toBe(false);
      }
    });

    it('meets only at shared vertices (no crossing without a junction)', () => {
      const cell = 0.0005;
      const buckets = new Map<string, Array<[number, Position, Position]>>();
      ways.forEach((w, i) => {
        const c = w.geometry.coordinates;
        for (let k = 0; k + 1 < c.length; k++) {
          const [a, b] = [c[k] ?? [], c[k + 1] ?? []];
          const bx = Math.floor(Math.min(a[0] ?? 0, b[0] ?? 0) / cell);
          const by = Math.floor(Math.min(a[1] ?? 0, b[1] ?? 0) / cell);
          for (let x = bx; x <= Math.floor(Math.max(a[0] ?? 0, b[0] ?? 0) / cell); x++)
            for (let y = by; y <= Math.floor(Math.max(a[1] ?? 0, b[1] ?? 0) / cell); y++)
              buckets.set(`${x},${y}`, [...(buckets.get(`${x},${y}`) ?? []), [i, a, b]]);
        }
      });
      const bad: string[] = [];
      for (const list of buckets.values()) {
        for (let x = 0; x < list.length; x++) {
          for (let y = x + 1; y < list.length; y++) {
            const [i, a, b] = list[x] ?? [0, [], []];
            const [j, c, d] = list[y] ?? [0, [], []];
            if (i === j || !segmentsMeet(a, b, c, d)) continue;
            const shared = [a, b].some((p) => [c, d].some((q) => key(p) === key(q)) && owners.get(key(p))?.has(j));
            if (!shared) bad.push(`${ways[i]?.properties.id} × ${ways[j]?.properties.id}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });

    it('is one connected walkable graph with a dead end or two', () => {
      const parent = new Map<string, string>();
      const find = (x: string): string => {
        let r = x;
        while (parent.get(r) !== r) r = parent.get(r) ?? r;
        parent.set(x, r);
        return r;
      };
      for (const w of ways.filter((x) => x.properties.access !== 'private')) {
        const c = w.geometry.coordinates;
        for (const p of c) if (!parent.has(key(p))) parent.set(key(p), key(p));
        for (const p of c.slice(1)) parent.set(find(key(p)), find(key(c[0] ?? [])));
      }
      expect(new Set([...parent.keys()].map(find)).size).toBe(1);
      const streets = ways.filter((w) => w.properties.highway === 'residential');
      const deadEnds = streets.filter((w) => {
        const c = w.geometry.coordinates;
        return [c[0], c[c.length - 1]].some((p) => owners.get(key(p ?? []))?.size === 1);
      });
      expect(deadEnds.length).toBeGreaterThanOrEqual(1);
    });

    it('enters each compound only through its gates', () => {
      const gatesOf = new Map<string, Set<string>>();
      for (const g of ds.gates.features)
        gatesOf.set(g.properties.compound_id, (gatesOf.get(g.properties.compound_id) ?? new Set()).add(key(g.geometry.coordinates)));
      for (const c of ds.compounds.features) {
        const gates = gatesOf.get(c.properties.id) ?? new Set<string>();
        const outline = rings(c.geometry);
        const xs = outline.flat().map((p) => p[0] ?? 0);
        const ys = outline.flat().map((p) => p[1] ?? 0);
        const [minX, minY, maxX, maxY] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        const near = ways.filter((w) =>
          w.geometry.coordinates.some(([x = 0, y = 0]) => x >= minX - 0.0003 && x <= maxX + 0.0003 && y >= minY - 0.0003 && y <= maxY + 0.0003),
        );
        for (const w of near) {
          const c2 = w.geometry.coordinates;
          for (let k = 0; k + 1 < c2.length; k++) {
            for (const ring of outline) {
              for (let r = 0; r + 1 < ring.length; r++) {
                if (!segmentsMeet(c2[k] ?? [], c2[k + 1] ?? [], ring[r] ?? [], ring[r + 1] ?? [])) continue;
                const atGate = [c2[k], c2[k + 1]].some((p) => gates.has(key(p ?? [])));
                expect(atGate, `${w.properties.id} meets ${c.properties.id} off its gates`).toBe(true);
              }
            }
          }
        }
        const inside = near.filter((w) => w.geometry.coordinates.some((p) => booleanPointInPolygon(p, c, { ignoreBoundary: true })));
        if (gates.size === 0) expect(inside, c.properties.id).toEqual([]);
      }
    });
  });
});

describe('sample buildings (楼栋)', () => {
  const ds = generateSample(DEFAULT_SEED);
  const byCompound = new Map<string, SampleDataset['buildings']['features']>();
  for (const b of ds.buildings.features) byCompound.set(b.properties.compound_id, [...(byCompound.get(b.properties.compound_id) ?? []), b]);

  it('gives every compound buildings whose households, residents and elders add up to the compound', () => {
    for (const c of ds.compounds.features) {
      const own = byCompound.get(c.properties.id) ?? [];
      expect(own.length, c.properties.id).toBeGreaterThan(0);
      const sum = (k: 'households' | 'residents' | 'elderly60') => own.reduce((n, b) => n + (b.properties[k] ?? 0), 0);
      expect(sum('households'), c.properties.id).toBe(c.properties.households);
      expect(sum('residents'), c.properties.id).toBe(c.properties.population);
      expect(sum('elderly60'), c.properties.id).toBe(c.properties.elderly60);
      for (const b of own) expect(b.properties.grid_id).toBe(c.properties.grid_id);
    }
  });

  it('keeps names and phones out of buildings.geojson and gives every building staff-only contacts', () => {
    const text = JSON.stringify(ds.buildings);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    for (const contact of ds.buildingContacts.buildings) expect(text).not.toContain(contact.leader?.name);
    expect(ds.buildingContacts.buildings.map((c) => c.building_id)).toEqual(ds.buildings.features.map((b) => b.properties.id));
    for (const c of ds.buildingContacts.buildings) {
      expect(c.leader?.phone).toMatch(/^136000\d{5}$/);
      expect(c.centre_households?.length).toBeGreaterThan(0);
    }
  });
});
