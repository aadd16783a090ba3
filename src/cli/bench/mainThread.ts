import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** One task of the page's main thread: when it began (the page's performance.now), how long it held the thread, and how much of that the thread ran. */
export interface MainTask {
  start: number;
  ms: number;
  /** The main thread's own CPU time in the task; the rest it waited (on the GPU process, or for a core). */
  cpuMs: number;
}

/** Tasks shorter than this are not kept (the long-task threshold). */
const LONG_MS = 50;
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
  let end = -Infinity;
  const runs = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === mark.pid && e.tid === mark.tid)
    .sort((a, b) => a.ts - b.ts);
  for (const e of runs) {
    const start = e.ts / 1000 - offset;
    const ms = (e.dur ?? 0) / 1000;
    // A task run inside another (a nested loop) is part of it.
    if (start < end) continue;
    end = start + ms;
    if (ms >= LONG_MS) tasks.push({ start, ms, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 });
  }
  return tasks;
}
