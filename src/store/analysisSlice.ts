import type { StateCreator } from 'zustand';
import type { Route } from '../domain/engine/route';
import type { WalkRequest, WalkResult } from '../domain/engine/walkEngine';
import { walkingSession, type WalkingSession } from '../workers/sessionClient';
import type { AppState } from './index';

export type WalkStatus = 'idle' | 'running' | 'ready' | 'no-network';

export interface AnalysisSlice {
  /** Network walksheds, reached ways and nearest facilities for the current origin. */
  walk: WalkResult | null;
  /** The origin key the walk belongs to (so a stale one can be shown dimmed). */
  walkFor: string | null;
  /** The walk belongs to a single free point (`?at=`, the draggable marker). */
  walkForPoint: boolean;
  walkStatus: WalkStatus;
  /** Milliseconds the engine took for the last walk (worker time). */
  walkMs: number;
  /** Walk results received since load: lets tests and the bench count updates per second. */
  walkCount: number;
  hasNetwork: boolean | null;
  /** The walking route to the facility the user tapped. */
  route: (Route & { facilityId: string; forKey: string }) | null;
  startEngine(): void;
  requestWalk(): void;
  /** Draws the walking route from the current origin to a facility (null clears it). */
  showRoute(facilityId: string | null): void;
}

/** The page's walking session; none in jsdom, where the resident view shows no walks (component tests). */
const engine = (): WalkingSession | null => (typeof Worker === 'undefined' ? null : walkingSession());

export const originKey = (s: Pick<AppState, 'circles'>): string | null =>
  s.circles
    ? `${s.circles.origins.points.map((p) => p.join(',')).join(';')}@${s.circles.speedMPerMin}/${s.circles.bandMinutes.join(',')}/${s.circles.avoidSteps}`
    : null;

function walkRequest(s: AppState): WalkRequest | null {
  const c = s.circles;
  return c ? { origins: c.origins.points, speedMPerMin: c.speedMPerMin, bandMinutes: c.bandMinutes, avoidSteps: c.avoidSteps } : null;
}

/** The dataset a walk was last asked for (the session answers it as soon as its graph is built). */
let walkAskedFor: unknown = null;

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  walk: null,
  walkFor: null,
  walkForPoint: false,
  walkStatus: 'idle',
  walkMs: 0,
  walkCount: 0,
  hasNetwork: null,
  route: null,
  startEngine() {
    const dataset = get().dataset;
    const worker = engine();
    set({ walk: null, walkFor: null, walkStatus: 'idle', hasNetwork: dataset?.network ? null : false });
    if (!dataset || !worker) return;
    void worker.load(dataset).then((ready) => {
      if (!ready || get().dataset !== dataset) return;
      set({ hasNetwork: ready.hasNetwork });
      if (ready.notice) get().addNotices([{ key: ready.notice === 'stale' ? 'notice.prebuiltStale' : 'notice.prebuiltForeign' }]);
      // A walk asked for this dataset before `ready` (the usual case: the selection comes with
      // the dataset) is answered already or on its way; only a walk nobody asked for (a dataset
      // re-read under the same selection), or no network, is news.
      if (!ready.hasNetwork || walkAskedFor !== dataset) get().requestWalk();
    });
  },
  requestWalk() {
    const { circles, hasNetwork, route } = get();
    const worker = engine();
    const key = originKey(get());
    if (route && route.forKey !== key) set({ route: null });
    if (!circles) return set({ walk: null, walkFor: null, walkStatus: 'idle' });
    if (hasNetwork === false) return set({ walk: null, walkFor: null, walkStatus: 'no-network' });
    const request = walkRequest(get());
    const dataset = get().dataset;
    // Asked before the session has said `ready` too (hasNetwork still null): the question
    // follows the dataset to the session, which answers it as soon as the graph is built,
    // while the page is still busy rendering the dataset.
    if (!worker || !request) return;
    set({ walkStatus: 'running' });
    walkAskedFor = dataset;
    void worker.ask('walk', { request }).then((answer) => {
      // Newer than what is shown, though perhaps for an origin that has moved on since
      // (a drag): shown, and dimmed as stale unless it is the dragged point itself.
      if (!answer || get().dataset !== dataset) return;
      const current = originKey(get()) === key;
      set((s) => ({
        walk: answer.answer,
        walkFor: key,
        walkForPoint: request.origins.length === 1 && circles.origins.kind === 'point',
        walkStatus: !answer.answer ? 'no-network' : current ? 'ready' : s.walkStatus,
        walkMs: answer.ms,
        walkCount: s.walkCount + 1,
      }));
    });
  },
  showRoute(facilityId) {
    const worker = engine();
    const request = walkRequest(get());
    const key = originKey(get());
    if (!facilityId || !worker || !request || !key || !get().hasNetwork) return set({ route: null });
    void worker.ask('route', { request, facilityId }).then((answered) => {
      if (!answered || originKey(get()) !== key) return;
      const route = answered.answer;
      set({ route: route ? { ...route, facilityId, forKey: key } : null });
    });
  },
});
