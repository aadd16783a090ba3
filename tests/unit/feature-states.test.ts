import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { featureStates, STATES_PER_FRAME } from '../../src/map/featureStates';

/** A stand-in map: records feature-state calls, and runs `render` listeners when told a frame was drawn. */
function framedMap() {
  const calls: string[] = [];
  let listeners: (() => void)[] = [];
  const map = {
    setFeatureState: (target: { id: string }, state: Record<string, unknown>) => calls.push(`set ${target.id} ${JSON.stringify(state)}`),
    removeFeatureState: (target: { id: string }, key: string) => calls.push(`remove ${target.id} ${key}`),
    once: (event: string, listener: () => void) => event === 'render' && listeners.push(listener),
  };
  const frame = () => {
    const run = listeners;
    listeners = [];
    for (const listener of run) listener();
  };
  return { map: map as unknown as MapLibreMap, calls, frame, waiting: () => listeners.length };
}

describe('feature states a batch per frame', () => {
  it('sets a few at once, and many a batch per drawn frame', () => {
    const { map, calls, frame, waiting } = framedMap();
    const states = featureStates(map, 'compounds');
    states.set('a', { unmet: 1 });
    states.flush();
    expect(calls).toEqual(['set a {"unmet":1}']);
    expect(waiting()).toBe(0);

    calls.length = 0;
    const count = 5_000;
    for (let i = 0; i < count; i++) states.set(`c${i}`, { unmet: i });
    states.flush();
    expect(calls).toHaveLength(STATES_PER_FRAME);
    // Each frame sets the next batch, until none is left.
    const perFrame: number[] = [];
    while (waiting() > 0) {
      const before = calls.length;
      frame();
      perFrame.push(calls.length - before);
    }
    expect(calls).toHaveLength(count);
    expect(new Set(calls).size).toBe(count);
    expect(perFrame).toEqual([...Array<number>(Math.ceil(count / STATES_PER_FRAME) - 2).fill(STATES_PER_FRAME), count % STATES_PER_FRAME || STATES_PER_FRAME]);
  });

  it('merges changes still waiting: the latest value of a key wins, and a removal then a set is a set', () => {
    const { map, calls, frame } = framedMap();
    const states = featureStates(map, 'compounds');
    for (let i = 0; i < STATES_PER_FRAME; i++) states.set(`first${i}`, { unmet: 0 });
    states.set('x', { unmet: 1, underServed: true });
    states.set('y', { hallTone: 'warn' });
    states.flush();
    calls.length = 0;
    // x and y wait for the next frame; a newer look arrives meanwhile.
    states.set('x', { unmet: 2 });
    states.remove('y', 'hallTone');
    states.remove('x', 'underServed');
    states.set('y', { hallTone: 'ok' });
    states.flush();
    expect(calls).toEqual([]);
    frame();
    expect(calls).toEqual(['remove x underServed', 'set x {"unmet":2}', 'set y {"hallTone":"ok"}']);
  });

  it('keeps one queue per map and source', () => {
    const { map } = framedMap();
    expect(featureStates(map, 'compounds')).toBe(featureStates(map, 'compounds'));
    expect(featureStates(map, 'compounds')).not.toBe(featureStates(map, 'facilities'));
    expect(featureStates(framedMap().map, 'compounds')).not.toBe(featureStates(map, 'compounds'));
  });
});
