/// <reference lib="webworker" />
/**
 * Thin worker shell: routes messages to the walking engine in src/domain. Latest request
 * wins: walk requests that arrive while one is computing are collapsed to the newest.
 */
import { WalkEngine } from '../domain/engine/walkEngine';
import type { FromEngine, ToEngine } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let engine: WalkEngine | null = null;
let generation = -1;
let pending: Extract<ToEngine, { type: 'walk' }> | null = null;
let scheduled = false;

const post = (message: FromEngine, transfer: Transferable[] = []) => self.postMessage(message, transfer);

function runLatest(): void {
  scheduled = false;
  const message = pending;
  pending = null;
  if (!message || message.generation !== generation) return;
  const started = performance.now();
  try {
    const result = engine ? engine.walk(message.request) : null;
    const transfer = result?.times ? [result.times.minutes.buffer] : [];
    post({ type: 'walk', id: message.id, generation, result, ms: performance.now() - started }, transfer);
  } catch (error) {
    post({ type: 'error', id: message.id, message: (error as Error).message });
  }
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data;
  if (message.type === 'init') {
    const started = performance.now();
    generation = message.generation;
    engine = message.network && message.network.features.length > 0 ? new WalkEngine(message.network, message.facilities) : null;
    if (engine && engine.graph.segmentCount === 0) engine = null;
    post({ type: 'ready', generation, hasNetwork: engine !== null, buildMs: performance.now() - started });
    return;
  }
  if (message.type === 'route') {
    if (message.generation !== generation) return;
    try {
      const route = engine ? engine.route(message.request.origins, message.facilityId, { avoidSteps: message.request.avoidSteps ?? false }) : null;
      post({ type: 'route', id: message.id, generation, route });
    } catch (error) {
      post({ type: 'error', id: message.id, message: (error as Error).message });
    }
    return;
  }
  pending = message;
  if (!scheduled) {
    scheduled = true;
    setTimeout(runLatest, 0);
  }
};
