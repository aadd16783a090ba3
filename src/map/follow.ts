import { nextTask } from '../data/nextTask';

/** What followStore needs of a store (zustand's has it). */
export interface Followed<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * Calls `apply(state, previous)` a task after the store changes, not inside the change: React
 * renders a change first (a dataset or a planner's answer re-renders the panels), and the map's
 * own work (its sources, a city's tiles, the overlays) then gets a task of its own instead of
 * adding to that render's. The changes of one task are applied once, against the state applied
 * last (`previous` starts as the state when following began). Returns the way to stop, which
 * also drops a change not yet applied.
 */
export function followStore<S>(store: Followed<S>, apply: (state: S, previous: S) => void, later: () => Promise<void> = nextTask): () => void {
  let applied = store.getState();
  let queued = false;
  let stopped = false;
  const follow = () => {
    queued = false;
    const state = store.getState();
    if (stopped || state === applied) return;
    const previous = applied;
    applied = state;
    apply(state, previous);
  };
  const unsubscribe = store.subscribe(() => {
    if (queued) return;
    queued = true;
    void later().then(follow);
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
