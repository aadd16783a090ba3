import { describe, expect, it } from 'vitest';
import { validateLayer } from '../../src/data/features';
import { loadDataset } from '../../src/data/load';
import { NETWORK, type LayerSpec } from '../../src/data/schemas';
import type { NetworkProps } from '../../src/domain/dataset';
import { collection, feature, files, line, memory } from './loader-helpers';

/**
 * network.geojson is checked by hand (NETWORK.fastCheck) rather than by its zod schema: a city
 * has ~100k ways. The hand path must say exactly what the schema path says about every bad
 * feature, and keep exactly what it keeps.
 */

const BY_SCHEMA: LayerSpec<NetworkProps> = { ...NETWORK, fastCheck: undefined };

const ok = [
  [119.33, 26.09],
  [119.331, 26.091],
];

/** Every kind of bad (and odd but valid) network feature, each named by its id or index. */
const features: unknown[] = [
  line({ id: 'w-ok', highway: 'footway', name: '福马路', access: 'yes', bridge: 'yes', u: 1, v: 2 }),
  line({ id: 'w-bridge-true', bridge: true }),
  line({ id: 'w-nulls', name: null, highway: null, access: null, bridge: null }),
  line({ id: 7, highway: 'path' }),
  { type: 'Feature', id: 'w-feature-id', properties: { highway: 'steps' }, geometry: { type: 'LineString', coordinates: ok } },
  { type: 'Feature', id: 'w-no-props', geometry: { type: 'LineString', coordinates: ok } },
  line({ id: 'w-name', name: 5 }),
  line({ id: 'w-highway', highway: ['footway'] }),
  line({ id: 'w-access', access: { no: true } }),
  line({ id: 'w-bridge', bridge: 1 }),
  line({ id: 'w-two-fields', name: false, bridge: [] }),
  line({ id: 'w-field-and-geometry', highway: 3 }, [[119.33, 26.09]]),
  line({ highway: 'residential' }),
  line({ id: '  ' }),
  line({ id: 'w-ok' }),
  line({ id: 'w-point' }, [119.33, 26.09]),
  feature({ id: 'w-polygon' }, { type: 'Polygon', coordinates: [ok] }),
  line({ id: 'w-swapped' }, [
    [26.09, 119.33],
    [26.091, 119.331],
  ]),
  line({ id: 'w-out-of-range' }, [
    [219.33, 26.09],
    [119.331, 26.091],
  ]),
  line({ id: 'w-text' }, [
    ['119.33', '26.09'],
    [119.331, 26.091],
  ]),
  feature({ id: 'w-no-geometry' }, null),
  { type: 'Feature', properties: { id: 'w-geometry-array' }, geometry: [ok] },
  { type: 'Feature', properties: { id: 'w-geometry-no-type' }, geometry: { coordinates: ok } },
  { type: 'Feature', properties: { id: 'w-geometry-text' }, geometry: 'LineString' },
  { type: 'Feature', properties: ['w-props-array'], geometry: { type: 'LineString', coordinates: ok } },
  { type: 'Feature', properties: 'w-props-text', geometry: { type: 'LineString', coordinates: ok } },
  { type: 'Way', properties: { id: 'w-type' }, geometry: { type: 'LineString', coordinates: ok } },
  { type: 'Way', properties: { id: 'w-type-and-geometry' }, geometry: 5 },
  { properties: { id: 'w-no-type' }, geometry: { type: 'LineString', coordinates: ok } },
  'w-string',
  null,
  [ok],
  feature(
    { id: 'w-multi', highway: 'footway' },
    {
      type: 'MultiLineString',
      coordinates: [
        ok,
        [
          [119.332, 26.09],
          [119.333, 26.09],
        ],
      ],
    },
  ),
  feature({ id: 'w-multi-bad' }, { type: 'MultiLineString', coordinates: [ok, [[119.332, 26.09]]] }),
];

/** A fresh parse of the collection for each run: the hand path keeps (and may edit) the parsed objects. */
const parsed = () => JSON.parse(JSON.stringify({ type: 'FeatureCollection', features })) as unknown;

describe('network.geojson fast path', () => {
  it('finds the same problems as the schema path, with the same file, id or index, field, message and severity', () => {
    const fast = validateLayer(NETWORK, parsed());
    const schema = validateLayer(BY_SCHEMA, parsed());
    expect(fast.problems).toEqual(schema.problems);
    expect(fast.problems.length).toBeGreaterThan(25);
    expect(fast.total).toBe(schema.total);
    expect([...fast.ids]).toEqual([...schema.ids]);
  });

  it('keeps the same features with the same properties and geometry', () => {
    const fast = validateLayer(NETWORK, parsed());
    const schema = validateLayer(BY_SCHEMA, parsed());
    expect(fast.features).toHaveLength(schema.features!.length);
    fast.features!.forEach((f, k) => {
      const s = schema.features![k]!;
      expect(f.properties).toEqual(s.properties);
      expect(f.geometry).toEqual(s.geometry);
      expect(f.type).toBe('Feature');
    });
    expect(fast.features!.map((f) => f.properties.id)).toEqual(['w-ok', 'w-bridge-true', 'w-nulls', '7', 'w-feature-id', 'w-no-props', 'w-multi']);
    // A null optional field means "not given", a numeric id becomes text, as on the schema path.
    expect(Object.keys(fast.features![2]!.properties)).toEqual(['id']);
  });

  it('reports bad network features through the loader with file, id, field and message, and keeps the rest', async () => {
    const network = collection(
      line({ id: 'w-1', highway: 'footway' }),
      line({ id: 'w-2', highway: 5 }),
      line({ id: 'w-3', bridge: 'yes', access: ['no'] }),
      { type: 'Feature', properties: { id: 'w-4' }, geometry: [ok] },
      line({ id: 'w-5' }, [
        [26.09, 119.33],
        [26.091, 119.331],
      ]),
      line({ highway: 'path' }),
    );
    const { dataset, problems } = await loadDataset(memory(files({ 'network.geojson': network })));
    expect(dataset?.network?.features.map((f) => f.properties.id)).toEqual(['w-1']);
    expect(problems.map((p) => [p.file, p.id ?? p.index, p.field, p.message])).toEqual([
      ['network.geojson', 'w-2', 'highway', 'highway: expected an OSM highway value, found 5'],
      ['network.geojson', 'w-3', 'access', 'access: expected an OSM access value, found an array of 1'],
      ['network.geojson', 'w-4', 'geometry', 'geometry: expected a GeoJSON geometry object with "type" and "coordinates", found an array of 1'],
      ['network.geojson', 'w-5', 'geometry', 'coordinate [26.09, 119.33] looks like [lat, lon]; GeoJSON is [lon, lat] (longitude first)'],
      ['network.geojson', 5, 'id', 'missing id: expected a unique text id in properties.id, found nothing (the field is missing)'],
    ]);
  });
});
