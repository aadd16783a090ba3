import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { unpackNetwork } from '../data/packedNetwork';
import { STREET_DETAIL_ZOOM, STREET_LAYER, STREET_MAX_ZOOM, type FromStreetTiles, type StreetFeature, type ToStreetTiles } from './streetTilesProtocol';

/**
 * The streets' vector tiles, cut in a worker of their own (streetTiles.worker.ts) instead of
 * handing MapLibre the network as GeoJSON: `setData` of a city's 92,667 ways serialised and
 * cloned them on the page in one task of 400-550 ms. The page now sends the ways packed (a few
 * flat arrays, quick to clone) and MapLibre asks for tiles through the `streets://` protocol.
 */

type Ask = Extract<ToStreetTiles, { type: 'tile' }>;
type Send = (message: FromStreetTiles, transfer?: Transferable[]) => void;

interface Streets {
  /** One index per tier (null: no way of that tier), once the ways are in. */
  indexes: (GeoJSONVT | null)[] | null;
  /** Tiles asked for before the ways arrived. */
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

/** One tile as a Mapbox Vector Tile, in a buffer of its own (so it can be transferred). */
export function encodeTile(indexes: (GeoJSONVT | null)[], z: number, x: number, y: number): ArrayBuffer {
  const tiles = indexes.flatMap((index, tier) => (index && z >= TIERS[tier]!.fromZoom ? [index.getTile(z, x, y)] : [])).filter((t) => t !== null);
  const features = tiles.flatMap((t) => t.features) as GeoJSONVTTile['features'];
  if (features.length === 0) return EMPTY();
  const bytes = fromGeojsonVt({ [STREET_LAYER]: { ...tiles[0]!, features } }, { version: 2, extent: EXTENT });
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/**
 * The worker's state: the streets of each network the page showed (by key), indexed once its
 * ways are in. Tiles asked for earlier wait for the index; a cancelled one is dropped.
 */
export function streetTileStore(send: Send): (message: ToStreetTiles) => void {
  const networks = new Map<number, Streets>();
  const answer = (ask: Ask, indexes: (GeoJSONVT | null)[] | null) => {
    const data = indexes ? encodeTile(indexes, ask.z, ask.x, ask.y) : EMPTY();
    send({ type: 'tile', id: ask.id, data }, [data]);
  };
  return (message) => {
    switch (message.type) {
      case 'begin':
        networks.set(message.key, { indexes: null, waiting: [] });
        return;
      case 'network': {
        const streets = networks.get(message.key);
        if (!streets || streets.indexes) return;
        const ways = unpackNetwork(message.packed);
        const tiers: StreetFeature[][] = TIERS.map(() => []);
        for (const way of ways) tiers[tierOf(way)]!.push(kept(way));
        streets.indexes = tiers.map((features) =>
          features.length ? new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: STREET_MAX_ZOOM, extent: EXTENT, buffer: 64 }) : null,
        );
        send({ type: 'ready', key: message.key, ways: ways.length });
        for (const ask of streets.waiting.splice(0)) answer(ask, streets.indexes);
        return;
      }
      case 'tile': {
        const streets = networks.get(message.key);
        if (streets && !streets.indexes) streets.waiting.push(message);
        else answer(message, streets?.indexes ?? null);
        return;
      }
      case 'cancel':
        for (const streets of networks.values()) {
          const at = streets.waiting.findIndex((ask) => ask.id === message.id);
          if (at >= 0) streets.waiting.splice(at, 1);
        }
        return;
      case 'release': {
        const streets = networks.get(message.key);
        networks.delete(message.key);
        for (const ask of streets?.waiting ?? []) answer(ask, null);
        return;
      }
    }
  };
}
