import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { followStore } from '../../src/map/follow';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the map follows the store a task after it changes', () => {
  it('applies the changes of one task once, in a later task, against the state applied last', async () => {
    const store = createStore<{ n: number; label: string }>(() => ({ n: 0, label: 'a' }));
    const applied: [number, number][] = [];
    followStore(store, (state, previous) => applied.push([state.n, previous.n]));
    store.setState({ n: 1 });
    store.setState({ n: 2 });
    store.setState({ n: 3 });
    // Not inside the change: React renders it first.
    expect(applied).toEqual([]);
    await nextTask();
    await nextTask();
    expect(applied).toEqual([[3, 0]]);
    store.setState({ n: 4 });
    await nextTask();
    await nextTask();
    expect(applied).toEqual([
      [3, 0],
      [4, 3],
    ]);
  });

  it('applies nothing when the store is back where it was applied, or once stopped', async () => {
    const store = createStore<{ n: number }>(() => ({ n: 0 }));
    let calls = 0;
    const stop = followStore(store, () => calls++);
    const first = store.getState();
    store.setState({ n: 1 });
    store.setState(first, true);
    await nextTask();
    expect(calls).toBe(0);
    // A change made before stopping is dropped, and later ones are not followed.
    store.setState({ n: 2 });
    stop();
    store.setState({ n: 3 });
    await nextTask();
    await nextTask();
    expect(calls).toBe(0);
  });
});
