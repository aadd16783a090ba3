import { performance } from 'node:perf_hooks';

/**
 * Timing for the benchmark. Each job of a row (ours, then every peer) is warmed up (JIT,
 * caches) and then timed over consecutive runs; medians are reported. Jobs run one after
 * another rather than interleaved: interleaving made ours pay for collecting the garbage a
 * peer left behind (turf.union leaves a lot), which measured the peer, not ours.
 */

export interface Timing {
  /** Per call. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** Calls per timed run (more than one for jobs much shorter than MIN_RUN_MS). */
  callsPerRun: number;
}

/**
 * A timed run lasts at least this long: a job of a few microseconds is called that many
 * times in a row and the run's time divided by the calls, so that the clock's resolution
 * and the cost of reading it do not enter the figure. Ours and peers are treated the same.
 */
const MIN_RUN_MS = 2;

export interface MeasureOptions {
  /** Timed runs per job; at least 5. */
  runs: number;
  /**
   * Warm-up repeats a job until this much time went by (it always runs at least once): a
   * sub-millisecond job gets thousands of calls, enough for V8 to optimise it, and a job of
   * seconds (the per-compound peer) just one.
   */
  warmupMs: number;
  /** …but never more than this many warm-up runs. */
  maxWarmups: number;
}

export const DEFAULT_MEASURE: MeasureOptions = { runs: 5, warmupMs: 250, maxWarmups: 100_000 };

export interface Measured {
  timings: Map<string, Timing>;
  /** The first answer of each job (from the warm-up), for the correctness check. */
  results: Map<string, unknown>;
}

/**
 * A full garbage collection, when node runs with --expose-gc (`npm run bench` does). Run
 * before each job, so no job pays for collecting what an earlier one (a peer's object graph
 * of a whole city, an earlier row) left behind: measured, that garbage made the gap
 * analysis's lookups 4× slower after the nearest-facilities row until the next major GC.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function measure(jobs: ReadonlyMap<string, () => unknown>, options: MeasureOptions = DEFAULT_MEASURE): Measured {
  const results = new Map<string, unknown>();
  const timings = new Map<string, Timing>();
  for (const [name, job] of jobs) {
    collectGarbage();
    const warmupStart = performance.now();
    results.set(name, job());
    for (let k = 1; k < options.maxWarmups && performance.now() - warmupStart < options.warmupMs; k++) job();
    let callsPerRun = 1;
    for (;;) {
      const start = performance.now();
      for (let k = 0; k < callsPerRun; k++) job();
      const ms = performance.now() - start;
      if (ms >= MIN_RUN_MS || callsPerRun >= 1 << 20) break;
      callsPerRun = Math.min(1 << 20, Math.max(callsPerRun * 2, Math.ceil((callsPerRun * MIN_RUN_MS * 1.2) / Math.max(ms, 1e-3))));
    }
    const times: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const start = performance.now();
      for (let k = 0; k < callsPerRun; k++) job();
      times.push((performance.now() - start) / callsPerRun);
    }
    timings.set(name, { ...summarise(times), callsPerRun });
  }
  return { timings, results };
}

function summarise(times: number[]): Omit<Timing, 'callsPerRun'> {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { medianMs, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, runs: sorted.length };
}

/**
 * Jobs of a second or more that are whole processes (the analyze-process row): one warm-up
 * call each (disk cache, the compile cache of node), then `runs` rounds in which every job is
 * called once in turn, so a change in the machine's load during the row hits all of them.
 */
export function measureInterleaved(jobs: ReadonlyMap<string, () => unknown>, runs: number): Measured {
  const results = new Map<string, unknown>();
  const times = new Map<string, number[]>();
  for (const [name, job] of jobs) {
    results.set(name, job());
    times.set(name, []);
  }
  for (let run = 0; run < runs; run++) {
    for (const [name, job] of jobs) {
      const start = performance.now();
      job();
      times.get(name)!.push(performance.now() - start);
    }
  }
  const timings = new Map([...times].map(([name, list]) => [name, { ...summarise(list), callsPerRun: 1 }]));
  return { timings, results };
}
