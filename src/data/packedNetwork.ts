import type { Feature, LineString, MultiLineString } from 'geojson';
import { pickProperties, SHOWN_NETWORK_PROPS, type Network, type NetworkProps } from '../domain/dataset';

/**
 * A checked walking network in a few flat arrays and one string: what crosses between threads
 * instead of a city's ways as objects. Cloning 92,667 ways as objects cost the page a task of
 * about 200 ms and a garbage collection of up to 128 ms, as they were rebuilt there one by one;
 * these arrays are copied (or moved) whole, and the ways are rebuilt only where they are read.
 * (Wuhan's 92,667 ways: 3 MB of coordinates and 3.6 MB of properties as the page gets them, a
 * copy of 4 ms; rebuilding them as GeoJSON takes 73 ms in Node.)
 */
export interface PackedNetwork {
  /** Every vertex: longitude, latitude, in order. */
  coords: Float64Array;
  /** Per line (a LineString, or one line of a MultiLineString): the index of the vertex after its last. */
  lineEnds: Uint32Array;
  /** Per way: the index of the line after its last. */
  wayEnds: Uint32Array;
  /** Per way: 1 for a MultiLineString, 0 for a LineString. */
  multi: Uint8Array;
  /** Each way's properties (all of them, or the ones asked for), as a JSON array. */
  props: string;
  /** The properties kept, when not all of them. */
  keys: readonly string[] | null;
}

export type { Network } from '../domain/dataset';
type Way = Network['features'][number];

/**
 * The walking network's ways in flat arrays (their geometries must be LineStrings or
 * MultiLineStrings, as the loader keeps them), with their properties, or only `keys` of them.
 * Members of a way other than its geometry and properties (a GeoJSON `id`, a `bbox`) are not kept.
 */
export function packNetwork(ways: readonly Way[], keys?: readonly string[]): PackedNetwork {
  let lineCount = 0;
  let vertexCount = 0;
  for (const way of ways) {
    const lines = way.geometry.type === 'LineString' ? [way.geometry.coordinates] : way.geometry.coordinates;
    lineCount += lines.length;
    for (const line of lines) vertexCount += line.length;
  }
  const coords = new Float64Array(vertexCount * 2);
  const lineEnds = new Uint32Array(lineCount);
  const wayEnds = new Uint32Array(ways.length);
  const multi = new Uint8Array(ways.length);
  const props: unknown[] = new Array(ways.length);
  let vertex = 0;
  let line = 0;
  ways.forEach((way, w) => {
    const { geometry, properties } = way;
    props[w] = keys ? pickProperties(properties as unknown as Record<string, unknown> | null, keys) : properties;
    multi[w] = geometry.type === 'MultiLineString' ? 1 : 0;
    for (const points of geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates) {
      for (const point of points) {
        coords[vertex * 2] = point[0]!;
        coords[vertex * 2 + 1] = point[1]!;
        vertex++;
      }
      lineEnds[line++] = vertex;
    }
    wayEnds[w] = line;
  });
  return { coords, lineEnds, wayEnds, multi, props: JSON.stringify(props), keys: keys ?? null };
}

/** How many networks this thread rebuilt as ways (tests read it: a planner's page rebuilds none). */
export const unpacks = { count: 0 };

/**
 * The ways again, as packNetwork kept them: positions come back as [longitude, latitude]
 * without an altitude (nothing that reads a packed network, the map or the page, uses one;
 * the walking session keeps the ways it checked as they were).
 */
export function unpackNetwork(packed: PackedNetwork): Way[] {
  unpacks.count++;
  const { coords, lineEnds, wayEnds, multi } = packed;
  const props = JSON.parse(packed.props) as Way['properties'][];
  const ways: Way[] = new Array(wayEnds.length);
  let line = 0;
  let vertex = 0;
  for (let w = 0; w < wayEnds.length; w++) {
    const lines: [number, number][][] = [];
    for (; line < wayEnds[w]!; line++) {
      const points: [number, number][] = new Array(lineEnds[line]! - vertex);
      for (let k = 0; vertex < lineEnds[line]!; vertex++, k++) points[k] = [coords[vertex * 2]!, coords[vertex * 2 + 1]!];
      lines.push(points);
    }
    const geometry: LineString | MultiLineString = multi[w]
      ? { type: 'MultiLineString', coordinates: lines }
      : { type: 'LineString', coordinates: lines[0] ?? [] };
    ways[w] = { type: 'Feature', properties: props[w]!, geometry } as Feature<LineString | MultiLineString, NetworkProps>;
  }
  return ways;
}

/** The buffers of a packed network, to move it to another thread. */
export function networkBuffers(packed: PackedNetwork): ArrayBuffer[] {
  return [packed.coords.buffer, packed.lineEnds.buffer, packed.wayEnds.buffer, packed.multi.buffer] as ArrayBuffer[];
}

const packedOfNetwork = new WeakMap<Network, PackedNetwork>();

/**
 * The dataset's network over a packed one: its `features` are rebuilt the first time they are
 * read (the page that only draws the streets' tiles and asks the walking session never reads
 * them). `features` is an own, enumerable property, so the collection clones and serialises as
 * any other; the packed arrays are not part of it.
 */
export function packedCollection(packed: PackedNetwork): Network {
  let features: Way[] | null = null;
  const network = { type: 'FeatureCollection' } as Network;
  Object.defineProperty(network, 'features', {
    enumerable: true,
    get: () => (features ??= unpackNetwork(packed)),
    set: (value: Way[]) => (features = value),
  });
  packedOfNetwork.set(network, packed);
  return network;
}

/** The network packed: as it came (packedCollection), or packed now (with the properties shown) and remembered. */
export function packedOf(network: Network): PackedNetwork {
  let packed = packedOfNetwork.get(network);
  if (!packed) {
    packed = packNetwork(network.features, SHOWN_NETWORK_PROPS);
    packedOfNetwork.set(network, packed);
  }
  return packed;
}

/** Whether the network's ways carry none but the properties shown (SHOWN_NETWORK_PROPS), known without rebuilding them. */
export function showsOnly(network: Network): boolean {
  const keys = packedOfNetwork.get(network)?.keys;
  return keys != null && keys.every((key) => SHOWN_NETWORK_PROPS.includes(key));
}

/** How many ways the network has, without rebuilding them. */
export function wayCount(network: Network): number {
  return packedOfNetwork.get(network)?.wayEnds.length ?? network.features.length;
}
