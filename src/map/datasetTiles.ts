import { packedOf, wayCount, type Network } from '../data/packedNetwork';
import { nextTask } from '../data/nextTask';
import { areaBuffers, packAreas } from '../data/packedAreas';
import type { Dataset } from '../domain/dataset';
import { COMPOUND_PROPS, DATASET_TILES_PROTOCOL, datasetTilesUrl, type FromDatasetTiles, type ToDatasetTiles } from './datasetTilesProtocol';

export interface DatasetTilesPort {
  post(message: ToDatasetTiles, transfer?: Transferable[]): void;
}

/** Connects to the tile worker; `receive` gets its messages. */
export type ConnectDatasetTiles = (receive: (message: FromDatasetTiles) => void) => DatasetTilesPort;

const workerPort: ConnectDatasetTiles = (receive) => {
  const worker = new Worker(new URL('../workers/datasetTiles.worker.ts', import.meta.url), { type: 'module', name: 'dataset-tiles' });
  worker.onmessage = (event: MessageEvent<FromDatasetTiles>) => receive(event.data);
  return { post: (message, transfer = []) => worker.postMessage(message, transfer) };
};

const TILE_URL = new RegExp(`^${DATASET_TILES_PROTOCOL}://(\\d+)/(\\d+)/(\\d+)/(\\d+)$`);

const KEY = new RegExp(`^${DATASET_TILES_PROTOCOL}://(\\d+)/`);

/** The longest the streets wait for `after` (a session that never settles still gets its streets drawn). */
export const STREETS_WAIT_AT_MOST_MS = 10_000;

const abortError = () => new DOMException('The tile is no longer needed', 'AbortError');

export type Compounds = Dataset['compounds'];

/**
 * The page's side of the dataset's tiles (datasetTileStore.ts): `streetsUrl(network)` and
 * `compoundsUrl(compounds)` name the tiles of a network's streets or of a dataset's compounds
 * for a MapLibre vector source, sending them packed to the worker the first time;
 * `tile(url)` answers MapLibre's `dataset://` requests. The worker starts with the map (or
 * with the first layer shown), so a page that never draws a map never loads it.
 */
export class DatasetTiles {
  private port: DatasetTilesPort | null = null;
  private nextKey = 1;
  private nextId = 0;
  /** What was sent (the dataset's network or compounds), so a map made again reuses it. */
  private readonly keys = new WeakMap<object, number>();
  /** The keys of compounds with properties baked in, by compounds and then by what was baked. */
  private readonly bakedKeys = new WeakMap<Compounds, WeakMap<object, number>>();
  private readonly asked = new Map<number, (data: ArrayBuffer) => void>();
  /** Networks whose ways this page copied to the worker itself (tests read it: a network the session checked comes from there). */
  streetsCopiedHere = 0;
  private readonly indexed = new Map<number, number>();
  /** Once the page has let go of a network or of compounds, the worker drops their tiles too. */
  private readonly released = new FinalizationRegistry<number>((key) => {
    this.indexed.delete(key);
    this.port?.post({ type: 'release', key });
  });

  /**
   * @param after - what the streets wait for before their ways are sent (the walking session's
   *   first answers: on two cores, cutting a city's tiles meanwhile made the planner's first
   *   figures twice as slow); they wait at most STREETS_WAIT_AT_MOST_MS. The compounds, a
   *   fraction of the work and drawn in every view, do not wait (they go in the next task).
   * @param sendStreets - has whoever holds this network's ways (the walking session, which
   *   checked them) post them packed on `port`, so the page does not copy a city's ways to the
   *   worker (a task of 45 to 104 ms for Wuhan's); false when it cannot, and the page sends them.
   */
  constructor(
    private readonly connect: ConnectDatasetTiles = workerPort,
    private readonly after: () => Promise<void> = () => Promise.resolve(),
    private readonly sendStreets: (network: Network, port: MessagePort) => boolean = () => false,
  ) {}

  /** The tile URL template of this network's streets; a dataset without a network has empty tiles. */
  streetsUrl(network: Network | null): string {
    const key = this.keyOf(network, network ? wayCount(network) : 0, this.keys, (port, key) => {
      const waited = new Promise<void>((resolve) => setTimeout(resolve, STREETS_WAIT_AT_MOST_MS));
      void Promise.race([this.after(), waited]).then(() => {
        const channel = new MessageChannel();
        if (this.sendStreets(network!, channel.port1)) port.post({ type: 'networkFrom', key, port: channel.port2 }, [channel.port2]);
        else {
          channel.port1.close();
          this.streetsCopiedHere++;
          // Copied, not moved: the dataset keeps its network.
          port.post({ type: 'network', key, packed: packedOf(network!) });
        }
      });
    });
    return datasetTilesUrl(key);
  }

  /**
   * The tile URL template of these compounds (only what their layers draw, label and pick is
   * sent), with `baked` properties by compound id in their tiles when given (the planner's
   * colours: see overlays/planner.ts); one key per compounds and `baked` map.
   */
  compoundsUrl(compounds: Compounds | null, baked?: ReadonlyMap<string, object>): string {
    let keys = this.keys;
    if (compounds && baked) {
      const known = this.bakedKeys.get(compounds);
      if (known) keys = known;
      else this.bakedKeys.set(compounds, (keys = new WeakMap()));
    }
    const key = this.keyOf(baked ?? compounds, compounds?.features.length ?? 0, keys, (port, key) => {
      // Packed in a task of their own (a city's 5,000 compounds take 10 to 30 ms), not in the one
      // that changes the map's sources; the worker holds their tiles' requests until then.
      void nextTask().then(() => {
        const packed = packAreas(compounds!.features, COMPOUND_PROPS, baked);
        port.post({ type: 'areas', key, packed }, areaBuffers(packed));
      });
    });
    return datasetTilesUrl(key);
  }

  /**
   * Starts the worker, unless it has started (the first layer shown starts it too): the map
   * starts it as it is made, rather than in the task that shows the dataset (starting a worker
   * takes a part of a task).
   */
  start(): DatasetTilesPort {
    return (this.port ??= this.connect((message) => this.receive(message)));
  }

  /** How many ways or compounds the tiles of `url` were cut from (null until the worker has indexed them). */
  features(url: string): number | null {
    return this.indexed.get(Number(KEY.exec(url)?.[1] ?? 0)) ?? null;
  }

  /** One tile (an MVT; empty where there is nothing). Rejects with an AbortError once `signal` aborts. */
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

  /** The key `sent` is under in `keys`; the first time, `send` gives it to the worker. Nothing to draw is key 0. */
  private keyOf(sent: object | null, count: number, keys: WeakMap<object, number>, send: (port: DatasetTilesPort, key: number) => void): number {
    if (!sent || count === 0) return 0;
    const known = keys.get(sent);
    if (known) return known;
    const key = this.nextKey++;
    keys.set(sent, key);
    this.released.register(sent, key);
    const port = this.start();
    port.post({ type: 'begin', key });
    send(port, key);
    return key;
  }

  private receive(message: FromDatasetTiles): void {
    if (message.type === 'ready') this.indexed.set(message.key, message.features);
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
