import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/sample/prng';
import { haversineM } from '../../src/domain/engine/graph';
import { baseDistances } from '../../src/domain/planner/distances';
import { greedyMaxCoverage, type CoverageCandidate } from '../../src/domain/planner/greedy';
import { PlannerModel } from '../../src/domain/planner/model';
import { suggestSites } from '../../src/domain/planner/siteSelection';
import { at, compound, facility, streetContext, twoLevelRuleset } from './planner-fixtures';

/** The best total weight any k candidates can cover, by trying every combination. */
function bruteForce(candidates: readonly CoverageCandidate[], weights: readonly number[], k: number): number {
  let best = 0;
  const pick = (start: number, chosen: number[]) => {
    const covered = new Set(chosen.flatMap((j) => candidates[j]!.covers));
    best = Math.max(
      best,
      [...covered].reduce((s, d) => s + weights[d]!, 0),
    );
    if (chosen.length === k) return;
    for (let j = start; j < candidates.length; j++) pick(j + 1, [...chosen, j]);
  };
  pick(0, []);
  return best;
}

describe('greedy maximum coverage', () => {
  it('matches brute force for one site, and stays within 1 − 1/e of it for two and three, on 200 random cases', () => {
    const rng = new Rng(42);
    let exact = 0;
    for (let trial = 0; trial < 200; trial++) {
      const weights = Array.from({ length: rng.int(3, 9) }, () => rng.int(1, 50));
      const candidates = Array.from({ length: rng.int(2, 7) }, () => ({ covers: weights.map((_, d) => d).filter(() => rng.chance(0.35)) }));
      const total = (picks: ReturnType<typeof greedyMaxCoverage>) => picks.reduce((s, p) => s + p.gain, 0);
      expect(total(greedyMaxCoverage(candidates, weights, 1))).toBe(bruteForce(candidates, weights, 1));
      for (const k of [2, 3]) {
        const greedy = total(greedyMaxCoverage(candidates, weights, k));
        const best = bruteForce(candidates, weights, k);
        expect(greedy).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best);
        if (greedy === best) exact++;
      }
    }
    expect(exact).toBeGreaterThan(300);
  });

  it('counts each demand once: a later pick is credited only with what it adds', () => {
    const picks = greedyMaxCoverage([{ covers: [0, 1] }, { covers: [1, 2] }, { covers: [2] }], [10, 5, 4], 3);
    expect(picks.map((p) => [p.candidate, p.demands, p.gain])).toEqual([
      [0, [0, 1], 15],
      [1, [2], 4],
    ]);
  });

  it('breaks ties by the lower cost (shorter walks)', () => {
    expect(
      greedyMaxCoverage(
        [
          { covers: [0], cost: 300 },
          { covers: [0], cost: 100 },
        ],
        [1],
        1,
      )[0]!.candidate,
    ).toBe(1);
  });
});

describe('where to build, on a street', () => {
  /* Clinics must be within 300 m (r5-clinic). Unserved: A at 100, B at 300, C at 1,500, D at 1,700;
   * E at 1,000 has a clinic at 1,050. One clinic between A and B serves 2,000 + 500 people; one
   * between C and D serves 800 + 900; the residents' first pick is A+B, the elders' first pick C+D. */
  const ctx = streetContext();
  const compounds = [
    compound('A', 100, { population: 2000, elderly60: 100 }),
    compound('B', 300, { population: 500, elderly60: 100 }),
    compound('C', 1500, { population: 800, elderly60: 400 }),
    compound('D', 1700, { population: 900, elderly60: 400 }),
    compound('E', 1000, { population: 5000, elderly60: 900 }),
  ];
  const model = new PlannerModel(ctx, { compounds, facilities: [facility('cl', 'clinic', 1050)] });
  const ruleset = twoLevelRuleset();
  const compliance = model.evaluate(model.baseline, ruleset).compliance;

  it('ranks sites by the residents they newly serve, each with "covers N more"', () => {
    const sites = suggestSites(model.ctx, model.baseline, compliance, { ruleIndex: 1, k: 3, weight: 'residents' });
    expect(sites.map((s) => [s.rank, s.compoundIds, s.residents])).toEqual([
      [1, ['A', 'B'], 2500],
      [2, ['C', 'D'], 1700],
    ]);
    // Every site found is within 300 m of what it claims to serve.
    const x = (p: [number, number]) => haversineM(at(0)[0], at(0)[1], p[0], p[1]);
    expect(x(sites[0]!.point)).toBeGreaterThanOrEqual(0);
    expect(x(sites[0]!.point)).toBeLessThanOrEqual(400);
  });

  it('weights by residents aged 60+ when asked', () => {
    const sites = suggestSites(model.ctx, model.baseline, compliance, { ruleIndex: 1, k: 1, weight: 'elderly60' });
    expect(sites[0]).toMatchObject({ compoundIds: ['C', 'D'], elderly60: 800 });
  });

  it('a suggested site, tried as a what-if, serves exactly the compounds it promised', () => {
    const [first] = suggestSites(model.ctx, model.baseline, compliance, { ruleIndex: 1, k: 1, weight: 'residents' });
    const run = model.run([{ kind: 'add-facility', facility: { id: 'site-1', category: 'clinic', point: first!.point } }], ruleset);
    expect(run.effects[0]![0]!.gained.compoundIds).toEqual(first!.compoundIds);
  });

  it('without a network, uses a grid of candidates and straight-line distances', () => {
    const straight = baseDistances(null, compounds, [facility('cl', 'clinic', 1050)]);
    const flat = new PlannerModel(null, { compounds, facilities: [facility('cl', 'clinic', 1050)] });
    const sites = suggestSites(null, straight, flat.evaluate(straight, ruleset).compliance, { ruleIndex: 1, k: 2, weight: 'residents' });
    expect(sites.map((s) => s.compoundIds)).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
  });
});
