import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plannerOverlay } from '../../src/map/overlays/planner';
import { useStore } from '../../src/store';
import { plannerDataset } from './planner-dataset';

const initial = useStore.getState();
beforeEach(() => useStore.setState({ ...initial, dataset: plannerDataset(), status: 'ready', mode: 'planner' }, true));

/** jsdom has no WebGL: a stand-in map that records the data each of the overlay's sources is sent. */
function recordingMap() {
  const sent: { source: string; kinds: string }[] = [];
  const removed: { source: string; key: string | undefined }[] = [];
  const map = {
    on: () => {},
    getCanvas: () => document.createElement('canvas'),
    getSource: (source: string) => ({
      setData: (fc: { features: { properties: { kind?: string } }[] }) => sent.push({ source, kinds: fc.features.map((f) => f.properties.kind).join(',') }),
    }),
    setFeatureState: () => {},
    removeFeatureState: (target: { source: string }, key?: string) => removed.push({ source: target.source, key }),
    setPaintProperty: () => {},
  };
  return { map: map as unknown as Parameters<typeof plannerOverlay.apply>[0], sent, removed };
}

let unsubscribe = () => {};
afterEach(() => unsubscribe());

/** Waits for the planner's answer to the active scenario with `n` changes (a change placed on the map shows with its answer). */
async function answered(n: number): Promise<void> {
  await vi.waitFor(
    () => {
      const { scenarios, activeScenarioId, scenarioEffectsFor } = useStore.getState();
      const changes = scenarios.find((s) => s.id === activeScenarioId)?.changes;
      expect(changes).toHaveLength(n);
      expect(scenarioEffectsFor).toBe(changes);
    },
    { timeout: 10_000 },
  );
}

describe('the planner on the map', () => {
  it('sends the what-if changes to the map once per change, not again with each answer', async () => {
    const { map, sent, removed } = recordingMap();
    plannerOverlay.apply(map, useStore.getState(), null);
    unsubscribe = useStore.subscribe((state, previous) => plannerOverlay.apply(map, state, previous));
    useStore.getState().startPlanner();
    await vi.waitFor(() => expect(useStore.getState().plannerStatus).toBe('ready'), { timeout: 10_000 });

    // Two clinics placed on the map and a kindergarten closed, each answered before the next.
    for (const [k, at] of [119.3465, 119.3315].entries()) {
      useStore.getState().setPlannerTool({ kind: 'add-facility', category: 'clinic', capacity: null });
      useStore.getState().plannerClick([at, 26.09]);
      await answered(k + 1);
    }
    useStore.getState().addChange({ kind: 'close-facility', facilityId: 'f-5' });
    await answered(3);

    const to = (source: string) => sent.filter((s) => s.source === source).map((s) => s.kinds);
    expect(to('planner-changes')).toEqual(['', 'proposed', 'proposed,proposed', 'proposed,proposed,closed']);
    expect(to('planner-sites')).toEqual(['']);
    // The compliance colours draw the map's own compounds: no outlines are sent for them.
    expect(new Set(sent.map((s) => s.source))).toEqual(new Set(['planner-changes', 'planner-sites']));
    expect(useStore.getState().plannerResult).not.toBe(useStore.getState().baselineResult);
    // Leaving the planner takes back its colours only, not the feature state other views keep on the compounds.
    useStore.getState().setMode('resident');
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((r) => r.source === 'compounds' && (r.key === 'unmetStep' || r.key === 'underServed'))).toBe(true);
  });
});
