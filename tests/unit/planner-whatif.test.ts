import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { fromDirectory } from '../../src/data/node-source';
import { Rng } from '../../src/data/sample/prng';
import { searchFrom } from '../../src/domain/engine/dijkstra';
import type { LonLat } from '../../src/domain/geo';
import { baseDistances, type DistanceState } from '../../src/domain/planner/distances';
import { addSourceToField } from '../../src/domain/planner/fieldUpdate';
import type { PlannerCompound, PlannerFacility } from '../../src/domain/planner/inputs';
import { PlannerModel } from '../../src/domain/planner/model';
import { rulesetById } from '../../src/domain/planner/rulesets';
import { compound, facility, streetContext, twoLevelRuleset } from './planner-fixtures';

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
    const { dataset } = await loadDataset(fromDirectory(resolve(import.meta.dirname, '../../data/yuefeng-sample')));
    model = PlannerModel.fromDataset(dataset!);
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
