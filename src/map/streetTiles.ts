import { STREET_SLICE, STREETS_PROTOCOL, streetTilesUrl, type FromStreetTiles, type StreetFeature, type ToStreetTiles } from './streetTilesProtocol';

export interface StreetTilesPort {
  post(message: ToStreetTiles): void;
}

/** Connects to the tile worker; `receive` gets its messages. */
export type ConnectStreetTiles = (receive: (message: FromStreetTiles) => void) => StreetTilesPort;

const workerPort: ConnectStreetTiles = (receive) => {
  const worker = new Worker(new URL('../workers/streetTiles.worker.ts', import.meta.url), { type: 'module', name: 'street-tiles' });
  worker.onmessage = (event: MessageEvent<FromStreetTiles>) => receive(event.data);
  return { post: (message) => worker.postMessage(message) };
};

const TILE_URL = new RegExp(`^${STREETS_PROTOCOL}://(\\d+)/(\\d+)/(\\d+)/(\\d+)$`);

const KEY = new RegExp(`^${STREETS_PROTOCOL}://(\\d+)/`);

/** The longest the streets wait for `after` (a session that never settles still gets its streets drawn). */
export const STREETS_WAIT_AT_MOST_MS = 10_000;

const abortError = () => new DOMException('The tile is no longer needed', 'AbortError');

/**
 * The page's side of the streets' tiles (streetTileStore.ts): `url(network)` names the tiles
 * of a network for a MapLibre vector source, sending its ways to the worker the first time;
 * `tile(url)` answers MapLibre's `streets://` requests. The worker starts with the first
 * network shown, so a page that never draws streets never loads it.
 */
export class StreetTiles {
  private port: StreetTilesPort | null = null;
  private nextKey = 1;
  private nextId = 0;
  /** Networks sent, by their features array (the dataset's), so a map made again reuses them. */
  private readonly keys = new WeakMap<object, number>();
  private readonly sending = new Map<number, { features: StreetFeature[]; next: number }>();
  private readonly asked = new Map<number, (data: ArrayBuffer) => void>();
  private readonly indexed = new Map<number, number>();
  /** Once the page has let go of a network, the worker drops its tiles too. */
  private readonly released = new FinalizationRegistry<number>((key) => {
    this.indexed.delete(key);
    this.port?.post({ type: 'release', key });
  });

  /**
   * @param after - what the streets wait for before their ways are sent (the walking session's
   *   first answers: on two cores, cutting a city's tiles meanwhile made the planner's first
   *   figures twice as slow); they wait at most STREETS_WAIT_AT_MOST_MS.
   */
  constructor(
    private readonly connect: ConnectStreetTiles = workerPort,
    private readonly after: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** The tile URL template of this network's streets; a dataset without a network has empty tiles. */
  url(network: { features: StreetFeature[] } | null): string {
    return streetTilesUrl(this.keyOf(network));
  }

  /** How many ways the tiles of `url` were cut from (null until the worker has indexed them). */
  ways(url: string): number | null {
    return this.indexed.get(Number(KEY.exec(url)?.[1] ?? 0)) ?? null;
  }

  /** One tile (an MVT; empty where there are no streets). Rejects with an AbortError once `signal` aborts. */
  tile(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
    const at = parse(url);
    if (!at || at.key === 0 || !this.port) return Promise.resolve(new ArrayBuffer(0));
    if (signal?.aborted) return Promise.reject(abortError());
    const port = this.port;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.asked.delete(id);
        port.post({ type: 'cancel', id });
        reject(abortError());
      };
      this.asked.set(id, (data) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(data);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      port.post({ type: 'tile', id, ...at });
    });
  }

  private keyOf(network: { features: StreetFeature[] } | null): number {
    if (!network || network.features.length === 0) return 0;
    const known = this.keys.get(network.features);
    if (known) return known;
    const key = this.nextKey++;
    this.keys.set(network.features, key);
    this.released.register(network.features, key);
    this.port ??= this.connect((message) => this.receive(message));
    this.port.post({ type: 'begin', key });
    this.sending.set(key, { features: network.features, next: 0 });
    const waited = new Promise<void>((resolve) => setTimeout(resolve, STREETS_WAIT_AT_MOST_MS));
    void Promise.race([this.after(), waited]).then(() => this.sendSlice(key));
    return key;
  }

  private sendSlice(key: number): void {
    const sending = this.sending.get(key);
    if (!sending || !this.port) return;
    if (sending.next >= sending.features.length) {
      this.sending.delete(key);
      this.port.post({ type: 'end', key });
      return;
    }
    const features = sending.features.slice(sending.next, sending.next + STREET_SLICE);
    sending.next += features.length;
    this.port.post({ type: 'ways', key, features });
  }

  private receive(message: FromStreetTiles): void {
    if (message.type === 'more') this.sendSlice(message.key);
    else if (message.type === 'ready') this.indexed.set(message.key, message.ways);
    else {
      const resolve = this.asked.get(message.id);
      this.asked.delete(message.id);
      resolve?.(message.data);
    }
  }
}

function parse(url: string): { key: number; z: number; x: number; y: number } | null {
  const match = TILE_URL.exec(url);
  if (!match) return null;
  const [key, z, x, y] = match.slice(1).map(Number) as [number, number, number, number];
  return { key, z, x, y };
}
