/// <reference lib="webworker" />
/**
 * The streets' tile worker: a thin shell over map/streetTileStore (the page's `streets://`
 * protocol asks it for each tile of the network drawn).
 */
import { streetTileStore } from '../map/streetTileStore';
import type { ToStreetTiles } from '../map/streetTilesProtocol';

declare const self: DedicatedWorkerGlobalScope;

const receive = streetTileStore((message, transfer = []) => self.postMessage(message, transfer));
self.onmessage = (event: MessageEvent<ToStreetTiles>) => receive(event.data);
