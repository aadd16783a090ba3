import { performance } from 'node:perf_hooks';
import { formatMs } from './report';
import { DEFAULT_MEASURE, measure } from './measure';
import type { BenchCase } from './task';

/**
 * Timing helpers for tasks. `warmUp` gives sub-millisecond jobs the calls V8 needs before it
 * optimises them; `timeParts` times the stages of a job whose budget is split (DESIGN.md:
 * walkshed search ≤ 1 ms, polygon ≤ 10 ms), the way the harness times whole jobs.
 */

/**
 * The harness warms a job up for 250 ms but at most 10 runs (measure.ts). A job that takes
 * a fraction of a millisecond is still running unoptimised code after 10 calls (the engine's
 * 900 m search: ~1 ms per call for the first ~40 calls on the 100k-edge city, ~0.3 ms after),
 * so such rows would time V8's tiers, not the code. Setup (never timed) runs every job of
 * the case, ours and peers alike, until each has had `minCalls` calls or `maxMs`.
 */
export function warmUp<C extends BenchCase>(c: C, minCalls = 100, maxMs = 250): C {
  for (const job of [() => c.ours(), ...Object.values(c.peers)]) {
    const start = performance.now();
    for (let k = 0; k < minCalls && performance.now() - start < maxMs; k++) job();
  }
  return c;
}

export interface Part {
  run: () => unknown;
  /** DESIGN.md budget of this stage at full size, ms. */
  maxMs?: number;
}

/** Median ms of each part, by name, in the order given. */
export function timeParts(parts: Readonly<Record<string, Part>>): Map<string, number> {
  const { timings } = measure(new Map(Object.entries(parts).map(([name, part]) => [name, part.run])), DEFAULT_MEASURE);
  return new Map([...timings].map(([name, timing]) => [name, timing.medianMs]));
}

/** "search 0.26 ms (✓ ≤ 1 ms) · polygon 3.07 ms (✓ ≤ 10 ms)"; verdicts only when budgets apply (full size). */
export function formatParts(parts: Readonly<Record<string, Part>>, medians: ReadonlyMap<string, number>, applyBudgets: boolean): string {
  return Object.entries(parts)
    .map(([name, part]) => {
      const ms = medians.get(name) ?? NaN;
      const verdict = applyBudgets && part.maxMs !== undefined ? ` (${ms <= part.maxMs ? '✓' : '✗'} ≤ ${part.maxMs} ms)` : '';
      return `${name} ${formatMs(ms)} ms${verdict}`;
    })
    .join(' · ');
}
