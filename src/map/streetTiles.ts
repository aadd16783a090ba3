import { packedOf, wayCount, type Network } from '../data/packedNetwork';
import { STREETS_PROTOCOL, streetTilesUrl, type FromStreetTiles, type ToStreetTiles } from './streetTilesProtocol';

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
  /** Networks sent (the dataset's), so a map made again reuses them. */
  private readonly keys = new WeakMap<Network, number>();
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
  url(network: Network | null): string {
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

  private keyOf(network: Network | null): number {
    if (!network || wayCount(network) === 0) return 0;
    const known = this.keys.get(network);
    if (known) return known;
    const key = this.nextKey++;
    this.keys.set(network, key);
    this.released.register(network, key);
    const port = (this.port ??= this.connect((message) => this.receive(message)));
    port.post({ type: 'begin', key });
    const waited = new Promise<void>((resolve) => setTimeout(resolve, STREETS_WAIT_AT_MOST_MS));
    // Copied, not moved: the dataset keeps its network.
    void Promise.race([this.after(), waited]).then(() => port.post({ type: 'network', key, packed: packedOf(network) }));
    return key;
  }

  private receive(message: FromStreetTiles): void {
    if (message.type === 'ready') this.indexed.set(message.key, message.ways);
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
