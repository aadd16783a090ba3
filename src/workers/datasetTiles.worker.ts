/// <reference lib="webworker" />
/**
 * The dataset's tile worker: a thin shell over map/datasetTileStore (the page's `dataset://`
 * protocol asks it for each tile of the streets and compounds drawn).
 */
import { datasetTileStore } from '../map/datasetTileStore';
import type { ToDatasetTiles } from '../map/datasetTilesProtocol';

declare const self: DedicatedWorkerGlobalScope;

const receive = datasetTileStore((message, transfer = []) => self.postMessage(message, transfer));
self.onmessage = (event: MessageEvent<ToDatasetTiles>) => receive(event.data);
