import { describe, expect, it } from 'vitest';
import { stepOf, unmetSteps } from '../../src/store/plannerMapView';

describe('the planner map colours a compound by its step of unmet ▲ rules', () => {
  it('gives each compound the colour of the legend step it falls in, for any number of rules', () => {
    for (const rules of [0, 1, 3, 5, 12, 50]) {
      const steps = unmetSteps(rules);
      for (let unmet = 0; unmet <= rules + 2; unmet++) {
        // The legend: the last step whose lower bound the compound reaches.
        const legend = steps.filter((s) => unmet >= s.from).at(-1)!;
        const palette = ['#2b8a3e', '#94d82d', '#fcc419', '#f76707', '#c92a2a'];
        expect(palette[stepOf(steps, unmet)]).toBe(legend.color);
      }
    }
  });

  it('steps up with more unmet rules and never down', () => {
    const steps = unmetSteps(50);
    const byUnmet = Array.from({ length: 51 }, (_, unmet) => stepOf(steps, unmet));
    expect(byUnmet[0]).toBe(0);
    expect(byUnmet[1]).toBe(1);
    expect(byUnmet[50]).toBe(4);
    expect(byUnmet.every((step, k) => k === 0 || step >= byUnmet[k - 1]!)).toBe(true);
  });
});
