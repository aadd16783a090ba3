import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Feature-state changes made a batch per frame. MapLibre applies a frame's changed states to
 * every loaded tile of the source, decoding each changed feature in each tile: the planner's
 * first colours of 5,000 compounds at once took one task of half a second. The first batch is
 * set at once (a what-if's few compounds show with its answer); the rest follow a batch per
 * rendered frame. Changes still waiting are merged, the latest value of a key winning.
 * The batch is fixed: a frame's own cost (drawing, in software WebGL 35 ms or more) does not
 * depend on it, and sizing the batch to the frame time shrank it until a city's colours took
 * hundreds of frames, during which every click waited for a frame (Chromium defers other
 * tasks after an input while a frame is pending).
 */
export const STATES_PER_FRAME = 300;

type Id = string | number;
/** Per key, the value to set, or undefined to remove the key. */
type Change = Map<string, unknown>;

class FeatureStates {
  private readonly waiting = new Map<Id, Change>();
  private scheduled = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly source: string,
    private readonly sourceLayer: string | undefined,
  ) {}

  set(id: Id, state: Record<string, unknown>): void {
    const change = this.change(id);
    for (const [key, value] of Object.entries(state)) change.set(key, value);
  }

  remove(id: Id, key: string): void {
    this.change(id).set(key, undefined);
  }

  /** Sets a batch now, and schedules the rest. Call after a round of `set` and `remove`. */
  flush(): void {
    if (this.scheduled) return;
    let count = 0;
    for (const [id, change] of this.waiting) {
      if (count++ === STATES_PER_FRAME) break;
      this.waiting.delete(id);
      const set: Record<string, unknown> = {};
      let any = false;
      for (const [key, value] of change) {
        if (value === undefined) this.map.removeFeatureState({ source: this.source, sourceLayer: this.sourceLayer, id }, key);
        else {
          set[key] = value;
          any = true;
        }
      }
      if (any) this.map.setFeatureState({ source: this.source, sourceLayer: this.sourceLayer, id }, set);
    }
    if (this.waiting.size === 0) return;
    this.scheduled = true;
    // Set during a frame's `render` event, a batch is applied in the next frame.
    this.map.once('render', () => {
      this.scheduled = false;
      this.flush();
    });
  }

  private change(id: Id): Change {
    let change = this.waiting.get(id);
    if (!change) {
      change = new Map();
      this.waiting.set(id, change);
    }
    return change;
  }
}

const byMap = new WeakMap<MapLibreMap, Map<string, FeatureStates>>();

/**
 * The batched feature states of one source of this map (one queue per source, shared by the
 * overlays drawing on it); a vector source names its source layer (the compounds: COMPOUND_LAYER).
 */
export function featureStates(map: MapLibreMap, source: string, sourceLayer?: string): FeatureStates {
  let sources = byMap.get(map);
  if (!sources) {
    sources = new Map();
    byMap.set(map, sources);
  }
  let states = sources.get(source);
  if (!states) {
    states = new FeatureStates(map, source, sourceLayer);
    sources.set(source, states);
  }
  return states;
}
