import type { Feature, Geometry } from 'geojson';
import type { PackedNetwork } from '../data/packedNetwork';

/**
 * Between the page's `streets://` protocol (streetTiles.ts) and the streets' tile worker
 * (streetTileStore.ts). A network is sent once, packed, under a key (`begin` first, so tiles
 * asked for meanwhile wait for it).
 */

/** The one source layer of a street tile (the layers in layers/basemap.ts read it). */
export const STREET_LAYER = 'network';
/** Tiles are cut up to this zoom; MapLibre overzooms them beyond it. */
export const STREET_MAX_ZOOM = 16;
/** From this zoom on, the tiles carry every way (below it, only the main roads). */
export const STREET_DETAIL_ZOOM = 12;
export const STREETS_PROTOCOL = 'streets';

/** The tile URL template of the network sent under `key`; key 0 is no network (empty tiles). */
export const streetTilesUrl = (key: number) => `${STREETS_PROTOCOL}://${key}/{z}/{x}/{y}`;

/** A way as the dataset holds it (its properties are NetworkProps; only a few are kept in the tiles). */
export type StreetFeature = Feature<Geometry, object | null>;

export type ToStreetTiles =
  | { type: 'begin'; key: number }
  | { type: 'network'; key: number; packed: PackedNetwork }
  | { type: 'tile'; id: number; key: number; z: number; x: number; y: number }
  | { type: 'cancel'; id: number }
  | { type: 'release'; key: number };

export type FromStreetTiles = { type: 'ready'; key: number; ways: number } | { type: 'tile'; id: number; data: ArrayBuffer };
