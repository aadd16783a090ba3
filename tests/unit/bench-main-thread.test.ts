import { describe, expect, it } from 'vitest';
import { mainTasks } from '../../src/cli/bench/mainThread';

const run = (tid: number, ts: number, dur: number, tdur?: number) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid: 7,
  tid,
  ts,
  dur,
  ...(tdur === undefined ? {} : { tdur }),
});

describe("the page's main-thread tasks from a Chromium trace (bench:planner)", () => {
  // The zero mark was made at 10,000,000 µs on the trace's clock, when the page's clock read 2,000 ms.
  const mark = { name: 'bench-trace-zero', ph: 'I', pid: 7, tid: 1, ts: 10_000_000 };

  it("keeps the mark's thread's tasks of 50 ms or more, on the page's clock, with their CPU time", () => {
    const tasks = mainTasks(
      [
        run(1, 9_000_000, 120_000, 30_000), // page 1,000 ms: 120 ms, 30 of them on the CPU
        run(1, 9_500_000, 49_000, 49_000), // under 50 ms: not long
        run(2, 9_600_000, 400_000, 400_000), // a worker's thread
        { ...run(1, 9_700_000, 90_000, 10_000), pid: 8 }, // another process
        run(1, 10_200_000, 60_000), // no thread time: CPU unknown
        mark,
      ],
      2_000,
    );
    expect(tasks).toEqual([
      { start: 1_000, ms: 120, cpuMs: 30 },
      { start: 2_200, ms: 60, cpuMs: null },
    ]);
  });

  it('counts a task run inside another (a nested loop) as part of it, whatever the order of the events', () => {
    const tasks = mainTasks([run(1, 9_010_000, 70_000, 70_000), run(1, 9_000_000, 300_000, 100_000), mark], 2_000);
    expect(tasks).toEqual([{ start: 1_000, ms: 300, cpuMs: 100 }]);
  });

  it('keeps a task that begins the very microsecond the one before ends, and a parent that begins with its first inner task', () => {
    // Back to back at awkward microseconds, where milliseconds in floating point would overlap.
    const adjacent = mainTasks([run(1, 9_000_123, 60_001, 1), run(1, 9_060_124, 70_003, 2), mark], 2_000);
    expect(adjacent.map((t) => t.ms)).toEqual([60.001, 70.003]);
    // The inner task listed first, both beginning at the same microsecond.
    const nested = mainTasks([run(1, 9_000_000, 10_000, 10_000), run(1, 9_000_000, 300_000, 90_000), mark], 2_000);
    expect(nested).toEqual([{ start: 1_000, ms: 300, cpuMs: 90 }]);
  });

  it('fails without the mark, rather than guess which thread is the page', () => {
    expect(() => mainTasks([run(1, 9_000_000, 120_000)], 0)).toThrow(/no bench-trace-zero mark/);
  });
});
