import { categoryFields, ChainPoints, nearestOf, type CategoryFields } from '../../domain/engine/nearest';
import { searchFrom, SearchSpace } from '../../domain/engine/dijkstra';
import { formatParts, timeParts, type Part } from './timing';
import { benchCase } from './task';
import { perDataset, walkData } from './walk-data';

/**
 * The gap analysis behind `npm run analyze` (src/domain/analysis.ts): for every compound and
 * every category, the nearest facility on foot, with no cutoff. Ours: one multi-source search
 * per category (categoryFields), then a lookup per compound and category (nearestOf). The
 * peer, `per-compound-dijkstra`, is the obvious way with the same engine, done with care: a
 * search from each compound in one reused SearchSpace, core nodes only (coreOnly), reading
 * the facilities it reached (ChainPoints), with a cutoff that starts at 1 km and doubles
 * until every category has been found, so it stops as soon as the answer is known. Compound
 * and facility snaps are prepared once (setup) for both; the note says what snapping costs.
 * The peer is timed on every 20th compound (a fixed sample) and scaled; the check compares
 * the answers for those compounds.
 */

/** The peer searches from one compound in this many (a fixed sample: every SAMPLE_EVERY-th). */
const SAMPLE_EVERY = 20;
/** The peer's first cutoff, metres; it doubles while a category is missing, up to MAX_CUTOFF_M, then none. */
const FIRST_CUTOFF_M = 1_000;
const MAX_CUTOFF_M = 128_000;

/** Metres: the two sum the same lengths from opposite ends. */
const AGREE_M = 1e-6;

interface Answers {
  /** Per compound × category: facility index, -1 when none is reachable. */
  facility: Int32Array;
  walkM: Float64Array;
}

export const gapAnalysisTasks = perDataset('gap-analysis', { maxMs: 50 }, async (env, dataset) => {
  const data = await walkData(env, dataset);
  const { graph, snapper, facilities, categories } = data;
  const compoundSnaps = data.compounds.map((p) => snapper.snap(p));
  const facilitySnaps = facilities.map((f) => snapper.snap(f.point));
  const ofCategory = categories.map((category) => facilities.flatMap((f, k) => (f.category === category ? [k] : [])));
  const cells = data.compounds.length * categories.length;
  const answers = (): Answers => ({ facility: new Int32Array(cells).fill(-1), walkM: new Float64Array(cells).fill(Infinity) });
  const fmt = (n: number) => n.toLocaleString('en-US');
  const sampled = Array.from({ length: Math.ceil(data.compounds.length / SAMPLE_EVERY) }, (_, k) => k * SAMPLE_EVERY);
  const space = new SearchSpace(graph.nodeCount);
  const facilityPoints = new ChainPoints(graph, facilitySnaps);
  const categoryOf = new Int32Array(facilities.length);
  ofCategory.forEach((members, c) => members.forEach((k) => (categoryOf[k] = c)));
  /** The peer for compound i: searches of growing cutoff until every category is found (or none is left to find). */
  const perCompound = (i: number, out: Answers) => {
    const snap = compoundSnaps[i];
    if (!snap) return;
    const row = i * categories.length;
    let missing = categories.length;
    for (let cutoffM = FIRST_CUTOFF_M; missing > 0; cutoffM = cutoffM >= MAX_CUTOFF_M ? Infinity : cutoffM * 2) {
      const search = searchFrom(graph, [{ snap, label: i }], cutoffM, { coreOnly: true, space });
      // Every facility within the cutoff is visited, so a category found now has its nearest.
      facilityPoints.reached(search, (k, reach) => {
        const cell = row + categoryOf[k]!;
        if (reach.walkM < out.walkM[cell]!) {
          out.facility[cell] = k;
          out.walkM[cell] = reach.walkM;
        }
      });
      missing = 0;
      for (let c = 0; c < categories.length; c++) if (out.walkM[row + c] === Infinity) missing++;
      if (cutoffM === Infinity) break;
    }
  };
  /** Ours after the fields: the nearest facility of every category for every compound. */
  const lookups = (fields: CategoryFields): Answers => {
    const out = answers();
    for (let i = 0; i < compoundSnaps.length; i++) {
      const origin = [compoundSnaps[i]!];
      for (let c = 0; c < categories.length; c++) {
        const found = nearestOf(fields, categories[c]!, origin);
        if (!found) continue;
        out.facility[i * categories.length + c] = found.index;
        out.walkM[i * categories.length + c] = found.walkM;
      }
    }
    return out;
  };

  return benchCase({
    edges: graph.segmentCount,
    size: `${fmt(data.compounds.length)} compounds × ${categories.length} categories`,
    ours: () => lookups(categoryFields(graph, snapper, facilities, Infinity, facilitySnaps)),
    peers: {
      'per-compound-dijkstra': () => {
        const out = answers();
        for (const i of sampled) perCompound(i, out);
        return out;
      },
    },
    scaled: {
      'per-compound-dijkstra': { sample: `${fmt(sampled.length)} of ${fmt(data.compounds.length)} compounds`, factor: data.compounds.length / sampled.length },
    },
    check(ours, peers) {
      const theirs = peers['per-compound-dijkstra']!;
      let differ = 0;
      let ties = 0;
      let reachable = 0;
      const compared = sampled.flatMap((i) => categories.map((_, c) => i * categories.length + c));
      for (const j of compared) {
        const a = ours.walkM[j]!;
        const b = theirs.walkM[j]!;
        if (a < Infinity) reachable++;
        const same = a === b || Math.abs(a - b) <= AGREE_M;
        if (!same) differ++;
        else if (ours.facility[j] !== theirs.facility[j]) ties++;
      }
      const fields = categoryFields(graph, snapper, facilities, Infinity, facilitySnaps);
      const parts: Record<string, Part> = {
        'of which distance fields': { run: () => categoryFields(graph, snapper, facilities, Infinity, facilitySnaps) },
        lookups: { run: () => lookups(fields) },
        'snaps (prepared, not in ours or the peer)': { run: () => [...data.compounds, ...facilities.map((f) => f.point)].map((p) => snapper.snap(p)) },
      };
      const medians = timeParts(parts);
      return {
        ok: differ === 0,
        note:
          (differ === 0
            ? `all ${fmt(compared.length)} answers of the sampled compounds agree (${fmt(reachable)} reachable, ${fmt(facilities.length)} facilities${ties > 0 ? `, ${ties} equidistant ties` : ''})`
            : `${fmt(differ)} of ${fmt(compared.length)} distances of the sampled compounds differ`) + `  ·  ${formatParts(parts, medians, false)}`,
      };
    },
  });
});
