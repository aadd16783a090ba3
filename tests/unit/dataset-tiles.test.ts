import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { packAreas } from '../../src/data/packedAreas';
import { packNetwork, type Network } from '../../src/data/packedNetwork';
import { datasetTileStore } from '../../src/map/datasetTileStore';
import { DatasetTiles, type Compounds } from '../../src/map/datasetTiles';
import {
  COMPOUND_LAYER,
  COMPOUND_PROPS,
  STREET_DETAIL_ZOOM,
  STREET_LAYER,
  type FromDatasetTiles,
  type StreetFeature,
  type ToDatasetTiles,
} from '../../src/map/datasetTilesProtocol';

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
const network = (key: number, features: StreetFeature[]): ToDatasetTiles => ({ type: 'network', key, packed: packNetwork(fc(features).features) });

function decode(data: ArrayBuffer) {
  const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers[STREET_LAYER];
  return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties) : [];
}

/** The worker's store, driven directly: what it sends back is collected. */
function store() {
  const sent: FromDatasetTiles[] = [];
  const receive = datasetTileStore((message) => sent.push(message));
  return { sent, receive, tiles: () => sent.filter((m): m is Extract<FromDatasetTiles, { type: 'tile' }> => m.type === 'tile') };
}

const HERE = tileAt(14, [119.3305, 26.0905]);
const FAR = tileAt(14, [116.4, 39.9]);

describe('the dataset tile worker: streets', () => {
  it('indexes the ways once they are in, answering the tiles asked for meanwhile', () => {
    const { sent, receive, tiles } = store();
    receive({ type: 'begin', key: 1 });
    receive({ type: 'tile', id: 7, key: 1, ...HERE });
    expect(sent).toEqual([]);
    receive(network(1, ways(6)));
    expect(sent[0]).toEqual({ type: 'ready', key: 1, features: 6 });
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

  it('takes the ways from a port when they come from elsewhere (the walking session), and none from a null', async () => {
    const { sent, receive, tiles } = store();
    const arrived = (n: number) => waitFor(() => sent.filter((m) => m.type === 'ready').length >= n);
    receive({ type: 'begin', key: 1 });
    receive({ type: 'tile', id: 1, key: 1, ...HERE });
    const from = new MessageChannel();
    receive({ type: 'networkFrom', key: 1, port: from.port2 });
    expect(sent, 'nothing before the ways arrive').toEqual([]);
    from.port1.postMessage(packNetwork(fc(ways(5)).features));
    await arrived(1);
    expect(sent[0]).toEqual({ type: 'ready', key: 1, features: 5 });
    expect(decode(tiles()[0]!.data).map((p) => p.id)).toHaveLength(5);

    receive({ type: 'begin', key: 2 });
    const none = new MessageChannel();
    receive({ type: 'networkFrom', key: 2, port: none.port2 });
    none.port1.postMessage(null);
    await arrived(2);
    expect(sent.at(-1)).toEqual({ type: 'ready', key: 2, features: 0 });
    receive({ type: 'tile', id: 2, key: 2, ...HERE });
    expect(tiles().at(-1)).toMatchObject({ id: 2 });
    expect(tiles().at(-1)!.data.byteLength).toBe(0);
    from.port1.close();
    none.port1.close();
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
function inPlace(after?: () => Promise<void>, sendStreets?: (network: Network, port: MessagePort) => boolean) {
  const posted: ToDatasetTiles[] = [];
  let connects = 0;
  const tiles = new DatasetTiles(
    (receive) => {
      connects++;
      const worker = datasetTileStore((message) => queueMicrotask(() => receive(message)));
      return {
        post: (message) => {
          posted.push(message);
          queueMicrotask(() => worker(message));
        },
      };
    },
    after,
    sendStreets,
  );
  return { tiles, posted, connects: () => connects };
}

/** The next task (compounds are packed in one) and the messages it sets off. */
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; i < 50; i++) await Promise.resolve();
};

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}

describe('DatasetTiles (the page side): streets', () => {
  it('sends a network once, packed, once the session has answered, and starts the worker only for the first network', async () => {
    let open = () => {};
    const { tiles, posted, connects } = inPlace(() => new Promise((resolve) => (open = resolve)));
    expect(tiles.streetsUrl(null)).toBe('dataset://0/{z}/{x}/{y}');
    expect(tiles.streetsUrl(fc([]))).toBe('dataset://0/{z}/{x}/{y}');
    expect(connects()).toBe(0);
    expect(new Uint8Array(await tiles.tile('dataset://0/14/1/1')).length).toBe(0);

    const shown = fc(ways(4005));
    const url = tiles.streetsUrl(shown);
    expect(url).toBe('dataset://1/{z}/{x}/{y}');
    expect(tiles.streetsUrl(shown), 'the same network is not sent again').toBe(url);
    // Tiles asked for meanwhile wait in the worker; no way is sent before the session has answered.
    const early = tiles.tile(`dataset://1/${HERE.z}/${HERE.x}/${HERE.y}`);
    await settle();
    expect(posted.map((m) => m.type)).toEqual(['begin', 'tile']);
    open();
    await settle();
    expect(posted.map((m) => m.type)).toEqual(['begin', 'tile', 'network']);
    const sent = posted[2] as Extract<ToDatasetTiles, { type: 'network' }>;
    expect(sent.packed.wayEnds).toHaveLength(4005);
    expect(tiles.features(url)).toBe(4005);
    expect(connects()).toBe(1);
    expect(tiles.start(), 'a started worker is not started again').toBe(tiles.start());
    expect(connects()).toBe(1);
    expect(decode(await early).length).toBeGreaterThan(0);

    const at = HERE;
    const props = decode(await tiles.tile(`dataset://1/${at.z}/${at.x}/${at.y}`));
    expect(props.length).toBeGreaterThan(0);
    expect(props.every((p) => typeof p.id === 'string' && typeof p.highway === 'string')).toBe(true);
  });

  it('has the ways sent from whoever holds them (the walking session) when it can, not copied on the page', async () => {
    const shown = fc(ways(7));
    const handed: Network[] = [];
    const { tiles, posted } = inPlace(undefined, (network, port) => {
      handed.push(network);
      // As the session does: the packed ways, moved through the port.
      const packed = packNetwork(network.features);
      port.postMessage(packed, [packed.coords.buffer]);
      port.close();
      return true;
    });
    const url = tiles.streetsUrl(shown);
    await waitFor(() => tiles.features(url) !== null);
    expect(handed).toEqual([shown]);
    expect(posted.map((m) => m.type)).toEqual(['begin', 'networkFrom']);
    expect(tiles.streetsCopiedHere).toBe(0);
    expect(tiles.features(url)).toBe(7);
    expect(decode(await tiles.tile(`dataset://1/${HERE.z}/${HERE.x}/${HERE.y}`))).toHaveLength(7);

    // A network the page checked itself (no one else holds it): the page sends it.
    const { tiles: own, posted: ownPosted } = inPlace(undefined, () => false);
    own.streetsUrl(fc(ways(2)));
    await settle();
    expect(ownPosted.map((m) => m.type)).toEqual(['begin', 'network']);
    expect(own.streetsCopiedHere).toBe(1);
  });

  it('rejects an aborted tile with an AbortError and tells the worker to drop it', async () => {
    const { tiles, posted } = inPlace();
    tiles.streetsUrl(fc(ways(3)));
    const abort = new AbortController();
    const asked = tiles.tile(`dataset://1/${HERE.z}/${HERE.x}/${HERE.y}`, abort.signal);
    abort.abort();
    await expect(asked).rejects.toMatchObject({ name: 'AbortError' });
    const cancel = posted.find((m) => m.type === 'cancel');
    const ask = posted.find((m) => m.type === 'tile');
    expect(cancel && ask && cancel.id === ask.id).toBe(true);
  });
});

/** `count` compounds, small squares side by side north of Fuzhou, with more properties than the tiles keep. */
function compounds(count: number): Compounds {
  const features = Array.from({ length: count }, (_, i) => {
    const [x, y] = [119.33 + (i % 20) * 0.0003, 26.09 + Math.floor(i / 20) * 0.0003];
    const ring = [
      [x, y],
      [x + 0.0002, y],
      [x + 0.0002, y + 0.0002],
      [x, y + 0.0002],
      [x, y],
    ];
    return {
      type: 'Feature' as const,
      properties: { id: `c${i}`, name: `小区${i}`, ...(i === 0 ? { name_en: 'First' } : {}), population: 100 + i, elderly60: 20, elderly80: 5 },
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
    };
  });
  return { type: 'FeatureCollection', features };
}

function decodeCompounds(data: ArrayBuffer) {
  const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers[COMPOUND_LAYER];
  return layer ? Array.from({ length: layer.length }, (_, i) => ({ props: layer.feature(i).properties, type: layer.feature(i).type })) : [];
}

describe('the dataset tile worker and its page side: compounds', () => {
  it('sends compounds in the next task, packed and moved, with only what their layers draw, label and pick', async () => {
    const { tiles, posted, connects } = inPlace(() => new Promise(() => {}));
    expect(tiles.compoundsUrl(null)).toBe('dataset://0/{z}/{x}/{y}');
    expect(tiles.compoundsUrl(compounds(0))).toBe('dataset://0/{z}/{x}/{y}');
    expect(connects()).toBe(0);

    const shown = compounds(400);
    const url = tiles.compoundsUrl(shown);
    expect(url).toBe('dataset://1/{z}/{x}/{y}');
    expect(tiles.compoundsUrl(shown), 'the same compounds are not sent again').toBe(url);
    // Packed in a task of their own, not in the one that named them; not held back by the
    // walking session, as the streets are.
    expect(posted.map((m) => m.type)).toEqual(['begin']);
    await settle();
    expect(posted.map((m) => m.type)).toEqual(['begin', 'areas']);
    expect(tiles.features(url)).toBe(400);
    // The dataset keeps its compounds as they were.
    expect(shown.features[5]!.properties.population).toBe(105);

    const props = decodeCompounds(await tiles.tile(`dataset://1/${HERE.z}/${HERE.x}/${HERE.y}`));
    expect(props.length).toBeGreaterThan(0);
    // Polygons (type 3), with only id, name and name_en.
    expect(props.every((p) => p.type === 3)).toBe(true);
    expect(props.find((p) => p.props.id === 'c0')!.props).toEqual({ id: 'c0', name: '小区0', name_en: 'First' });
    expect(props.find((p) => p.props.id === 'c1')!.props).toEqual({ id: 'c1', name: '小区1' });
    // Nothing of them in a tile elsewhere, and none in the streets' layer.
    expect(await tiles.tile(`dataset://1/${FAR.z}/${FAR.x}/${FAR.y}`)).toHaveProperty('byteLength', 0);
    expect(decode(await tiles.tile(`dataset://1/${HERE.z}/${HERE.x}/${HERE.y}`))).toEqual([]);
  });

  it("bakes given properties into the compounds' tiles, one key per compounds and properties", async () => {
    const { tiles } = inPlace(() => new Promise(() => {}));
    const first = compounds(3);
    const second = compounds(3);
    const looks = new Map([['c0', { unmetStep: 2, underServed: true }]]);
    const plain = tiles.compoundsUrl(first);
    const baked = tiles.compoundsUrl(first, looks);
    expect(baked).not.toBe(plain);
    expect(tiles.compoundsUrl(first, looks), 'the same bake is not sent again').toBe(baked);
    // The same properties over other compounds (another dataset) are cut from those compounds.
    const other = tiles.compoundsUrl(second, looks);
    expect(new Set([plain, baked, other]).size).toBe(3);
    await settle();
    const props = decodeCompounds(await tiles.tile(baked.replace('{z}/{x}/{y}', `${HERE.z}/${HERE.x}/${HERE.y}`)));
    expect(props.find((p) => p.props.id === 'c0')!.props).toMatchObject({ id: 'c0', unmetStep: 2, underServed: true });
    expect(props.find((p) => p.props.id === 'c1')!.props).not.toHaveProperty('unmetStep');
    expect(tiles.features(other)).toBe(3);
  });

  it('keeps streets and compounds apart under their own keys, and a compound tile asked for early waits for them', () => {
    const { receive, sent, tiles } = store();
    receive({ type: 'begin', key: 1 });
    receive({ type: 'begin', key: 2 });
    receive({ type: 'tile', id: 1, key: 2, ...HERE });
    expect(sent).toEqual([]);
    receive({ type: 'areas', key: 2, packed: packAreas(compounds(3).features, COMPOUND_PROPS) });
    receive(network(1, ways(2)));
    receive({ type: 'tile', id: 2, key: 1, ...HERE });
    expect(sent.filter((m) => m.type === 'ready')).toEqual([
      { type: 'ready', key: 2, features: 3 },
      { type: 'ready', key: 1, features: 2 },
    ]);
    const [compoundTile, streetTile] = tiles();
    expect(decodeCompounds(compoundTile!.data).map((p) => p.props.id)).toEqual(['c0', 'c1', 'c2']);
    expect(decode(compoundTile!.data)).toEqual([]);
    expect(decode(streetTile!.data).map((p) => p.id)).toEqual(['w0', 'w1']);
    // Sent again under the same key, they are not indexed twice.
    receive({ type: 'areas', key: 2, packed: packAreas(compounds(9).features, COMPOUND_PROPS) });
    expect(sent.filter((m) => m.type === 'ready')).toHaveLength(2);
  });
});
