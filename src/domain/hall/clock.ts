/**
 * The playlist clock, as pure functions of time (milliseconds): which screen is shown, for
 * how much longer, and the pause that a touch or a key press starts. The hall calls `tick`
 * when a timer fires; tests call it with made-up times.
 */

export interface ClockState {
  /** Index of the screen shown. */
  index: number;
  /** When the screen started, shifted forward by any pause so a pause does not eat its time. */
  startedAtMs: number;
  /** Set while paused by someone touching the screen. */
  pausedAtMs: number | null;
  /** When the pause ends (extended by every new touch). */
  resumeAtMs: number | null;
  /** Full passes through the playlist since the start. */
  cycles: number;
}

export function startClock(nowMs: number, index = 0): ClockState {
  return { index, startedAtMs: nowMs, pausedAtMs: null, resumeAtMs: null, cycles: 0 };
}

/** Ends a pause whose idle time is over; the screen then gets the rest of its time. */
function resumeIfIdle(state: ClockState, nowMs: number): ClockState {
  if (state.pausedAtMs === null || state.resumeAtMs === null || nowMs < state.resumeAtMs) return state;
  return { ...state, startedAtMs: state.startedAtMs + (state.resumeAtMs - state.pausedAtMs), pausedAtMs: null, resumeAtMs: null };
}

/**
 * The state at `nowMs`: resumes an idle pause, then moves on past every screen whose time
 * is up. After a long gap (the machine slept) it restarts the screen it lands on rather
 * than racing through the playlist.
 */
export function tick(state: ClockState, durationsMs: readonly number[], nowMs: number): ClockState {
  const n = durationsMs.length;
  if (n === 0) return state;
  let next = resumeIfIdle(state, nowMs);
  if (next.pausedAtMs !== null) return next;
  let { index, startedAtMs, cycles } = next;
  if (index >= n) {
    index = 0;
    startedAtMs = nowMs;
  }
  for (let steps = 0; nowMs - startedAtMs >= (durationsMs[index] ?? 0); steps++) {
    if (steps >= n) {
      startedAtMs = nowMs;
      break;
    }
    startedAtMs += durationsMs[index] ?? 0;
    index = (index + 1) % n;
    if (index === 0) cycles++;
  }
  next = index === next.index && startedAtMs === next.startedAtMs && cycles === next.cycles ? next : { ...next, index, startedAtMs, cycles };
  return next;
}

/** A touch or key press: pause now (or keep paused) until `idleMs` after this one. */
export function interact(state: ClockState, nowMs: number, idleMs: number): ClockState {
  return { ...state, pausedAtMs: state.pausedAtMs ?? nowMs, resumeAtMs: nowMs + idleMs };
}

/** Shows the next (+1) or previous (-1) screen at once, from its start; a pause stays. */
export function step(state: ClockState, count: number, delta: 1 | -1, nowMs: number): ClockState {
  if (count === 0) return state;
  const index = (((state.index + delta) % count) + count) % count;
  return { ...state, index, startedAtMs: nowMs, pausedAtMs: state.pausedAtMs === null ? null : nowMs };
}

/** When something next changes by itself: the end of the pause or of the screen. */
export function nextChangeAt(state: ClockState, durationsMs: readonly number[]): number {
  if (state.resumeAtMs !== null) return state.resumeAtMs;
  return state.startedAtMs + (durationsMs[state.index] ?? 0);
}

/** How much of the screen's time has passed, 0–1 (frozen while paused). */
export function progress(state: ClockState, durationsMs: readonly number[], nowMs: number): number {
  const duration = durationsMs[state.index] ?? 0;
  if (duration <= 0) return 1;
  const at = state.pausedAtMs ?? nowMs;
  return Math.min(1, Math.max(0, (at - state.startedAtMs) / duration));
}
