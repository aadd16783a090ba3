import type { Feature, Geometry } from 'geojson';
import type { PackedAreas } from '../data/packedAreas';
import type { PackedNetwork } from '../data/packedNetwork';

/**
 * Between the page's `dataset://` protocol (datasetTiles.ts) and the tile worker
 * (datasetTileStore.ts), which cuts the vector tiles of the dataset's two largest layers: the
 * streets and the compounds. Each is sent once, packed, under a key (`begin` first, so tiles
 * asked for meanwhile wait for it); a tile's URL names the key.
 */

/** The one source layer of a street tile (the layers in layers/basemap.ts read it). */
export const STREET_LAYER = 'network';
/** The one source layer of a compounds tile (the layers on the compounds source read it). */
export const COMPOUND_LAYER = 'compounds';
/** What the compound layers draw, label and pick; nothing else travels into the tiles. */
export const COMPOUND_PROPS = ['id', 'name', 'name_en'] as const;
/** Tiles are cut up to this zoom; MapLibre overzooms them beyond it. */
export const TILES_MAX_ZOOM = 16;
/** From this zoom on, the tiles carry every way (below it, only the main roads). */
export const STREET_DETAIL_ZOOM = 12;
export const DATASET_TILES_PROTOCOL = 'dataset';

/** The tile URL template of what was sent under `key`; key 0 is nothing (empty tiles). */
export const datasetTilesUrl = (key: number) => `${DATASET_TILES_PROTOCOL}://${key}/{z}/{x}/{y}`;

/** A way as the dataset holds it (its properties are NetworkProps; only a few are kept in the tiles). */
export type StreetFeature = Feature<Geometry, object | null>;

export type ToDatasetTiles =
  | { type: 'begin'; key: number }
  | { type: 'network'; key: number; packed: PackedNetwork }
  /** The network's packed streets (or null: none) arrive on `port` from whoever holds them (the walking session). */
  | { type: 'networkFrom'; key: number; port: MessagePort }
  | { type: 'areas'; key: number; packed: PackedAreas }
  | { type: 'tile'; id: number; key: number; z: number; x: number; y: number }
  | { type: 'cancel'; id: number }
  | { type: 'release'; key: number };

/** `ready`: what was sent under `key` is indexed, cut from `features` ways or areas. */
export type FromDatasetTiles = { type: 'ready'; key: number; features: number } | { type: 'tile'; id: number; data: ArrayBuffer };
