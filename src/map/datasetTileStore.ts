import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { unpackAreas } from '../data/packedAreas';
import { unpackNetwork, type PackedNetwork } from '../data/packedNetwork';
import {
  COMPOUND_LAYER,
  STREET_DETAIL_ZOOM,
  STREET_LAYER,
  TILES_MAX_ZOOM,
  type FromDatasetTiles,
  type StreetFeature,
  type ToDatasetTiles,
} from './datasetTilesProtocol';

/**
 * The streets' and the compounds' vector tiles, cut in a worker of their own
 * (datasetTiles.worker.ts) instead of handing MapLibre them as GeoJSON: `setData` of a city's
 * 92,667 ways serialised and cloned them on the page in one task of 400-550 ms, and of its 5,000
 * compounds in one of about 90 ms. The page now sends them packed (a few flat arrays, quick to
 * clone) and MapLibre asks for tiles through the `dataset://` protocol.
 */

type Ask = Extract<ToDatasetTiles, { type: 'tile' }>;
type Send = (message: FromDatasetTiles, transfer?: Transferable[]) => void;

/** What was sent under one key: a network's streets or the compounds. */
interface Cut {
  /** The tiles' one source layer. */
  layer: string;
  /** One index per tier (null: no feature of that tier), once the features are in. */
  indexes: (GeoJSONVT | null)[] | null;
  /** Tiles asked for before the features arrived. */
  waiting: Ask[];
}

/**
 * Zoomed out, the tiles carry the roads that give a city its shape (tertiary and up, with their
 * links), as basemaps thin their streets; every way is in them from STREET_DETAIL_ZOOM on. For
 * Wuhan that leaves out a third of the ways where a tile holds the most of them. Each tier is
 * in the tiles from its zoom on.
 */
const TIERS: { fromZoom: number; highways: ReadonlySet<string> | null }[] = [
  {
    fromZoom: 0,
    highways: new Set([
      'motorway',
      'trunk',
      'primary',
      'secondary',
      'tertiary',
      'motorway_link',
      'trunk_link',
      'primary_link',
      'secondary_link',
      'tertiary_link',
    ]),
  },
  { fromZoom: STREET_DETAIL_ZOOM, highways: null },
];

function tierOf(feature: StreetFeature): number {
  const highway = (feature.properties as { highway?: unknown } | null)?.highway;
  return TIERS.findIndex((tier) => tier.highways === null || (typeof highway === 'string' && tier.highways.has(highway)));
}

/** Only what the street layers draw and label travels into the tiles. */
const KEPT = ['id', 'name', 'name_en', 'highway', 'access'] as const;

const EXTENT = 4096;
const EMPTY = () => new ArrayBuffer(0);

function kept(feature: StreetFeature): StreetFeature {
  const all = (feature.properties ?? {}) as Record<string, unknown>;
  const props: Record<string, unknown> = {};
  for (const key of KEPT) if (all[key] != null) props[key] = all[key];
  return { type: 'Feature', properties: props, geometry: feature.geometry };
}

const index = (features: StreetFeature[]) =>
  features.length ? new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: TILES_MAX_ZOOM, extent: EXTENT, buffer: 64 }) : null;

/** One tile as a Mapbox Vector Tile of source layer `layer`, in a buffer of its own (so it can be transferred). */
export function encodeTile(layer: string, indexes: (GeoJSONVT | null)[], z: number, x: number, y: number): ArrayBuffer {
  // Only the streets have tiers; the compounds' one index is in every tile.
  const tiles = indexes.flatMap((index, tier) => (index && z >= (TIERS[tier]?.fromZoom ?? 0) ? [index.getTile(z, x, y)] : [])).filter((t) => t !== null);
  const features = tiles.flatMap((t) => t.features) as GeoJSONVTTile['features'];
  if (features.length === 0) return EMPTY();
  const bytes = fromGeojsonVt({ [layer]: { ...tiles[0]!, features } }, { version: 2, extent: EXTENT });
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/**
 * The worker's state: the streets of each network and the compounds of each dataset the page
 * showed (by key), indexed once their features are in. Tiles asked for earlier wait for the
 * index; a cancelled one is dropped.
 */
export function datasetTileStore(send: Send): (message: ToDatasetTiles) => void {
  const cuts = new Map<number, Cut>();
  const answer = (ask: Ask, cut: Cut | undefined) => {
    const data = cut?.indexes ? encodeTile(cut.layer, cut.indexes, ask.z, ask.x, ask.y) : EMPTY();
    send({ type: 'tile', id: ask.id, data }, [data]);
  };
  const indexed = (key: number, layer: string, tiers: StreetFeature[][]) => {
    const cut = cuts.get(key);
    if (!cut || cut.indexes) return;
    cut.layer = layer;
    cut.indexes = tiers.map(index);
    send({ type: 'ready', key, features: tiers.reduce((sum, features) => sum + features.length, 0) });
    for (const ask of cut.waiting.splice(0)) answer(ask, cut);
  };
  const streets = (key: number, packed: PackedNetwork | null) => {
    if (cuts.get(key)?.indexes !== null) return;
    const tiers: StreetFeature[][] = TIERS.map(() => []);
    if (packed) for (const way of unpackNetwork(packed)) tiers[tierOf(way)]!.push(kept(way));
    indexed(key, STREET_LAYER, tiers);
  };
  return (message) => {
    switch (message.type) {
      case 'begin':
        cuts.set(message.key, { layer: '', indexes: null, waiting: [] });
        return;
      case 'network':
        streets(message.key, message.packed);
        return;
      case 'networkFrom': {
        const { key, port } = message;
        port.onmessage = (event: MessageEvent<PackedNetwork | null>) => {
          port.close();
          streets(key, event.data);
        };
        return;
      }
      case 'areas':
        if (cuts.get(message.key)?.indexes !== null) return;
        indexed(message.key, COMPOUND_LAYER, [unpackAreas(message.packed)]);
        return;
      case 'tile': {
        const cut = cuts.get(message.key);
        if (cut && !cut.indexes) cut.waiting.push(message);
        else answer(message, cut);
        return;
      }
      case 'cancel':
        for (const cut of cuts.values()) {
          const at = cut.waiting.findIndex((ask) => ask.id === message.id);
          if (at >= 0) cut.waiting.splice(at, 1);
        }
        return;
      case 'release': {
        const cut = cuts.get(message.key);
        cuts.delete(message.key);
        for (const ask of cut?.waiting ?? []) answer(ask, undefined);
        return;
      }
    }
  };
}
