import { describe, expect, it } from 'vitest';
import { networkBuffers, packedCollection, packedOf, packNetwork, showsOnly, unpackNetwork, wayCount, type Network } from '../../src/data/packedNetwork';
import { SHOWN_NETWORK_PROPS } from '../../src/domain/dataset';

const ways: Network['features'] = [
  {
    type: 'Feature',
    properties: { id: 'w1', name: '鼓屏路 <b>', highway: 'primary', bridge: true },
    geometry: {
      type: 'LineString',
      coordinates: [
        [119.3, 26.08],
        [119.301, 26.081],
        [119.302, 26.0805],
      ],
    },
  },
  {
    type: 'Feature',
    properties: { id: 'w2', access: 'no', u: 300799470, oneway: 'yes' } as Network['features'][number]['properties'],
    geometry: {
      type: 'MultiLineString',
      coordinates: [
        [
          [119.31, 26.09],
          [119.311, 26.09],
        ],
        [
          [-0.5, -33.9],
          [179.9999999, 89.9999999],
          [0.1234567891234, 1e-9],
        ],
      ],
    },
  },
  {
    type: 'Feature',
    properties: { id: 'w3' },
    geometry: {
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 2],
          [3, 4],
        ],
      ],
    },
  },
];

describe('a packed network', () => {
  it('gives back exactly the ways it was made of: LineStrings and MultiLineStrings (of one line too), with all their properties', () => {
    const packed = packNetwork(ways);
    expect(packed.wayEnds).toEqual(new Uint32Array([1, 3, 4]));
    expect(packed.lineEnds).toEqual(new Uint32Array([3, 5, 8, 10]));
    expect(packed.coords).toHaveLength(20);
    expect(unpackNetwork(packed)).toEqual(ways);
    expect(unpackNetwork(packNetwork([]))).toEqual([]);
    expect(networkBuffers(packed).every((b) => b instanceof ArrayBuffer)).toBe(true);
  });

  it('keeps only the properties asked for: the page gets those it reads, and no GeoJSON member but type, geometry and properties', () => {
    const withId = [{ ...ways[0]!, id: 17, bbox: [0, 0, 1, 1] }, ...ways.slice(1)] as Network['features'];
    const kept = unpackNetwork(packNetwork(withId, SHOWN_NETWORK_PROPS));
    expect(kept.map((w) => w.properties)).toEqual([ways[0]!.properties, { id: 'w2', access: 'no' }, { id: 'w3' }]);
    expect(kept[0]).toEqual(ways[0]);
    expect(kept.map((w) => w.geometry)).toEqual(ways.map((w) => w.geometry));
    // Known without rebuilding the ways: a network packed with the properties shown carries no other.
    expect(showsOnly(packedCollection(packNetwork(ways, SHOWN_NETWORK_PROPS)))).toBe(true);
    expect(showsOnly(packedCollection(packNetwork(ways)))).toBe(false);
    expect(showsOnly({ type: 'FeatureCollection', features: ways })).toBe(false);
  });

  it('as a dataset’s network: rebuilt only when read, cloned and serialised with its ways, counted without them', () => {
    const packed = packNetwork(ways);
    let unpacked = 0;
    const parse = JSON.parse;
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => (unpacked++, parse(...args));
    try {
      const network = packedCollection(packed);
      expect(wayCount(network)).toBe(3);
      expect(packedOf(network)).toBe(packed);
      expect(unpacked).toBe(0);
      expect(network.features).toEqual(ways);
      expect(network.features).toBe(network.features);
      expect(unpacked).toBe(1);
      expect(structuredClone(network)).toEqual({ type: 'FeatureCollection', features: ways });
      expect(parse(JSON.stringify(network))).toEqual({ type: 'FeatureCollection', features: ways });
      expect({ ...network }).toEqual({ type: 'FeatureCollection', features: ways });
    } finally {
      JSON.parse = parse;
    }
  });

  it('of a plain network is made once (with the page’s properties) and remembered', () => {
    const network: Network = { type: 'FeatureCollection', features: ways };
    expect(packedOf(network)).toBe(packedOf(network));
    expect(unpackNetwork(packedOf(network))).toEqual(unpackNetwork(packNetwork(ways, SHOWN_NETWORK_PROPS)));
    expect(wayCount(network)).toBe(3);
  });
});
