import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../src/store';
import { walkingSession } from '../../src/workers/sessionClient';
import { plannerDataset } from './planner-dataset';

/**
 * The store's walk around the session's `ready`: jsdom has no Worker, so the session runs on
 * the page (made before `Worker` is stubbed), and the stub only tells the store a session exists.
 */
const initial = useStore.getState();
beforeEach(() => {
  walkingSession();
  vi.stubGlobal('Worker', class {});
  useStore.setState({ ...initial, dataset: plannerDataset(), status: 'ready', mode: 'resident' }, true);
});
afterEach(() => vi.unstubAllGlobals());

const walked = () => vi.waitFor(() => expect(useStore.getState()).toMatchObject({ walkStatus: 'ready', walk: expect.anything() }), { timeout: 10_000 });

describe('the walk when the dataset is read again', () => {
  it('walks again for a dataset re-read under the same selection, which asks for no walk itself', async () => {
    useStore.getState().startEngine();
    useStore.getState().selectCompound('c-1');
    await walked();
    const key = useStore.getState().walkFor;
    // The hall re-reads its dataset every few minutes: a new dataset object, the same compound shown.
    useStore.setState({ dataset: plannerDataset() });
    useStore.getState().startEngine();
    expect(useStore.getState()).toMatchObject({ walk: null, walkStatus: 'idle' });
    await walked();
    expect(useStore.getState().walkFor).toBe(key);
  });

  it('asks once when the selection came with the dataset: the walk asked before `ready` is the one shown', async () => {
    const ask = vi.spyOn(walkingSession(), 'ask');
    try {
      useStore.getState().startEngine();
      useStore.getState().selectCompound('c-1');
      await walked();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ask.mock.calls.filter(([kind]) => kind === 'walk')).toHaveLength(1);
    } finally {
      ask.mockRestore();
    }
  });
});
