import { describe, expect, it } from 'vitest';
import { canteenAccess, CatchmentCache } from '../../src/domain/planner/canteens';
import { baseDistances } from '../../src/domain/planner/distances';
import { PlannerModel } from '../../src/domain/planner/model';
import { twoStepFloatingCatchment } from '../../src/domain/planner/twoStep';
import { compound, facility, streetContext, twoLevelRuleset } from './planner-fixtures';

/*
 * Worked example, on paper (catchment 500 m on one street, x in metres):
 *   canteen S1: 10 seats at x = 300     canteen S2: 20 seats at x = 1,100
 *   P: 100 elders at x = 100   Q: 200 at 700   R: 100 at 1,500   D: 50 at 1,900
 * Step 1: S1 reaches P (200 m) and Q (400 m): 10 / 300 elders.  S2 reaches Q (400 m) and R (400 m): 20 / 300.
 * Step 2: P = 10/300 = 3.33 seats per 100;  Q = 10/300 + 20/300 = 10;  R = 20/300 = 6.67;  D is out of reach.
 * Check: 3.33 × 100/100 + 10 × 200/100 + 6.67 × 100/100 = 30 seats, all handed out once.
 */
const ctx = streetContext();
const compounds = [
  compound('P', 100, { elderly60: 100 }),
  compound('Q', 700, { elderly60: 200 }),
  compound('R', 1500, { elderly60: 100 }),
  compound('D', 1900, { elderly60: 50 }),
];
const canteens = [facility('S1', 'canteen', 300, { capacity: 10 }), facility('S2', 'canteen', 1100, { capacity: 20 })];

describe('two-step floating catchment', () => {
  it('shares each supply among everyone in its catchment, then sums what reaches each demand', () => {
    const r = twoStepFloatingCatchment(
      [
        { id: 'S1', capacity: 10 },
        { id: 'S2', capacity: 20 },
      ],
      [
        { id: 'P', population: 100 },
        { id: 'Q', population: 200 },
        { id: 'R', population: 100 },
        { id: 'D', population: 50 },
      ],
      [
        { supply: 0, demand: 0 },
        { supply: 0, demand: 1 },
        { supply: 1, demand: 1 },
        { supply: 1, demand: 2 },
      ],
    );
    expect(r.catchmentPopulation).toEqual([300, 300]);
    expect(r.ratio).toEqual([10 / 300, 20 / 300]);
    expect(r.access).toEqual([10 / 300, 30 / 300, 20 / 300, 0]);
    expect(r.reachedBy).toEqual([1, 2, 1, 0]);
    const handedOut = r.access.reduce((sum, a, i) => sum + a * [100, 200, 100, 50][i]!, 0);
    expect(handedOut).toBeCloseTo(30, 10);
  });

  it('gives a supply nobody reaches no ratio rather than dividing by zero', () => {
    expect(twoStepFloatingCatchment([{ id: 'S', capacity: 60 }], [{ id: 'P', population: 10 }], []).ratio).toEqual([null]);
  });
});

describe('canteen seats per 100 residents aged 60+ on the street', () => {
  const state = baseDistances(ctx, compounds, canteens);
  const result = canteenAccess(state, new CatchmentCache(ctx), { catchmentM: 500, targetSeatsPer100: 5 }, true);

  it('matches the worked example, by walking distance', () => {
    expect(result.canteens.map((c) => [c.facility.id, c.elderlyInCatchment, c.seatsPer100])).toEqual([
      ['S1', 300, (10 / 300) * 100],
      ['S2', 300, (20 / 300) * 100],
    ]);
    expect(result.compounds.map((c) => [c.compoundId, c.reachedBy, Math.round(c.seatsPer100 * 100) / 100])).toEqual([
      ['P', 1, 3.33],
      ['Q', 2, 10],
      ['R', 1, 6.67],
      ['D', 0, 0],
    ]);
  });

  it('flags P under-served though a canteen covers it, and leaves D as not reached rather than under-served', () => {
    expect(result.compounds.filter((c) => c.underServed).map((c) => c.compoundId)).toEqual(['P']);
  });

  it('leaves canteens without seats out of the shares, and a new canteen changes the shares at once', () => {
    const model = new PlannerModel(ctx, { compounds, facilities: [...canteens, facility('S0', 'canteen', 1900)] });
    const base = model.evaluate(model.baseline, twoLevelRuleset(), { catchmentM: 500, targetSeatsPer100: 5 }).canteens;
    expect(base.canteens.find((c) => c.facility.id === 'S0')).toMatchObject({ capacity: null, seatsPer100: null, elderlyInCatchment: 150 });
    expect(base.compounds.find((c) => c.compoundId === 'D')!.reachedBy).toBe(0);
    // 60 seats at x = 250 reach P (150 m) and Q (450 m): P now has 10/300 + 60/300 = 23.3 seats per 100.
    const run = model.run([{ kind: 'add-facility', facility: facility('S3', 'canteen', 250, { capacity: 60 }) }], twoLevelRuleset(), {
      catchmentM: 500,
      targetSeatsPer100: 5,
    });
    const p = run.result.canteens.compounds.find((c) => c.compoundId === 'P')!;
    expect(p.seatsPer100).toBeCloseTo(((10 + 60) / 300) * 100, 10);
    expect(p.underServed).toBe(false);
  });
});
