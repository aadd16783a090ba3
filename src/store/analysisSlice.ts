import type { StateCreator } from 'zustand';
import type { WalkResult } from '../domain/engine/walkEngine';
import { EngineClient } from '../workers/engineClient';
import type { AppState } from './index';

export type WalkStatus = 'idle' | 'running' | 'ready' | 'no-network';

export interface AnalysisSlice {
  /** Network walksheds, reached ways and nearest facilities for the current origin. */
  walk: WalkResult | null;
  /** The origin key the walk belongs to (so a stale one can be shown dimmed). */
  walkFor: string | null;
  walkStatus: WalkStatus;
  /** Milliseconds the engine took for the last walk (worker time). */
  walkMs: number;
  /** Walk results received since load: lets tests and the bench count updates per second. */
  walkCount: number;
  hasNetwork: boolean | null;
  startEngine(): void;
  requestWalk(): void;
}

let client: EngineClient | null = null;
const engine = () => (client ??= typeof Worker === 'undefined' ? null : new EngineClient());

export const originKey = (s: Pick<AppState, 'circles'>): string | null =>
  s.circles ? `${s.circles.origins.points.map((p) => p.join(',')).join(';')}@${s.circles.speedMPerMin}/${s.circles.bandMinutes.join(',')}` : null;

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  walk: null,
  walkFor: null,
  walkStatus: 'idle',
  walkMs: 0,
  walkCount: 0,
  hasNetwork: null,
  startEngine() {
    const dataset = get().dataset;
    const worker = engine();
    set({ walk: null, walkFor: null, hasNetwork: dataset?.network ? null : false });
    if (!dataset || !worker) return;
    void worker.load(dataset).then((hasNetwork) => {
      if (get().dataset !== dataset) return;
      set({ hasNetwork });
      get().requestWalk();
    });
  },
  requestWalk() {
    const { circles, hasNetwork } = get();
    const worker = engine();
    if (!circles) return set({ walk: null, walkFor: null, walkStatus: 'idle' });
    if (hasNetwork === false) return set({ walk: null, walkFor: null, walkStatus: 'no-network' });
    if (!worker || hasNetwork === null) return;
    const key = originKey(get());
    set({ walkStatus: 'running' });
    void worker
      .walk({ origins: circles.origins.points, speedMPerMin: circles.speedMPerMin, bandMinutes: circles.bandMinutes })
      .then((answer) => {
        if (!answer || originKey(get()) !== key) return;
        set((s) => ({ walk: answer.result, walkFor: key, walkStatus: answer.result ? 'ready' : 'no-network', walkMs: answer.ms, walkCount: s.walkCount + 1 }));
      });
  },
});
