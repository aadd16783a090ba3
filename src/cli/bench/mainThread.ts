import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** One task of the page's main thread: when it began (the page's performance.now), how long it held the thread, and how much of that the thread ran. */
export interface MainTask {
  start: number;
  ms: number;
  /** The main thread's own CPU time in the task (the rest it waited: for the GPU process, or for a core); null when the trace has none. */
  cpuMs: number | null;
}

/** Tasks shorter than this are not kept: the long-task API's threshold, and the target's. */
export const LONG_MS = 50;
/** The mark that ties the trace's clock to the page's. */
const ZERO_MARK = 'bench-trace-zero';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * Records the page's main-thread tasks of 50 ms or more through a Chromium trace. Unlike the
 * long-task observer, a trace has each task's CPU time: on this machine (two cores, WebGL in
 * software) a task is often long because the main thread waits, for the GPU process to make a
 * WebGL context or link a shader, or for a core while the workers and the GPU process run.
 * `stop` returns the tasks on the page's clock, in order.
 */
export async function traceMainThread(browser: Browser, page: Page, path: string): Promise<{ stop(): Promise<MainTask[]> }> {
  await browser.startTracing(page, { path, categories: ['toplevel', 'blink.user_timing'] });
  return {
    async stop() {
      const zero = await page.evaluate((name) => performance.mark(name).startTime, ZERO_MARK);
      await browser.stopTracing();
      return mainTasks((JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents, zero);
    },
  };
}

/** The long tasks of the thread that made the zero mark, on the page's clock (`zero` is the mark's startTime there). */
export function mainTasks(events: readonly TraceEvent[], zero: number): MainTask[] {
  const mark = events.find((e) => e.name === ZERO_MARK);
  if (!mark) throw new Error(`the trace has no ${ZERO_MARK} mark: the page's main thread is unknown`);
  const offset = mark.ts / 1000 - zero;
  const tasks: MainTask[] = [];
  // In the trace's whole microseconds: a task that begins as the one before ends is not inside it.
  let endUs = -Infinity;
  const runs = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === mark.pid && e.tid === mark.tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of runs) {
    const dur = e.dur ?? 0;
    // A task run inside another (a nested loop) is part of it.
    if (e.ts < endUs) continue;
    endUs = e.ts + dur;
    if (dur >= LONG_MS * 1000) tasks.push({ start: e.ts / 1000 - offset, ms: dur / 1000, cpuMs: e.tdur === undefined ? null : e.tdur / 1000 });
  }
  return tasks;
}
