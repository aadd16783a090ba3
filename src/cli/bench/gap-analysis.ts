import { categoryFields, nearestOf, type CategoryFields } from '../../domain/engine/nearest';
import { reachOf } from '../../domain/engine/reach';
import { searchFrom } from '../../domain/engine/search';
import { formatParts, timeParts, type Part } from './timing';
import { benchCase } from './task';
import { perDataset, walkData } from './walk-data';

/**
 * The gap analysis behind `npm run analyze` (src/domain/analysis.ts): for every compound and
 * every category, the nearest facility on foot, with no cutoff. Ours: one multi-source search
 * per category (categoryFields), then a lookup per compound and category (nearestOf). The
 * peer, `per-compound-dijkstra`, is the obvious way with the same engine: a full search from
 * each compound, then the nearest facility of each category by reachOf. Compound and
 * facility snaps are prepared once (setup) for both; the note says what snapping costs.
 */

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
        compoundSnaps.forEach((snap, i) => {
          if (!snap) return;
          const search = searchFrom(graph, [{ snap, label: i }]);
          ofCategory.forEach((members, c) => {
            for (const k of members) {
              const target = facilitySnaps[k];
              const reach = target && reachOf(search, target);
              if (reach && reach.walkM < out.walkM[i * categories.length + c]!) {
                out.facility[i * categories.length + c] = k;
                out.walkM[i * categories.length + c] = reach.walkM;
              }
            }
          });
        });
        return out;
      },
    },
    check(ours, peers) {
      const theirs = peers['per-compound-dijkstra']!;
      let differ = 0;
      let ties = 0;
      let reachable = 0;
      for (let j = 0; j < cells; j++) {
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
            ? `all ${fmt(cells)} answers agree (${fmt(reachable)} reachable, ${fmt(facilities.length)} facilities${ties > 0 ? `, ${ties} equidistant ties` : ''})`
            : `${fmt(differ)} of ${fmt(cells)} distances differ`) + `  ·  ${formatParts(parts, medians, false)}`,
      };
    },
  });
});
