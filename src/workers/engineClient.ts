import type { Dataset } from '../domain/dataset';
import { facilityPoints } from '../domain/analysis';
import type { Route } from '../domain/engine/route';
import type { WalkRequest, WalkResult } from '../domain/engine/walkEngine';
import type { FromEngine, ToEngine } from './protocol';

export interface WalkAnswer {
  result: WalkResult | null;
  ms: number;
}

/**
 * Main-thread side of the engine worker. Latest request wins, without starving: `walk`
 * resolves with the answer unless a newer request's answer came first (or a new dataset
 * was loaded), then with null. The worker only ever computes the newest request it has, so
 * while the origin is dragged every answer that arrives is newer than the one shown and is
 * shown, even though the origin has moved on again by then.
 */
export class EngineClient {
  private readonly worker: Worker;
  private generation = 0;
  private nextId = 0;
  private latestId = -1;
  private waiting = new Map<number, (answer: WalkAnswer | null) => void>();
  private routes = new Map<number, (route: Route | null) => void>();
  private latestRouteId = -1;
  private ready: Promise<boolean> = Promise.resolve(false);
  private resolveReady: ((hasNetwork: boolean) => void) | null = null;

  constructor() {
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'walking-engine' });
    this.worker.onmessage = (event: MessageEvent<FromEngine>) => this.receive(event.data);
  }

  /** Sends a dataset to the worker; resolves with whether it has a walkable network. */
  load(dataset: Dataset): Promise<boolean> {
    this.generation++;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    const message: ToEngine = { type: 'init', generation: this.generation, network: dataset.network, facilities: facilityPoints(dataset) };
    this.worker.postMessage(message);
    return this.ready;
  }

  async walk(request: WalkRequest): Promise<WalkAnswer | null> {
    const id = this.nextId++;
    this.latestId = id;
    const hasNetwork = await this.ready;
    if (id !== this.latestId) return null;
    if (!hasNetwork) return { result: null, ms: 0 };
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      const message: ToEngine = { type: 'walk', id, generation: this.generation, request };
      this.worker.postMessage(message);
    });
  }

  /** The walking route to a facility; latest route request wins (null when superseded or unreachable). */
  async route(request: WalkRequest, facilityId: string): Promise<Route | null> {
    const id = this.nextId++;
    this.latestRouteId = id;
    if (!(await this.ready) || id !== this.latestRouteId) return null;
    return new Promise((resolve) => {
      this.routes.set(id, resolve);
      const message: ToEngine = { type: 'route', id, generation: this.generation, request, facilityId };
      this.worker.postMessage(message);
    });
  }

  terminate(): void {
    this.worker.terminate();
  }

  private receive(message: FromEngine): void {
    if (message.type === 'ready') {
      if (message.generation === this.generation) this.resolveReady?.(message.hasNetwork);
      return;
    }
    const routeDone = this.routes.get(message.id);
    if (routeDone) {
      this.routes.delete(message.id);
      routeDone(message.type === 'route' && message.id === this.latestRouteId ? message.route : null);
      return;
    }
    if (message.type === 'route') return;
    const resolve = this.waiting.get(message.id);
    if (!resolve) return;
    this.waiting.delete(message.id);
    // Requests older than this one will not be answered (the worker skipped them) or would be older news.
    for (const [older, done] of this.waiting) {
      if (older > message.id) continue;
      done(null);
      this.waiting.delete(older);
    }
    if (message.type === 'error') {
      console.error('walking engine:', message.message);
      resolve({ result: null, ms: 0 });
    } else resolve({ result: message.result, ms: message.ms });
  }
}
