import { formatMs } from './report';
import { DEFAULT_MEASURE, measure } from './measure';

/**
 * Timing helpers for tasks: `timeParts` times the stages of a job whose budget is split
 * (DESIGN.md: walkshed search ≤ 1 ms, polygon ≤ 10 ms), the way the harness times whole jobs.
 */

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

/** "search 1.31 ms > 1 ms" for every part over its budget (callers apply this at full size only). */
export function partMisses(parts: Readonly<Record<string, Part>>, medians: ReadonlyMap<string, number>): string[] {
  return Object.entries(parts).flatMap(([name, part]) => {
    const ms = medians.get(name) ?? NaN;
    return part.maxMs !== undefined && !(ms <= part.maxMs) ? [`${name} ${formatMs(ms)} ms > ${part.maxMs} ms`] : [];
  });
}
