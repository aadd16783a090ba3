import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BAKE_FROM_CHANGED, plannerOverlay } from '../../src/map/overlays/planner';
import type { AppState } from '../../src/store';
import { useStore } from '../../src/store';
import { plannerDataset } from './planner-dataset';
import type * as Tiles from '../../src/map/tiles';

// jsdom has no workers: the dataset's tiles are cut in place.
vi.mock('../../src/map/tiles', async (original) => {
  const actual = await original<typeof Tiles>();
  const { DatasetTiles } = await import('../../src/map/datasetTiles');
  const { datasetTileStore } = await import('../../src/map/datasetTileStore');
  return {
    ...actual,
    datasetTiles: new DatasetTiles((receive) => {
      const worker = datasetTileStore((message) => queueMicrotask(() => receive(message)));
      return { post: (message) => queueMicrotask(() => worker(message)) };
    }),
  };
});

const initial = useStore.getState();
beforeEach(() => useStore.setState({ ...initial, dataset: plannerDataset(), status: 'ready', mode: 'planner' }, true));

/** jsdom has no WebGL: a stand-in map that records the data each of the overlay's sources is sent. */
function recordingMap() {
  const sent: { source: string; kinds: string }[] = [];
  const removed: { source: string; key: string | undefined }[] = [];
  const set: { id: string; state: Record<string, unknown> }[] = [];
  const compounds = { tiles: ['dataset://0/{z}/{x}/{y}'] as string[], given: [] as string[] };
  const compoundsSource = {
    get tiles() {
      return compounds.tiles;
    },
    setTiles: (tiles: string[]) => {
      compounds.tiles = tiles;
      compounds.given.push(tiles[0]!);
    },
  };
  const map = {
    on: () => {},
    getCanvas: () => document.createElement('canvas'),
    isSourceLoaded: () => true,
    getSource: (source: string) =>
      source === 'compounds'
        ? compoundsSource
        : {
            setData: (fc: { features: { properties: { kind?: string } }[] }) =>
              sent.push({ source, kinds: fc.features.map((f) => f.properties.kind).join(',') }),
          },
    setFeatureState: (target: { id: string }, state: Record<string, unknown>) => set.push({ id: target.id, state }),
    removeFeatureState: (target: { source: string }, key?: string) => removed.push({ source: target.source, key }),
    setPaintProperty: () => {},
  };
  return { map: map as unknown as Parameters<typeof plannerOverlay.apply>[0], sent, removed, set, compounds };
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
    const { map, sent, removed, set, compounds } = recordingMap();
    plannerOverlay.apply(map, useStore.getState(), null);
    unsubscribe = useStore.subscribe((state, previous) => plannerOverlay.apply(map, state, previous));
    useStore.getState().startPlanner();
    await vi.waitFor(() => expect(useStore.getState().plannerStatus).toBe('ready'), { timeout: 10_000 });
    // The first figures are baked into the compounds' tiles: one new set of tiles, no feature state.
    await vi.waitFor(() => expect(compounds.given).toEqual(['dataset://1/{z}/{x}/{y}']));
    expect(set).toEqual([]);

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
    // The what-ifs change a few compounds' looks: feature states for those, the tiles as they were.
    expect(compounds.given).toHaveLength(1);
    expect(set.length).toBeGreaterThan(0);
    expect(set.length).toBeLessThan(useStore.getState().dataset!.compounds.features.length);
    // Leaving the planner takes back its colours only, not the feature state other views keep on the compounds.
    useStore.getState().setMode('resident');
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((r) => r.source === 'compounds' && (r.key === 'unmetStep' || r.key === 'underServed'))).toBe(true);
  });

  it('bakes another result into the tiles again when more than BAKE_FROM_CHANGED compounds change colour (a switch of standard in a city)', async () => {
    const { map, set, compounds } = recordingMap();
    const n = BAKE_FROM_CHANGED + 200;
    const square = (i: number): [number, number][][] => {
      const [x, y] = [119.3 + (i % 30) * 0.002, 26.08 + Math.floor(i / 30) * 0.002];
      return [
        [
          [x, y],
          [x + 0.001, y],
          [x + 0.001, y + 0.001],
          [x, y + 0.001],
          [x, y],
        ],
      ];
    };
    const dataset = {
      ...plannerDataset(),
      compounds: {
        type: 'FeatureCollection' as const,
        features: Array.from({ length: n }, (_, i) => ({
          type: 'Feature' as const,
          geometry: { type: 'Polygon' as const, coordinates: square(i) },
          properties: { id: `c${i}`, name: `小区${i}`, population: 1000, elderly60: 200, elderly80: 40 },
        })),
      },
    };
    // Eight checked ▲ rules: steps from 0, 1, 2, 4 and 6 unmet.
    const result = (unmet: (i: number) => number) =>
      ({
        compliance: {
          rules: Array.from({ length: 8 }, () => ({ rule: { mark: '▲' }, state: 'checked' })),
          compounds: Array.from({ length: n }, (_, i) => ({ compound: { id: `c${i}` }, unmetRequired: unmet(i) })),
        },
        canteens: { compounds: Array.from({ length: n }, () => ({ underServed: false })) },
        state: { facilities: [] },
      }) as unknown as AppState['plannerResult'];
    const state = (plannerResult: AppState['plannerResult']): AppState => ({ ...useStore.getState(), dataset, mode: 'planner', plannerResult });

    plannerOverlay.apply(map, state(result(() => 0)), null);
    await vi.waitFor(() => expect(compounds.given).toHaveLength(1));
    // Another standard: most compounds change colour, so their tiles are cut again with the new colours.
    plannerOverlay.apply(map, state(result((i) => (i < BAKE_FROM_CHANGED + 1 ? 3 : 0))), null);
    await vi.waitFor(() => expect(compounds.given).toHaveLength(2));
    expect(new Set(compounds.given).size).toBe(2);
    expect(set).toEqual([]);
    // A what-if then: its ten differences from the new bake are feature states, the tiles stay.
    plannerOverlay.apply(map, state(result((i) => (i < BAKE_FROM_CHANGED + 11 ? 3 : 0))), null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(compounds.given).toHaveLength(2);
    expect(set.map((s) => s.id).sort()).toEqual(Array.from({ length: 10 }, (_, k) => `c${BAKE_FROM_CHANGED + 1 + k}`).sort());
    expect(set.every((s) => s.state.unmetStep === 2)).toBe(true);
  });
});
