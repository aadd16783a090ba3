import { sizeOf, type FileContents } from '../data/contents';
import { areaBuffers, packAreas } from '../data/packedAreas';
import type { CheckedNetwork, CheckNetwork } from '../data/load';
import { packedCollection, unpacks, type Network } from '../data/packedNetwork';
import type { CrsId, Dataset } from '../domain/dataset';
import { graphBuilds } from '../domain/engine/graph';
import type { VolunteerSite } from '../domain/volunteers/volunteerReach';
import type { Answer, Ask, FromSession, Kind, Ready, SessionStats, ToSession } from './sessionProtocol';

export interface Answered<K extends Kind> {
  answer: Answer<K>;
  /** Milliseconds the session took for it (worker time). */
  ms: number;
}

/**
 * Walks are shown as they come while the origin is dragged (every answer that arrives is
 * newer than the one on screen, though the origin has moved on); every other kind answers
 * only its latest question.
 */
const SHOW_NEWER: ReadonlySet<Kind> = new Set(['walk']);

/** How long the session must have had nothing to do before it counts as settled. */
const SETTLED_AFTER_MS = 150;

interface Port {
  post(message: ToSession, transfer?: Transferable[]): void;
}

/**
 * The views' side of the walking session (DESIGN.md "One walking session per dataset"): one
 * worker for the page, one dataset generation at a time. `load` is cheap to call from every
 * view: the dataset already loaded is not sent again. `ask` resolves with the answer, or
 * null when a newer question of its kind (or a newer dataset) made it old news.
 */
export class WalkingSession {
  private readonly port: Port;
  private generation = 0;
  private dataset: Dataset | null = null;
  private ready: Promise<Ready | null> = Promise.resolve(null);
  private resolveReady: ((ready: Ready | null) => void) | null = null;
  /** Resolves once the current dataset has been posted to the session. */
  private posted: Promise<void> = Promise.resolve();
  private readonly prebuilt = new WeakMap<Dataset, Promise<ArrayBuffer | null>>();
  private readonly aliases = new WeakMap<Dataset, Dataset>();
  private nextId = 0;
  private readonly latest = new Map<Kind, number>();
  private readonly shown = new Map<Kind, number>();
  private readonly waiting = new Map<number, { kind: Kind | null; resolve: (answer: Answered<Kind> | null) => void }>();
  private nextToken = 0;
  /** Networks the session checked, as the loader keeps them in the dataset: the token the session keeps them under. */
  private readonly networkTokens = new WeakMap<Network, number>();
  private readonly checking = new Map<number, (checked: CheckedNetwork) => void>();
  /** The current generation's `ready` has come (true before any dataset: nothing to wait for). */
  private isReady = true;
  private readonly onSettled: (() => void)[] = [];
  private settling: ReturnType<typeof setTimeout> | null = null;
  /** Once the page has let go of a checked network, the session drops its copy too. */
  private readonly released = new FinalizationRegistry<number>((token) => this.port.post({ type: 'release', token }));

  constructor(worker: boolean) {
    if (worker) {
      const w = new Worker(new URL('./session.worker.ts', import.meta.url), { type: 'module', name: 'walking-session' });
      w.onmessage = (event: MessageEvent<FromSession>) => this.receive(event.data);
      this.port = { post: (message, transfer = []) => w.postMessage(message, transfer) };
    } else {
      // In place (tests in jsdom): the same host, answers a turn later as a worker's would be.
      // Imported on demand so the page's own bundle never carries the engine the worker has.
      const host = import('./sessionHost').then(({ sessionHost }) => sessionHost((message) => queueMicrotask(() => this.receive(message)), queueMicrotask));
      this.port = { post: (message) => void host.then((post) => post(message)) };
    }
  }

  /**
   * Has the session read, parse, check and convert network.geojson (the loader's
   * `networkLayer`, off the page's thread) and keep the result, so that loading the dataset
   * later does not send the network back. The valid ways come packed: the page rebuilds
   * them only if something reads them (packedCollection).
   */
  checkNetwork(contents: FileContents, crs: CrsId): Promise<CheckedNetwork> {
    const token = this.nextToken++;
    return new Promise((resolve) => {
      this.checking.set(token, resolve);
      // A Blob goes as a handle: its bytes are read in the session, not copied here.
      this.port.post({ type: 'network', token, contents, crs });
    });
  }

  /**
   * Resolves once the session has nothing left to do: the current dataset is ready and every
   * question asked has its answer, for a moment (a view asks right after `ready`). Work of
   * lower priority (the streets' tiles) waits for it rather than share the CPU with the
   * first answers.
   */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      this.onSettled.push(resolve);
      this.checkSettled();
    });
  }

  private checkSettled(): void {
    if (this.settling !== null || this.onSettled.length === 0) return;
    const idle = () => this.isReady && this.waiting.size === 0 && this.checking.size === 0;
    if (!idle()) return;
    this.settling = setTimeout(() => {
      this.settling = null;
      if (idle()) for (const resolve of this.onSettled.splice(0)) resolve();
    }, SETTLED_AFTER_MS);
  }

  /**
   * Has the session post this network's streets on `port` (sendStreets), so that the page
   * does not copy a city's ways to the tile worker; false when the session does not hold it
   * (a network the page checked itself).
   */
  sendStreets(network: Network, port: MessagePort): boolean {
    const token = this.networkTokens.get(network);
    if (token === undefined) return false;
    this.port.post({ type: 'networkTo', token, port }, [port]);
    return true;
  }

  /** A prebuilt graph for this dataset, fetched by whoever loaded it; the session checks it against the network. */
  offerPrebuilt(dataset: Dataset, buffer: Promise<ArrayBuffer | null>): void {
    this.prebuilt.set(dataset, buffer);
  }

  /**
   * Declares `view` a reduced copy of `full` that walks the same (the hall's public dataset:
   * the same network and facilities, personal data dropped), so loading either keeps one
   * generation instead of switching between them.
   */
  alias(view: Dataset, full: Dataset): void {
    if (view !== full) this.aliases.set(view, full);
  }

  /** Makes this dataset the session's (a new generation unless it already is); resolves when its graph is ready. */
  load(asked: Dataset): Promise<Ready | null> {
    void this.send(asked);
    return this.ready;
  }

  /**
   * Starts a new generation for `asked` (nothing when it is the current one) and resolves once
   * the dataset has been posted to the session: at once, or after its offered prebuilt graph.
   * `warmWalk`: the session makes its walking engine right away (a walk is about to be asked).
   */
  send(asked: Dataset, options: { warmWalk?: boolean } = {}): Promise<void> {
    const dataset = this.aliases.get(asked) ?? asked;
    if (dataset === this.dataset) return this.posted;
    this.dataset = dataset;
    const generation = ++this.generation;
    this.resolveReady?.(null);
    for (const { resolve } of this.waiting.values()) resolve(null);
    this.waiting.clear();
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.isReady = false;
    const offered = this.prebuilt.get(dataset) ?? Promise.resolve(null);
    this.posted = offered
      .catch(() => null)
      .then((prebuilt) => {
        if (generation !== this.generation) return;
        const warmWalk = options.warmWalk ?? false;
        const network = dataset.network ? this.networkTokens.get(dataset.network) : undefined;
        const compounds = packAreas(dataset.compounds.features, null);
        const sent = { ...dataset, compounds: { type: 'FeatureCollection' as const, features: [] } };
        this.port.post(
          network === undefined
            ? { type: 'load', generation, dataset: sent, prebuilt, warmWalk, compounds }
            : { type: 'load', generation, dataset: { ...sent, network: null }, prebuilt, warmWalk, network, compounds },
          [...(prebuilt ? [prebuilt] : []), ...areaBuffers(compounds)],
        );
      });
    return this.posted;
  }

  /** Live volunteer data for coverage and reach (the session forgets its cached reaches). */
  setVolunteers(volunteers: VolunteerSite[]): void {
    this.port.post({ type: 'volunteers', generation: this.generation, volunteers });
  }

  async ask<K extends Kind>(kind: K, ask: Ask<K>): Promise<Answered<K> | null> {
    const id = this.nextId++;
    this.latest.set(kind, id);
    // Behind the dataset's load message, not after its `ready` has come back: the session
    // answers right after loading, while the page may still be busy with the dataset.
    const generation = this.generation;
    await this.posted;
    if (this.dataset === null || generation !== this.generation || (!SHOW_NEWER.has(kind) && this.latest.get(kind) !== id)) return null;
    return new Promise((resolve) => {
      this.waiting.set(id, { kind, resolve: resolve as (answer: Answered<Kind> | null) => void });
      this.port.post({ type: 'ask', kind, id, generation, ask } as ToSession);
    });
  }

  /**
   * How many graphs were built, in the session's worker and on this page, and how many
   * networks this page rebuilt as ways from their packed arrays (tests and the bench read it).
   */
  async stats(): Promise<SessionStats & { pageGraphBuilds: number; pageNetworkUnpacks: number }> {
    const id = this.nextId++;
    const answer = await new Promise<Answered<Kind> | null>((resolve) => {
      this.waiting.set(id, { kind: null, resolve });
      this.port.post({ type: 'ask', kind: 'stats', id, generation: this.generation, ask: {} });
    });
    // A new dataset generation started meanwhile: ask again.
    if (!answer) return this.stats();
    return { ...(answer.answer as SessionStats), pageGraphBuilds: graphBuilds.count, pageNetworkUnpacks: unpacks.count };
  }

  private receive(message: FromSession): void {
    this.answer(message);
    this.checkSettled();
  }

  private answer(message: FromSession): void {
    if (message.type === 'networkChecked') {
      const resolve = this.checking.get(message.token);
      if (!resolve) return;
      this.checking.delete(message.token);
      const network = message.packed && message.packed.wayEnds.length > 0 ? packedCollection(message.packed) : null;
      if (network) {
        this.networkTokens.set(network, message.token);
        this.released.register(network, message.token);
      } else this.port.post({ type: 'release', token: message.token });
      resolve({ network, problems: message.problems, reason: message.reason });
      return;
    }
    if (message.type === 'ready') {
      if (message.generation !== this.generation) return;
      this.isReady = true;
      this.resolveReady?.(message);
      return;
    }
    const entry = this.waiting.get(message.id);
    if (!entry) return;
    this.waiting.delete(message.id);
    if (message.type === 'skipped') return entry.resolve(null);
    if (message.type === 'error') {
      console.error('walking session:', message.message);
      return entry.resolve(null);
    }
    const kind = entry.kind;
    if (kind === null) return entry.resolve({ answer: message.answer as Answer<Kind>, ms: message.ms });
    const current = message.generation === this.generation;
    const fresh = SHOW_NEWER.has(kind) ? message.id > (this.shown.get(kind) ?? -1) : message.id === this.latest.get(kind);
    if (!current || !fresh) return entry.resolve(null);
    this.shown.set(kind, message.id);
    entry.resolve({ answer: message.answer as Answer<Kind>, ms: message.ms });
  }
}

declare global {
  interface Window {
    /** Counts of the walking session (graph builds), for tests and the bench; no data. */
    __walkingSession?: Pick<WalkingSession, 'stats'>;
  }
}

let session: WalkingSession | null = null;

/**
 * network.geojson files this long (characters or bytes) or longer are checked in the walking session's
 * worker: a city's (the Wuhan network, 92,667 ways) kept the page busy for a second. A smaller one, such as
 * the sample's (0.8 MB) on a phone, is checked in place, and the session's script does not
 * load the checker's code (zod and the problem texts), which would share the phone's link
 * with the network itself.
 */
export const SESSION_CHECKS_NETWORK_FROM = 1_000_000;

/** The loader's network check in the walking session's worker (none where there are no workers: the loader checks in place). */
export function sessionNetworkCheck(): CheckNetwork | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return (contents, crs) => (sizeOf(contents) >= SESSION_CHECKS_NETWORK_FROM ? walkingSession().checkNetwork(contents, crs) : null);
}

/** The page's walking session (a worker; in place where there are no workers). */
export function walkingSession(): WalkingSession {
  if (!session) {
    session = new WalkingSession(typeof Worker !== 'undefined');
    if (typeof window !== 'undefined') window.__walkingSession = { stats: () => session!.stats() };
  }
  return session;
}
