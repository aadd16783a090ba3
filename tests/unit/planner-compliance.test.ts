import { describe, expect, it } from 'vitest';
import { dataCategoriesOf, evaluateCompliance } from '../../src/domain/planner/compliance';
import { baseDistances } from '../../src/domain/planner/distances';
import { PlannerModel } from '../../src/domain/planner/model';
import { rulesetById } from '../../src/domain/planner/rulesets';
import { areaSummaries, coverageShare, totalSummary } from '../../src/domain/planner/summaries';
import { compound, facility, streetContext, twoLevelRuleset } from './planner-fixtures';

/*
 * On paper (one straight street, x in metres):
 *   A at 500 (1,000 residents, cm-1 / g-1)   B at 900 (3,000, cm-1 / g-2)   C at 1,950 (500, no community)
 *   health centre at 1,200 · clinic at 1,000 · bank at 1,900 · no canteen anywhere.
 * Node coordinates are rounded to 1e-7° (about 1 cm), hence the centimetre tolerances.
 */
const ctx = streetContext();
const compounds = [
  compound('A', 500, { population: 1000, elderly60: 300, elderly80: 50, communityId: 'cm-1', gridId: 'g-1', propertyManagement: true }),
  compound('B', 900, { population: 3000, elderly60: 600, elderly80: 90, communityId: 'cm-1', gridId: 'g-2', propertyManagement: true }),
  compound('C', 1950, { population: 500, elderly60: 100, elderly80: 30 }),
];
const facilities = [facility('hc', 'health_center', 1200), facility('cl', 'clinic', 1000), facility('bk', 'bank', 1900)];
const ruleset = twoLevelRuleset();
const state = baseDistances(ctx, compounds, facilities);
const compliance = evaluateCompliance(ruleset, state, dataCategoriesOf(facilities));
const status = (id: string) => compliance.compounds.find((c) => c.compound.id === id)!.results.map((r) => r.status);
const result = (id: string, rule: string) => compliance.compounds.find((c) => c.compound.id === id)!.results[ruleset.rules.findIndex((r) => r.id === rule)]!;

describe('compliance per compound', () => {
  it('meets the 15-minute list but not the 5-minute one: the levels do not nest', () => {
    // A: health centre 700 m ≤ 1,000 m (15 min) but clinic 500 m > 300 m (5 min).
    expect(result('A', 'r15-health')).toMatchObject({ status: 'met', facilityId: 'hc' });
    expect(result('A', 'r15-health').walkM).toBeCloseTo(700, 1);
    expect(result('A', 'r5-clinic')).toMatchObject({ status: 'unmet', facilityId: 'cl' });
    expect(result('A', 'r5-clinic').walkM).toBeCloseTo(500, 1);
    // B has the clinic 100 m away.
    expect(result('B', 'r5-clinic').status).toBe('met');
  });

  it('says "no data" for a category the dataset has none of, never a gap; checks attributes; lists the rest as not checked', () => {
    expect(status('A')).toEqual(['met', 'unmet', 'no-data', 'unmet', 'met', 'not-checked']);
    expect(status('B')).toEqual(['met', 'met', 'no-data', 'unmet', 'met', 'not-checked']);
    // C: bank 50 m; property management unknown.
    expect(status('C')).toEqual(['met', 'unmet', 'no-data', 'met', 'no-data', 'not-checked']);
  });

  it('scores the share of the checked ▲ rules met (△ and no-data left out)', () => {
    expect(compliance.compounds.map((c) => c.score)).toEqual([2 / 4, 3 / 4, 2 / 3]);
    expect(compliance.compounds.map((c) => [c.unmetRequired, c.unmetOptional])).toEqual([
      [2, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it('counts residents, 60+ and 80+ affected per unmet rule', () => {
    const byId = Object.fromEntries(compliance.rules.map((s) => [s.rule.id, s]));
    expect(byId['r5-clinic']!.unmet).toEqual({ compounds: 2, residents: 1500, elderly60: 400, elderly80: 80 });
    expect(byId['r5-bank']!.unmet).toEqual({ compounds: 2, residents: 4000, elderly60: 900, elderly80: 140 });
    expect(byId['r5-canteen']!.state).toBe('no-data');
    expect(byId['r-parking']!.state).toBe('not-checked');
    expect(coverageShare(byId['r5-clinic']!)).toEqual({ residents: 3000 / 4500, elderly60: 600 / 1000 });
    expect(coverageShare(byId['r5-canteen']!)).toBeNull();
  });

  it('summarises per community and per grid, weighting scores by residents', () => {
    const communities = areaSummaries(compliance, 'community');
    expect(communities.map((a) => a.id)).toEqual(['cm-1', null]);
    expect(communities[0]!.score).toBeCloseTo((0.5 * 1000 + 0.75 * 3000) / 4000, 12);
    expect(communities[0]!.people).toEqual({ compounds: 2, residents: 4000, elderly60: 900, elderly80: 140 });
    expect(communities[0]!.unmetRequired).toBe(3);
    expect(areaSummaries(compliance, 'grid').map((a) => [a.id, a.people.compounds])).toEqual([
      ['g-1', 1],
      ['g-2', 1],
      [null, 1],
    ]);
    expect(totalSummary(compliance).withGaps.residents).toBe(4500);
  });

  it('gives the same answers straight-line without a network (and no snapping)', () => {
    const straight = evaluateCompliance(ruleset, baseDistances(null, compounds, facilities), dataCategoriesOf(facilities));
    expect(straight.compounds.map((c) => c.results.map((r) => r.status))).toEqual(compliance.compounds.map((c) => c.results.map((r) => r.status)));
    expect(straight.compounds[0]!.results[0]!.walkM).toBeCloseTo(700, 1);
  });
});

describe('GB 50180-2018 on a hand-made case', () => {
  it('does not let a 15-minute health centre next door stand in for the 5-minute health station', () => {
    const gb = rulesetById('gb50180-2018')!;
    const model = new PlannerModel(ctx, { compounds: [compound('X', 100)], facilities: [facility('hc', 'health_center', 300)] });
    const x = model.evaluate(model.baseline, gb).compliance.compounds[0]!;
    const of = (id: string) => x.results[gb.rules.findIndex((r) => r.id === id)]!;
    expect(of('gb-15-health-centre').status).toBe('met');
    // 门诊部 accepts a clinic or a health centre: met by the same building, at 200 m.
    expect(of('gb-15-outpatient').status).toBe('met');
    // The 5-minute 社区卫生服务站 wants a clinic: the dataset has none at all, so "no data".
    expect(of('gb-5-health-station').status).toBe('no-data');
  });
});
