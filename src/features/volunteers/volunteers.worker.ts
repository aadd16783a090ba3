/// <reference lib="webworker" />
/**
 * Thin worker shell for the volunteers view: routes messages to the coverage engine in
 * src/domain/volunteers. Latest request wins: coverage requests that arrive while one is
 * computing collapse to the newest.
 */
import type { VolunteerCoverage } from '../../domain/volunteers/coverage';
import { buildVolunteerEngine } from './engineCore';
import type { FromVolunteers, ToVolunteers } from './workerProtocol';

declare const self: DedicatedWorkerGlobalScope;

let engine: VolunteerCoverage | null = null;
let generation = -1;
let pending: Extract<ToVolunteers, { type: 'coverage' }> | null = null;
let scheduled = false;

const post = (message: FromVolunteers) => self.postMessage(message);

function runLatest(): void {
  scheduled = false;
  const message = pending;
  pending = null;
  if (!message || !engine || message.generation !== generation) return;
  const started = performance.now();
  try {
    post({ type: 'coverage', id: message.id, result: engine.coverage(message.ids), ms: performance.now() - started });
  } catch (error) {
    post({ type: 'error', id: message.id, message: (error as Error).message });
  }
}

self.onmessage = (event: MessageEvent<ToVolunteers>) => {
  const message = event.data;
  if (message.type === 'init') {
    generation = message.generation;
    const built = buildVolunteerEngine(message.input);
    engine = built.coverage;
    post({ type: 'ready', generation, hasNetwork: engine.hasNetwork, gapReport: built.gapReport });
    return;
  }
  if (message.generation !== generation || !engine) return;
  if (message.type === 'volunteers') engine.setVolunteers(message.volunteers);
  else if (message.type === 'walk') {
    try {
      post({ type: 'walk', id: message.id, metres: [...engine.walkTo(message.point, message.ids)] });
    } catch (error) {
      post({ type: 'error', id: message.id, message: (error as Error).message });
    }
  } else {
    pending = message;
    if (!scheduled) {
      scheduled = true;
      setTimeout(runLatest, 0);
    }
  }
};
