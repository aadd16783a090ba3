import { distance } from '@turf/turf';
import gcoord from 'gcoord';
import type { Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load';
import { collection, compound, files, line, manifest, memory, point, square } from './loader-helpers';

type LonLat = [number, number];
const metres = (a: LonLat, b: LonLat) => distance(a, b, { units: 'meters' });

/**
 * Published test vectors of eviltransform (github.com/googollee/eviltransform), the
 * reference implementation of the GCJ-02 formula: WGS84 [lon, lat] → GCJ-02 [lon, lat].
 */
const EVILTRANSFORM: [string, LonLat, LonLat][] = [
  ['Shanghai', [121.5272106, 31.1774276], [121.531541859215, 31.17530398364597]],
  ['Shenzhen', [113.912316, 22.543847], [113.9171764808363, 22.540796131694766]],
  ['Beijing', [116.377817, 39.911954], [116.38404722455657, 39.91334545536069]],
];

/** 岳峰镇, Fuzhou, in WGS84. */
const FUZHOU: LonLat = [119.33, 26.09];

describe('loader: coordinate systems', () => {
  it('uses the same GCJ-02 formula as the published eviltransform vectors', () => {
    for (const [, wgs, gcj] of EVILTRANSFORM) {
      const [lon, lat] = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02);
      expect(lon).toBeCloseTo(gcj[0], 9);
      expect(lat).toBeCloseTo(gcj[1], 9);
    }
  });

  it('converts GCJ-02 files back to the published WGS84 points within 1 m', async () => {
    const facilities = collection(...EVILTRANSFORM.map(([city, , gcj]) => point({ id: city, category: 'clinic' }, ...gcj)));
    const { dataset, problems } = await loadDataset(memory(files({ 'manifest.json': manifest({ crs: 'GCJ02' }), 'facilities.geojson': facilities })));
    expect(problems).toEqual([]);
    dataset!.facilities.features.forEach((f, i) => {
      const wgs = EVILTRANSFORM[i]![1];
      expect(metres(f.geometry.coordinates as LonLat, wgs)).toBeLessThan(1);
    });
  });

  it('shifts GCJ-02 in Fuzhou by 300–700 m and round-trips every file within 1 m', async () => {
    const gcj = gcoord.transform(FUZHOU, gcoord.WGS84, gcoord.GCJ02);
    expect(metres(FUZHOU, gcj)).toBeGreaterThan(300);
    expect(metres(FUZHOU, gcj)).toBeLessThan(700);

    const gcjSquare = square(...FUZHOU).map((ring) => ring.map((p) => gcoord.transform(p as LonLat, gcoord.WGS84, gcoord.GCJ02)));
    const { dataset, problems } = await loadDataset(
      memory(
        files({
          'manifest.json': manifest({ crs: 'GCJ02' }),
          'compounds.geojson': JSON.stringify({
            type: 'FeatureCollection',
            features: [{ ...JSON.parse(collection(compound('c-1'))).features[0], geometry: { type: 'Polygon', coordinates: gcjSquare } }],
          }),
          'facilities.geojson': collection(point({ id: 'f-1', category: 'clinic' }, ...gcj)),
          'gates.geojson': collection(point({ id: 'g-1', compound_id: 'c-1' }, ...gcj)),
          'network.geojson': collection(line({ id: 'w-1' }, [gcj, gcoord.transform([119.331, 26.09], gcoord.WGS84, gcoord.GCJ02)])),
        }),
      ),
    );
    expect(problems).toEqual([]);
    const d = dataset!;
    expect(metres((d.facilities.features[0]!.geometry as Point).coordinates as LonLat, FUZHOU)).toBeLessThan(1);
    expect(metres(d.gates.features[0]!.geometry.coordinates as LonLat, FUZHOU)).toBeLessThan(1);
    expect(metres(d.network!.features[0]!.geometry.coordinates[1] as LonLat, [119.331, 26.09])).toBeLessThan(1);
    const ring = (d.compounds.features[0]!.geometry as Polygon).coordinates[0]!;
    square(...FUZHOU)[0]!.forEach((p, i) => expect(metres(ring[i] as LonLat, p as LonLat)).toBeLessThan(1));
    expect(ring[0]).toEqual(ring.at(-1));
  });

  it('converts BD-09 (Baidu) files to WGS84 within 1 m', async () => {
    const bd = gcoord.transform(FUZHOU, gcoord.WGS84, gcoord.BD09);
    expect(metres(FUZHOU, bd)).toBeGreaterThan(700);
    const { dataset } = await loadDataset(
      memory(files({ 'manifest.json': manifest({ crs: 'BD09' }), 'facilities.geojson': collection(point({ id: 'f-1', category: 'clinic' }, ...bd)) })),
    );
    expect(dataset?.manifest.crs).toBe('BD09');
    expect(metres(dataset!.facilities.features[0]!.geometry.coordinates as LonLat, FUZHOU)).toBeLessThan(1);
  });

  it('leaves WGS84 coordinates exactly as they are', async () => {
    const { dataset } = await loadDataset(
      memory(files({ 'facilities.geojson': collection(point({ id: 'f-1', category: 'clinic' }, 119.3312345, 26.0912345)) })),
    );
    expect(dataset!.facilities.features[0]!.geometry.coordinates).toEqual([119.3312345, 26.0912345]);
  });
});
