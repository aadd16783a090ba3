import { describe, expect, it } from 'vitest';
import { interact, nextChangeAt, progress, startClock, step, tick } from '../../src/domain/hall/clock';

/** Three screens of 10, 20 and 30 seconds. */
const D = [10_000, 20_000, 30_000];
const at = (s: number) => s * 1000;

describe('hall playlist clock', () => {
  it('shows each screen for its duration, in order, and counts cycles', () => {
    let c = startClock(0);
    const seen: number[] = [];
    for (let s = 0; s <= 130; s += 5) {
      c = tick(c, D, at(s));
      seen.push(c.index);
    }
    // 0–9 s screen 0, 10–29 s screen 1, 30–59 s screen 2, then again from 60 s.
    expect(seen.slice(0, 14)).toEqual([0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 0, 0]);
    expect(c.cycles).toBe(2);
    expect(nextChangeAt(startClock(0), D)).toBe(10_000);
  });

  it('returns the same state when nothing changes (no needless re-render)', () => {
    const c = startClock(0);
    expect(tick(c, D, at(3))).toBe(c);
  });

  it('pauses on a touch, stays paused while people keep touching, and resumes with the time left', () => {
    let c = tick(startClock(0), D, at(4));
    c = interact(c, at(4), 60_000);
    expect(tick(c, D, at(50)).index).toBe(0);
    c = interact(c, at(50), 60_000);
    expect(nextChangeAt(c, D)).toBe(at(110));
    expect(progress(c, D, at(100))).toBeCloseTo(0.4);
    c = tick(c, D, at(110));
    expect(c.pausedAtMs).toBeNull();
    expect(c.index).toBe(0);
    // 4 s had passed before the pause: 6 s are left after resuming at 110 s.
    expect(nextChangeAt(c, D)).toBe(at(116));
    expect(tick(c, D, at(116)).index).toBe(1);
  });

  it('steps to the next or previous screen from its start, wrapping around', () => {
    let c = step(startClock(0), 3, -1, at(2));
    expect(c.index).toBe(2);
    expect(nextChangeAt(c, D)).toBe(at(32));
    c = step(c, 3, 1, at(3));
    expect(c.index).toBe(0);
  });

  it('after a long gap (the machine slept) restarts where it lands instead of racing through', () => {
    const c = tick(startClock(0), D, at(10_000));
    expect(c.startedAtMs).toBe(at(10_000));
    expect(tick(c, D, at(10_001))).toBe(c);
  });
});
