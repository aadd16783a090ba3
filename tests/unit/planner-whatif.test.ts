import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/sample/prng';
import { searchFrom } from '../../src/domain/engine/dijkstra';
import type { LonLat } from '../../src/domain/geo';
import { baseDistances, type DistanceState } from '../../src/domain/planner/distances';
import { addSourceToField } from '../../src/domain/planner/fieldUpdate';
import type { PlannerCompound, PlannerFacility } from '../../src/domain/planner/inputs';
import { changedCompounds, evaluateCompliance, updateCompliance, type CompoundCompliance } from '../../src/domain/planner/compliance';
import { PlannerModel, type ScenarioRun } from '../../src/domain/planner/model';
import { packResult, plannerView, unpackResult } from '../../src/domain/planner/view';
import { compareCompliance, ruleChangesOf, type Change } from '../../src/domain/planner/whatIf';
import { rulesetById } from '../../src/domain/planner/rulesets';
import { compound, facility, samplePlannerModel, streetContext, twoLevelRuleset } from './planner-fixtures';

const CM = 1e-6;

/** Every column of two states agrees, metre for metre. */
function expectSameDistances(a: DistanceState, b: DistanceState): void {
  for (const [category, column] of b.columns) {
    const mine = a.columns.get(category);
    expect(mine, category).toBeDefined();
    column.walkM.forEach((m, i) => {
      const got = mine!.walkM[i]!;
      if (m === Infinity) expect(got, `${category} #${i}`).toBe(Infinity);
      else expect(Math.abs(got - m), `${category} #${i}`).toBeLessThan(CM);
    });
  }
}

describe('merging a new source into a distance field', () => {
  it('gives the field of a search from all the sources at once', () => {
    const ctx = streetContext();
    const snap = (x: number) => ctx.snapper.snap(facility('f', 'clinic', x).point)!;
    const old = searchFrom(ctx.graph, [
      { snap: snap(150), label: 0 },
      { snap: snap(1850), label: 1 },
    ]);
    const merged = addSourceToField(ctx.graph, old, { snap: snap(1020), label: 2 });
    const direct = searchFrom(ctx.graph, [
      { snap: snap(150), label: 0 },
      { snap: snap(1850), label: 1 },
      { snap: snap(1020), label: 2 },
    ]);
    merged.distM.forEach((m, node) => expect(Math.abs(m - direct.distM[node]!)).toBeLessThan(CM));
    expect([...merged.label]).toEqual([...direct.label]);
    // The old field is untouched (scenarios share it).
    expect(old.sources).toHaveLength(2);
  });
});

describe('what-if on a hand-made street', () => {
  const ctx = streetContext();
  const compounds = [compound('A', 500), compound('B', 900, { originKind: 'surface' }), compound('C', 1950)];
  const facilities = [facility('hc', 'health_center', 1200), facility('cl', 'clinic', 1000), facility('cl2', 'clinic', 100)];
  const model = new PlannerModel(ctx, { compounds, facilities });
  const ruleset = twoLevelRuleset();

  it('a proposed clinic: equal to a full recompute, and says whom it newly serves', () => {
    const clinic = facility('new', 'clinic', 600);
    const run = model.run([{ kind: 'add-facility', facility: clinic }], ruleset);
    expectSameDistances(run.result.state, baseDistances(ctx, compounds, [...facilities, clinic]));
    // A walks 100 m to it: the 5-minute clinic rule is met now, for A's 1,000 residents and 200 elders.
    expect(run.effects[0]).toEqual([
      {
        ruleIndex: 1,
        gained: { compounds: 1, residents: 1000, elderly60: 200, elderly80: 40, compoundIds: ['A'] },
        lost: { compounds: 0, residents: 0, elderly60: 0, elderly80: 0, compoundIds: [] },
      },
    ]);
    expect(run.result.compliance.compounds[0]!.results[1]).toMatchObject({ status: 'met', facilityId: 'new', proposed: true });
  });

  it('closing a facility: equal to a recompute without it; the closure shows as a loss', () => {
    const run = model.run([{ kind: 'close-facility', facilityId: 'cl' }], ruleset);
    expectSameDistances(
      run.result.state,
      baseDistances(
        ctx,
        compounds,
        facilities.filter((f) => f.id !== 'cl'),
      ),
    );
    expect(run.effects[0]![0]!.lost.compoundIds).toEqual(['B']);
  });

  it('a new gate: replaces the inside point of a compound without gates, adds to one with gates', () => {
    const gateAt = facility('g', 'x', 980).point;
    const run = model.run(
      [
        { kind: 'add-gate', gateId: 'g-new', compoundId: 'B', point: gateAt },
        { kind: 'add-gate', gateId: 'g-a', compoundId: 'A', point: facility('g', 'x', 140).point },
      ],
      ruleset,
    );
    const moved: PlannerCompound[] = [
      { ...compounds[0]!, origins: [...compounds[0]!.origins, facility('g', 'x', 140).point] },
      { ...compounds[1]!, origins: [gateAt], originKind: 'gates' },
      compounds[2]!,
    ];
    expectSameDistances(run.result.state, baseDistances(ctx, moved, facilities));
    expect(run.result.state.compounds[1]!.origins).toEqual([gateAt]);
  });

  it('undoing is dropping the last change: back to the baseline, which no change ever touched', () => {
    const before = model.evaluate(model.baseline, ruleset);
    model.run(
      [
        { kind: 'add-facility', facility: facility('z', 'bank', 500) },
        { kind: 'close-facility', facilityId: 'hc' },
      ],
      ruleset,
    );
    const again = model.run([], ruleset).result;
    expect(again.compliance.compounds.map((c) => c.results.map((r) => r.status))).toEqual(
      before.compliance.compounds.map((c) => c.results.map((r) => r.status)),
    );
    expect(model.baseline.facilities).toHaveLength(3);
  });
});

describe('what-if on the sample dataset equals a full recompute', () => {
  let model: PlannerModel;
  beforeAll(async () => {
    model = await samplePlannerModel();
  });

  it('for random additions, closures and gates, one after another', () => {
    const rng = new Rng(7);
    const { compounds, facilities } = model.inputs;
    const categories = [...new Set(facilities.map((f) => f.category))];
    let state = model.baseline;
    let live: PlannerFacility[] = [...facilities];
    let people: PlannerCompound[] = [...compounds];
    for (let step = 0; step < 12; step++) {
      const anchor = rng.pick(compounds).origins[0]!;
      const point: LonLat = [anchor[0] + rng.range(-0.003, 0.003), anchor[1] + rng.range(-0.003, 0.003)];
      const kind = step % 3;
      if (kind === 0) {
        const added: PlannerFacility = { id: `new-${step}`, category: rng.pick(categories), point };
        state = model.apply(state, { kind: 'add-facility', facility: added });
        live = [...live, added];
      } else if (kind === 1) {
        const closed = rng.pick(live);
        state = model.apply(state, { kind: 'close-facility', facilityId: closed.id });
        live = live.filter((f) => f !== closed);
      } else {
        const target = rng.int(0, people.length - 1);
        state = model.apply(state, { kind: 'add-gate', gateId: `gate-${step}`, compoundId: people[target]!.id, point });
        const c = people[target]!;
        people = people.map((p, i) => (i === target ? { ...c, origins: c.originKind === 'gates' ? [...c.origins, point] : [point], originKind: 'gates' } : p));
      }
    }
    expectSameDistances(state, baseDistances(model.ctx, people, live, categories));
    const gb = rulesetById('gb50180-2018')!;
    const full = new PlannerModel(model.ctx, { compounds: people, facilities: live });
    const statuses = (s: DistanceState, m: PlannerModel) => m.evaluate(s, gb).compliance.compounds.map((c) => c.results.map((r) => r.status).join());
    // Rules see the same met/unmet (no-data depends on the dataset's categories, the same in both).
    expect(statuses(state, model)).toEqual(statuses(full.baseline, full));
  });
});

describe('a what-if step checks again only what it changed', () => {
  let model: PlannerModel;
  let changes: Change[];
  beforeAll(async () => {
    model = await samplePlannerModel();
    // Additions, closures and gates, mixed, as a planner would try them.
    const rng = new Rng(11);
    const { compounds, facilities } = model.inputs;
    const categories = [...new Set(facilities.map((f) => f.category))];
    const open = [...facilities];
    changes = Array.from({ length: 40 }, (_, step): Change => {
      const anchor = rng.pick(compounds).origins[0]!;
      const point: LonLat = [anchor[0] + rng.range(-0.003, 0.003), anchor[1] + rng.range(-0.003, 0.003)];
      if (step % 3 === 0) return { kind: 'add-facility', facility: { id: `new-${step}`, category: rng.pick(categories), point, capacity: 40 } };
      if (step % 3 === 1) return { kind: 'close-facility', facilityId: open.splice(rng.int(0, open.length - 1), 1)[0]!.id };
      return { kind: 'add-gate', gateId: `gate-${step}`, compoundId: rng.pick(compounds).id, point };
    });
  });

  it('updateCompliance equals evaluating every compound again, and its effects equal comparing the two', () => {
    const gb = rulesetById('gb50180-2018')!;
    let state = model.baseline;
    let compliance = evaluateCompliance(gb, state, model.dataCategories);
    let moved = 0;
    for (const change of changes) {
      const next = model.apply(state, change);
      const full = evaluateCompliance(gb, next, model.dataCategories);
      const update = updateCompliance(compliance, state, next, model.dataCategories);
      expect(update.compliance.compounds.map(({ results, ...rest }) => ({ ...rest, results }))).toEqual(full.compounds);
      expect(update.compliance.rules).toEqual(full.rules);
      expect(ruleChangesOf(update.compliance, update.changes)).toEqual(compareCompliance(compliance, full));
      // Rows it did not check again are the very rows of before.
      const changed = new Set(changedCompounds(state, next));
      update.compliance.compounds.forEach((c, i) => changed.has(i) || expect(c).toBe(compliance.compounds[i]));
      moved += update.changes.length;
      state = next;
      compliance = update.compliance;
    }
    expect(moved).toBeGreaterThan(10);
  });

  it('a scenario run from remembered steps (grown, undone, switched, longer than the memory) equals a run by a fresh model', () => {
    const gb = rulesetById('gb50180-2018')!;
    const baseline = model.evaluate(model.baseline, gb).compliance;
    const fresh = () => new PlannerModel(model.ctx, model.inputs);
    const sameRun = (a: ScenarioRun, b: ScenarioRun) => {
      expect(a.effects).toEqual(b.effects);
      expect(a.result.compliance.compounds).toEqual(b.result.compliance.compounds);
      expect(a.result.canteens).toEqual(b.result.canteens);
      expect(a.result.total).toEqual(b.result.total);
    };
    for (let n = 1; n <= changes.length; n++) model.run(changes.slice(0, n), gb, undefined, baseline);
    for (const n of [40, 39, 3, 0, 40, 17]) sameRun(model.run(changes.slice(0, n), gb, undefined, baseline), fresh().run(changes.slice(0, n), gb));
    // Another scenario that shares the first steps only.
    const other = [...changes.slice(0, 5), changes[30]!];
    sameRun(model.run(other, gb, undefined, baseline), fresh().run(other, gb));
  });

  it('crosses to the page against the baseline: only the rows and canteen figures that differ, read back whole', () => {
    const gb = rulesetById('gb50180-2018')!;
    const base = model.evaluate(model.baseline, gb);
    const canteen: Change = {
      kind: 'add-facility',
      facility: { id: 'new-canteen', category: 'canteen', point: model.inputs.compounds[0]!.origins[0]!, capacity: 60 },
    };
    const run = model.run([...changes.slice(0, 6), canteen], gb, undefined, base.compliance).result;
    const baseView = plannerView(base);
    const wire = structuredClone(packResult(plannerView(run), baseView));
    const canteenDelta = wire.canteens.compounds;
    expect('indices' in canteenDelta && canteenDelta.indices.length > 0 && canteenDelta.indices.length < run.canteens.compounds.length).toBe(true);
    expect(wire.compliance.indices!.length).toBeLessThan(run.compliance.compounds.length);
    expect(wire.compliance.indices!.length).toBeGreaterThan(0);
    const pageBase = unpackResult(structuredClone(packResult(baseView)));
    const back = unpackResult(wire, pageBase);
    expect(back.compliance.compounds).toEqual(run.compliance.compounds);
    expect(back.compliance.rules).toEqual(run.compliance.rules);
    expect(back.canteens).toEqual(run.canteens);
    expect(() => unpackResult(wire)).toThrow(/baseline/);
  });

  it('compares a scenario with the baseline in its changed rows: the same as comparing copies that share no row', () => {
    const gb = rulesetById('gb50180-2018')!;
    const base = model.evaluate(model.baseline, gb);
    const run = model.run(changes.slice(0, 12), gb, undefined, base.compliance).result;
    const shared = run.compliance.compounds.filter((c, i) => c === base.compliance.compounds[i]).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(run.compliance.compounds.length);
    const everyRow = compareCompliance(structuredClone(base.compliance), structuredClone(run.compliance));
    expect(everyRow.length).toBeGreaterThan(0);
    expect(compareCompliance(base.compliance, run.compliance)).toEqual(everyRow);
    // Only the rows that moved a rule between met and not met taken from the scenario: each of them counts.
    const met = (c: CompoundCompliance) => c.results.map((r) => r.status === 'met').join();
    const moved = base.compliance.compounds.map((c, i) => (met(c) === met(run.compliance.compounds[i]!) ? c : run.compliance.compounds[i]!));
    expect(compareCompliance(base.compliance, { ...base.compliance, compounds: moved })).toEqual(everyRow);
    // On the page: the scenario unpacked against the baseline the page holds shares its rows the same way.
    const baseView = plannerView(base);
    const pageBase = unpackResult(structuredClone(packResult(baseView)));
    const page = unpackResult(structuredClone(packResult(plannerView(run), baseView)), pageBase);
    expect(compareCompliance(pageBase.compliance, page.compliance)).toEqual(everyRow);
    expect(compareCompliance(base.compliance, base.compliance)).toEqual([]);
  });
});
