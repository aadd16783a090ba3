import type { LonLat } from '../../domain/geo';
import type { VolunteerCoverage, VolunteerCoverageResult } from '../../domain/volunteers/coverage';
import type { GapReport } from '../../domain/volunteers/gaps';
import type { VolunteerSite } from '../../domain/volunteers/reach';
import { buildVolunteerEngine } from './engineCore';
import type { FromVolunteers, ToVolunteers, VolunteerEngineInput } from './workerProtocol';

export interface EngineReady {
  hasNetwork: boolean;
  gapReport: GapReport;
}

/** The volunteers engine as the view uses it: coverage and walks, latest request wins (older ones resolve null). */
export interface VolunteerEngineClient {
  load(input: VolunteerEngineInput): Promise<EngineReady | null>;
  setVolunteers(volunteers: VolunteerSite[]): void;
  coverage(ids: string[]): Promise<VolunteerCoverageResult | null>;
  walkTo(point: LonLat, ids: string[]): Promise<Map<string, number | null> | null>;
}

/** Off the main thread, in the view's own worker (like the walking engine's). */
class WorkerClient implements VolunteerEngineClient {
  private readonly worker = new Worker(new URL('./volunteers.worker.ts', import.meta.url), { type: 'module', name: 'volunteers-engine' });
  private generation = 0;
  private nextId = 0;
  private latest = { coverage: -1, walk: -1 };
  private waiting = new Map<number, (message: FromVolunteers | null) => void>();
  private ready: ((ready: EngineReady | null) => void) | null = null;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<FromVolunteers>) => {
      const message = event.data;
      if (message.type === 'ready') {
        if (message.generation === this.generation) this.ready?.({ hasNetwork: message.hasNetwork, gapReport: message.gapReport });
        return;
      }
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    };
  }

  private post(message: ToVolunteers): void {
    this.worker.postMessage(message);
  }

  load(input: VolunteerEngineInput): Promise<EngineReady | null> {
    this.generation++;
    this.ready?.(null);
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    const ready = new Promise<EngineReady | null>((resolve) => (this.ready = resolve));
    this.post({ type: 'init', generation: this.generation, input });
    return ready;
  }

  setVolunteers(volunteers: VolunteerSite[]): void {
    this.post({ type: 'volunteers', generation: this.generation, volunteers });
  }

  private ask(kind: 'coverage' | 'walk', build: (id: number) => ToVolunteers): Promise<FromVolunteers | null> {
    const id = this.nextId++;
    this.latest[kind] = id;
    return new Promise((resolve) => {
      this.waiting.set(id, (message) => resolve(this.latest[kind] === id ? message : null));
      this.post(build(id));
    });
  }

  async coverage(ids: string[]): Promise<VolunteerCoverageResult | null> {
    const answer = await this.ask('coverage', (id) => ({ type: 'coverage', id, generation: this.generation, ids }));
    if (answer?.type === 'error') console.error('volunteers engine:', answer.message);
    return answer?.type === 'coverage' ? answer.result : null;
  }

  async walkTo(point: LonLat, ids: string[]): Promise<Map<string, number | null> | null> {
    const answer = await this.ask('walk', (id) => ({ type: 'walk', id, generation: this.generation, point, ids }));
    return answer?.type === 'walk' ? new Map(answer.metres) : null;
  }
}

/** The same engine on the main thread, where there are no workers (tests in jsdom). */
class InlineClient implements VolunteerEngineClient {
  private engine: VolunteerCoverage | null = null;

  async load(input: VolunteerEngineInput): Promise<EngineReady> {
    const built = buildVolunteerEngine(input);
    this.engine = built.coverage;
    return { hasNetwork: built.coverage.hasNetwork, gapReport: built.gapReport };
  }

  setVolunteers(volunteers: VolunteerSite[]): void {
    this.engine?.setVolunteers(volunteers);
  }

  async coverage(ids: string[]): Promise<VolunteerCoverageResult | null> {
    return this.engine?.coverage(ids) ?? null;
  }

  async walkTo(point: LonLat, ids: string[]): Promise<Map<string, number | null> | null> {
    return this.engine?.walkTo(point, ids) ?? null;
  }
}

let client: VolunteerEngineClient | null = null;

export function volunteerEngine(): VolunteerEngineClient {
  return (client ??= typeof Worker === 'undefined' ? new InlineClient() : new WorkerClient());
}
