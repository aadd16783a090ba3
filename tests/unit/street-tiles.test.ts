import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { packNetwork, type Network } from '../../src/data/packedNetwork';
import { streetTileStore } from '../../src/map/streetTileStore';
import { StreetTiles } from '../../src/map/streetTiles';
import { STREET_DETAIL_ZOOM, STREET_LAYER, type FromStreetTiles, type StreetFeature, type ToStreetTiles } from '../../src/map/streetTilesProtocol';

/** The tile of zoom z holding a [lon, lat] (web mercator, as MapLibre numbers tiles). */
function tileAt(z: number, [lon, lat]: [number, number]): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

/** `count` short east-west ways stacked north of Fuzhou, 10 m apart; every third one a primary road with a name. */
function ways(count: number): StreetFeature[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    properties: {
      id: `w${i}`,
      highway: i % 3 === 0 ? 'primary' : 'residential',
      ...(i % 3 === 0 ? { name: `路${i}` } : {}),
      surface: 'asphalt',
      oneway: 'yes',
    },
    geometry: {
      type: 'LineString',
      coordinates: [
        [119.33, 26.09 + i * 0.0001],
        [119.331, 26.09 + i * 0.0001],
      ],
    },
  }));
}

/** The ways as a dataset's network. */
const fc = (features: StreetFeature[]) => ({ type: 'FeatureCollection', features }) as Network;
/** The message that gives the worker these ways under `key`. */
const network = (key: number, features: StreetFeature[]): ToStreetTiles => ({ type: 'network', key, packed: packNetwork(fc(features).features) });

function decode(data: ArrayBuffer) {
  const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers[STREET_LAYER];
  return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties) : [];
}

/** The worker's store, driven directly: what it sends back is collected. */
function store() {
  const sent: FromStreetTiles[] = [];
  const receive = streetTileStore((message) => sent.push(message));
  return { sent, receive, tiles: () => sent.filter((m): m is Extract<FromStreetTiles, { type: 'tile' }> => m.type === 'tile') };
}

const HERE = tileAt(14, [119.3305, 26.0905]);
const FAR = tileAt(14, [116.4, 39.9]);

describe('the streets tile worker', () => {
  it('indexes the ways once they are in, answering the tiles asked for meanwhile', () => {
    const { sent, receive, tiles } = store();
    receive({ type: 'begin', key: 1 });
    receive({ type: 'tile', id: 7, key: 1, ...HERE });
    expect(sent).toEqual([]);
    receive(network(1, ways(6)));
    expect(sent[0]).toEqual({ type: 'ready', key: 1, ways: 6 });
    const [answer] = tiles();
    expect(answer?.id).toBe(7);
    const props = decode(answer!.data);
    expect(props.map((p) => p.id).sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
    // Only what the street layers draw and label is kept.
    expect(props.find((p) => p.id === 'w3')).toEqual({ id: 'w3', highway: 'primary', name: '路3' });
    expect(props.find((p) => p.id === 'w4')).toEqual({ id: 'w4', highway: 'residential' });
  });

  it("carries only the main roads zoomed out, as basemaps thin a city's streets, and every way from the detail zoom on", () => {
    const { receive, tiles } = store();
    const roads: StreetFeature[] = ['primary', 'secondary', 'tertiary', 'residential', 'footway'].map((highway, i) => ({
      type: 'Feature',
      properties: { id: highway, highway },
      geometry: {
        type: 'LineString',
        coordinates: [
          [119.33, 26.09 + i * 0.0001],
          [119.331, 26.09 + i * 0.0001],
        ],
      },
    }));
    receive({ type: 'begin', key: 1 });
    receive(network(1, roads));
    const ids = (z: number) => {
      receive({ type: 'tile', id: z, key: 1, ...tileAt(z, [119.3305, 26.0902]) });
      return decode(tiles().find((t) => t.id === z)!.data)
        .map((p) => p.id)
        .sort();
    };
    expect(ids(9)).toEqual(['primary', 'secondary', 'tertiary']);
    expect(ids(STREET_DETAIL_ZOOM - 1)).toEqual(['primary', 'secondary', 'tertiary']);
    expect(ids(STREET_DETAIL_ZOOM)).toEqual(['footway', 'primary', 'residential', 'secondary', 'tertiary']);
    expect(ids(16)).toHaveLength(5);
  });

  it('answers a tile without streets, an unknown network and a released one with an empty tile', () => {
    const { receive, tiles } = store();
    receive({ type: 'begin', key: 1 });
    receive(network(1, ways(3)));
    receive({ type: 'tile', id: 1, key: 1, ...FAR });
    receive({ type: 'tile', id: 2, key: 9, ...HERE });
    receive({ type: 'release', key: 1 });
    receive({ type: 'tile', id: 3, key: 1, ...HERE });
    expect(tiles().map((t) => [t.id, t.data.byteLength])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it('drops a cancelled tile that is still waiting, and empties the waiting ones of a released network', () => {
    const { receive, tiles } = store();
    receive({ type: 'begin', key: 1 });
    receive({ type: 'tile', id: 1, key: 1, ...HERE });
    receive({ type: 'tile', id: 2, key: 1, ...HERE });
    receive({ type: 'cancel', id: 1 });
    receive({ type: 'begin', key: 2 });
    receive({ type: 'tile', id: 3, key: 2, ...HERE });
    receive({ type: 'release', key: 2 });
    expect(tiles().map((t) => [t.id, t.data.byteLength])).toEqual([[3, 0]]);
    receive(network(1, ways(2)));
    expect(tiles().map((t) => t.id)).toEqual([3, 2]);
    expect(decode(tiles()[1]!.data)).toHaveLength(2);
  });
});

/** The page's side wired to the store in place, a turn later as a worker answers. */
function inPlace(after?: () => Promise<void>) {
  const posted: ToStreetTiles[] = [];
  let connects = 0;
  const tiles = new StreetTiles((receive) => {
    connects++;
    const worker = streetTileStore((message) => queueMicrotask(() => receive(message)));
    return {
      post: (message) => {
        posted.push(message);
        queueMicrotask(() => worker(message));
      },
    };
  }, after);
  return { tiles, posted, connects: () => connects };
}

const settle = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
};

describe('StreetTiles (the page side)', () => {
  it('sends a network once, packed, once the session has answered, and starts the worker only for the first network', async () => {
    let open = () => {};
    const { tiles, posted, connects } = inPlace(() => new Promise((resolve) => (open = resolve)));
    expect(tiles.url(null)).toBe('streets://0/{z}/{x}/{y}');
    expect(tiles.url(fc([]))).toBe('streets://0/{z}/{x}/{y}');
    expect(connects()).toBe(0);
    expect(new Uint8Array(await tiles.tile('streets://0/14/1/1')).length).toBe(0);

    const shown = fc(ways(4005));
    const url = tiles.url(shown);
    expect(url).toBe('streets://1/{z}/{x}/{y}');
    expect(tiles.url(shown), 'the same network is not sent again').toBe(url);
    // Tiles asked for meanwhile wait in the worker; no way is sent before the session has answered.
    const early = tiles.tile(`streets://1/${HERE.z}/${HERE.x}/${HERE.y}`);
    await settle();
    expect(posted.map((m) => m.type)).toEqual(['begin', 'tile']);
    open();
    await settle();
    expect(posted.map((m) => m.type)).toEqual(['begin', 'tile', 'network']);
    const sent = posted[2] as Extract<ToStreetTiles, { type: 'network' }>;
    expect(sent.packed.wayEnds).toHaveLength(4005);
    expect(tiles.ways(url)).toBe(4005);
    expect(connects()).toBe(1);
    expect(decode(await early).length).toBeGreaterThan(0);

    const at = HERE;
    const props = decode(await tiles.tile(`streets://1/${at.z}/${at.x}/${at.y}`));
    expect(props.length).toBeGreaterThan(0);
    expect(props.every((p) => typeof p.id === 'string' && typeof p.highway === 'string')).toBe(true);
  });

  it('rejects an aborted tile with an AbortError and tells the worker to drop it', async () => {
    const { tiles, posted } = inPlace();
    tiles.url(fc(ways(3)));
    const abort = new AbortController();
    const asked = tiles.tile(`streets://1/${HERE.z}/${HERE.x}/${HERE.y}`, abort.signal);
    abort.abort();
    await expect(asked).rejects.toMatchObject({ name: 'AbortError' });
    const cancel = posted.find((m) => m.type === 'cancel');
    const ask = posted.find((m) => m.type === 'tile');
    expect(cancel && ask && cancel.id === ask.id).toBe(true);
  });
});
