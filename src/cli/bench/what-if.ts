import { resolve } from 'node:path';
import { loadDataset } from '../../data/load';
import { fromDirectory } from '../../data/node-source';
import { baseDistances, rebuildCategory, withFacility, type DistanceState, type WalkContext } from '../../domain/planner/distances';
import type { PlannerCompound, PlannerFacility } from '../../domain/planner/inputs';
import { PlannerModel } from '../../domain/planner/model';
import { DEFAULT_RULESET_ID, rulesetById } from '../../domain/planner/rulesets';
import { formatParts, partMisses, timeParts, type Part } from './timing';
import { benchCase } from './task';
import { perDataset, walkData } from './walk-data';

/**
 * DESIGN.md "what-if (one added facility) ≤ 5 ms": the planner drops a facility of one
 * category and every compound's distance to that category changes at once. Ours merges one
 * search from the new facility into the category's distance field, going only where it is
 * nearer than the field (src/domain/planner/fieldUpdate.ts), then re-reads the column. The
 * peer, `category-rebuild`, is the obvious way: the category's field searched again from all
 * its facilities plus the new one, then the column (compounds already snapped for both). The check compares both columns; the
 * note times every kind of change on this network and, on the synthetic row, on the sample
 * dataset the app opens (data/yuefeng-sample) with the rules and canteens re-evaluated.
 */

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../data/yuefeng-sample');
/** Metres: both sum the same edge lengths, in a different order. */
const AGREE_M = 1e-6;

function sameColumn(a: DistanceState, b: DistanceState, category: string): boolean {
  const x = a.columns.get(category)!.walkM;
  const y = b.columns.get(category)!.walkM;
  return x.every((m, i) => m === y[i] || Math.abs(m - y[i]!) <= AGREE_M);
}

/** Add, close and gate changes on the sample, each with the whole planner result re-evaluated. */
async function sampleParts(): Promise<Record<string, Part>> {
  const { dataset } = await loadDataset(fromDirectory(SAMPLE_DIR));
  if (!dataset) return {};
  const model = PlannerModel.fromDataset(dataset);
  const ruleset = rulesetById(DEFAULT_RULESET_ID)!;
  const compound = model.inputs.compounds.find((c) => c.name === '耀隆宿舍') ?? model.inputs.compounds[0]!;
  const [lon, lat] = compound.origins[0]!;
  const clinic: PlannerFacility = { id: 'bench-clinic', category: 'clinic', point: [lon + 0.0008, lat] };
  const closed = model.inputs.facilities.find((f) => f.category === 'clinic')!.id;
  const change = {
    'sample: add a clinic': () => model.apply(model.baseline, { kind: 'add-facility', facility: clinic }),
    'close a clinic': () => model.apply(model.baseline, { kind: 'close-facility', facilityId: closed }),
    'open a gate': () => model.apply(model.baseline, { kind: 'add-gate', gateId: 'bench-gate', compoundId: compound.id, point: [lon + 0.0004, lat + 0.0004] }),
  };
  const state = change['sample: add a clinic']();
  return {
    ...Object.fromEntries(Object.entries(change).map(([name, run]) => [name, { run, maxMs: 5 }])),
    'rules + canteens re-evaluated': { run: () => model.evaluate(state, ruleset) },
  };
}

export const whatIfTasks = perDataset('what-if', { maxMs: 5 }, async (env, dataset) => {
  const data = await walkData(env, dataset);
  const ctx: WalkContext = { graph: data.graph, snapper: data.snapper };
  const compounds: PlannerCompound[] = data.compounds.map((point, i) => ({
    id: `c-${i}`,
    name: `c-${i}`,
    population: 1000,
    elderly60: 250,
    elderly80: 50,
    origins: [point],
    originKind: 'surface',
  }));
  const facilities: PlannerFacility[] = data.facilities.map((f) => ({ ...f }));
  const category = data.categories[0]!;
  const added: PlannerFacility = { id: 'what-if', category, point: data.centre };
  const baseline = baseDistances(ctx, compounds, facilities);
  const fmt = (n: number) => n.toLocaleString('en-US');
  const others = facilities.filter((f) => f.category === category);
  const sample = dataset === 'synthetic' ? await sampleParts() : null;
  // The rebuild starts from the same snapped state: only the search and the column are timed.
  const withAdded: DistanceState = {
    ...baseline,
    facilities: [...baseline.facilities, { facility: added, snap: data.snapper.snap(added.point), open: true, proposed: true }],
  };

  return benchCase({
    edges: data.graph.segmentCount,
    size: `1 ${category} added, ${fmt(compounds.length)} compounds`,
    ours: () => withFacility(ctx, baseline, added),
    peers: {
      'category-rebuild': () => rebuildCategory(ctx, withAdded, category),
    },
    check(ours, peers) {
      const theirs = peers['category-rebuild']!;
      const ok = sameColumn(ours, theirs, category);
      const before = baseline.columns.get(category)!.walkM;
      const nearer = ours.columns.get(category)!.walkM.filter((m, i) => m < before[i]!).length;
      const sampleMedians = sample ? timeParts(sample) : null;
      const onSample = sample && sampleMedians ? `  ·  ${formatParts(sample, sampleMedians, !env.quick)}` : '';
      return {
        ok,
        note: `${ok ? 'all' : 'NOT all'} ${fmt(compounds.length)} distances equal the rebuild, ${fmt(nearer)} nearer (${fmt(others.length)} ${category} before)${onSample}`,
        ...(sample && sampleMedians ? { missed: partMisses(sample, sampleMedians) } : {}),
      };
    },
  });
});
