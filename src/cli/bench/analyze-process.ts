import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import { Rng } from '../../data/sample/prng';
import { haversineM, type LonLat } from '../../domain/geo';
import { CATEGORIES } from '../../domain/taxonomy';
import { CITY_SEED, localProjection } from './city';
import type { RealNetwork } from './datasets';
import { benchCase, type BenchTask } from './task';

/**
 * DESIGN.md: the whole `analyze` process, 5,000 compounds × 8 categories over the real Wuhan
 * network, within 1.5× a plain CSR + one-Dijkstra-per-category script. Both run as child
 * processes of the bench, by turns, timed from outside: ours is the compiled CLI
 * (`node dist-node/main.js analyze`, built first when missing or older than the sources),
 * the peer is plain-analyze.mjs. The dataset (compounds as small rectangles, 60 facilities
 * per category, a manifest, and a link to ../shared's network.geojson, every feature of it
 * as analyze reads it) is written to a temporary directory at setup and removed at exit;
 * --quick writes 500 compounds on a 3 km cut of the network instead. The check compares
 * every answer: same facility (or an equidistant one), metres within 0.1.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PLAIN_SCRIPT = fileURLToPath(new URL('./plain-analyze.mjs', import.meta.url));
const BUILT_CLI = join(ROOT, 'dist-node/main.js');
const PEER = 'plain-node-script';
const CATEGORY_COUNT = 8;
/** Metres: both round to 0.1 m, from sums of the same lengths in different orders. */
const AGREE_M = 0.1 + 1e-9;

const fmt = (n: number) => n.toLocaleString('en-US');

/** Newest modification time under a directory, ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the compiled CLIs (npm run build:cli) when dist-node is missing or older than src/ or package.json. */
export function ensureBuiltCli(): string {
  const sourcesMs = Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= sourcesMs) return 'up to date';
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return 'rebuilt for this run';
}

interface PlainEntry {
  facility_id: string;
  walk_m: number;
}
interface Report {
  compounds: { id: string; origins: LonLat[]; nearest: Record<string, PlainEntry | null> }[];
  problems?: unknown[];
}

export interface ScenarioSize {
  compounds: number;
  facilitiesPerCategory: number;
  /** null: the whole network file (linked); else only the walkable ways within this many metres of the middle. */
  cutRadiusM: number | null;
}

/** The full scenario of DESIGN.md, and a small one for --quick (CI) on a cut of the same network. */
const SIZES: Record<'full' | 'quick', ScenarioSize> = {
  full: { compounds: 5_000, facilitiesPerCategory: 60, cutRadiusM: null },
  quick: { compounds: 500, facilitiesPerCategory: 10, cutRadiusM: 3_000 },
};

/** The walkable ways whose first vertex lies within radiusM of the middle of the network's extent. */
function waysNear(real: RealNetwork, radiusM: number): RealNetwork['network']['features'] {
  const first = (f: RealNetwork['network']['features'][number]) =>
    f.geometry.type === 'LineString' ? f.geometry.coordinates[0]! : f.geometry.coordinates[0]![0]!;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const f of real.network.features) {
    const [x, y] = first(f) as LonLat;
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  const [cx, cy] = [(w + e) / 2, (s + n) / 2];
  return real.network.features.filter((f) => {
    const [x, y] = first(f) as LonLat;
    return haversineM(cx, cy, x, y) <= radiusM;
  });
}

/** Writes the scenario next to the network (a link to the whole file, or a cut of it); returns the directory. */
export function writeScenario(real: RealNetwork, size: ScenarioSize): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-analyze-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const rng = new Rng(CITY_SEED).fork('analyze-process');
  // --quick: the walkable ways around the middle of the city, written out; else the whole file, linked.
  const ways = size.cutRadiusM === null ? real.network.features : waysNear(real, size.cutRadiusM);
  if (size.cutRadiusM === null) symlinkSync(resolve(real.path), join(dir, 'network.geojson'));
  else writeFileSync(join(dir, 'network.geojson'), JSON.stringify({ type: 'FeatureCollection', features: ways }));
  // Places go near vertices of the walkable ways (not on motorways), a little off the street.
  const nearStreet = (minM: number, maxM: number): LonLat => {
    const geometry = ways[rng.int(0, ways.length - 1)]!.geometry;
    const line = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates[0]!;
    const vertex = line[rng.int(0, line.length - 1)]! as LonLat;
    const angle = rng.range(0, 2 * Math.PI);
    const offsetM = rng.range(minM, maxM);
    return localProjection(vertex)(offsetM * Math.cos(angle), offsetM * Math.sin(angle)) as LonLat;
  };
  const compounds = Array.from({ length: size.compounds }, (_, k) => {
    const toLonLat = localProjection(nearStreet(20, 120));
    const w = rng.range(15, 40);
    const h = rng.range(15, 40);
    const ring: Position[] = [toLonLat(-w, -h), toLonLat(w, -h), toLonLat(w, h), toLonLat(-w, h), toLonLat(-w, -h)];
    const population = rng.int(300, 3_000);
    return {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { id: `c-${k}`, population, elderly60: Math.floor(population * 0.2), elderly80: Math.floor(population * 0.05) },
    };
  });
  const facilities = CATEGORIES.slice(0, CATEGORY_COUNT).flatMap((category) =>
    Array.from({ length: size.facilitiesPerCategory }, (_, k) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: nearStreet(0, 60) },
      properties: { id: `f-${category.id}-${k}`, category: category.id },
    })),
  );
  const manifest = {
    id: 'bench-wuhan-analyze',
    name: { zh: '武汉（基准测试场景）', en: 'Wuhan (benchmark scenario)' },
    crs: 'WGS84',
    dataAsOf: '2026-01-01',
    synthetic: true,
    sources: [{ name: 'OpenStreetMap (network)', licence: 'ODbL-1.0', attribution: '© OpenStreetMap contributors' }],
  };
  const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'compounds.geojson'), collection(compounds));
  writeFileSync(join(dir, 'facilities.geojson'), collection(facilities));
  mkdirSync(join(dir, 'out'));
  return dir;
}

function run(args: string[], what: string): void {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.status !== 0) throw new Error(`${what} exited with ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

export const analyzeProcessTask: BenchTask = {
  name: 'analyze-process',
  dataset: 'wuhan',
  budget: { maxSlowdown: { [PEER]: 1.5 } },
  async setup(env) {
    const real = await env.network('wuhan');
    const size = env.quick ? SIZES.quick : SIZES.full;
    const compoundCount = size.compounds;
    const build = ensureBuiltCli();
    const dir = writeScenario(real, size);
    const ways = size.cutRadiusM === null ? `${fmt(real.featuresRead)} ways` : `walkable ways within ${size.cutRadiusM / 1000} km of the middle`;
    const oursOut = join(dir, 'out/ours.json');
    const plainOut = join(dir, 'out/plain.json');
    return benchCase({
      edges: null,
      size: `${fmt(compoundCount)} compounds × ${CATEGORY_COUNT} categories × ${size.facilitiesPerCategory} facilities, ${ways}`,
      interleaved: true,
      ours: () => run([BUILT_CLI, 'analyze', '--data', dir, '--out', oursOut], 'node dist-node/main.js analyze'),
      peers: { [PEER]: () => run([PLAIN_SCRIPT, dir, plainOut], 'plain-analyze.mjs') },
      check() {
        const ours = JSON.parse(readFileSync(oursOut, 'utf8')) as Report;
        const plain = JSON.parse(readFileSync(plainOut, 'utf8')) as Report;
        let answers = 0;
        let differ = 0;
        let ties = 0;
        let unreachable = 0;
        let maxDiffM = 0;
        const theirs = new Map(plain.compounds.map((c) => [c.id, c]));
        for (const compound of ours.compounds) {
          const other = theirs.get(compound.id);
          if (!other || other.origins[0]![0] !== compound.origins[0]![0] || other.origins[0]![1] !== compound.origins[0]![1]) {
            differ += Object.keys(compound.nearest).length;
            continue;
          }
          for (const [category, mine] of Object.entries(compound.nearest)) {
            answers++;
            const their = other.nearest[category] ?? null;
            if (mine === null || their === null) {
              if (mine !== their) differ++;
              else unreachable++;
              continue;
            }
            const diff = Math.abs(mine.walk_m - their.walk_m);
            maxDiffM = Math.max(maxDiffM, diff);
            if (diff > AGREE_M) differ++;
            else if (mine.facility_id !== their.facility_id) ties++;
          }
        }
        const expected = compoundCount * CATEGORY_COUNT;
        const ok = differ === 0 && answers === expected && plain.compounds.length === compoundCount;
        return {
          ok,
          note:
            (ok
              ? `all ${fmt(answers)} answers as the plain script's (max |Δ| ${maxDiffM.toFixed(1)} m${ties ? `, ${ties} equidistant ties` : ''}${unreachable ? `, ${unreachable} unreachable in both` : ''})`
              : `${fmt(differ)} of ${fmt(expected)} answers differ from the plain script's (${fmt(answers)} compared)`) +
            `, ${(ours.problems ?? []).length} problem(s) reported  ·  dist-node ${build}`,
        };
      },
    });
  },
};
