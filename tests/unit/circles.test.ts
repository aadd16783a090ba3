import { area, booleanPointInPolygon, distance } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { straightLineCircles } from '../../src/domain/circles';
import type { CompoundFeature } from '../../src/domain/dataset';
import { compoundOrigins } from '../../src/domain/origins';
import type { LonLat } from '../../src/domain/geo';

const origin: LonLat = [119.33, 26.09];

describe('straight-line circles', () => {
  it('has one ring per band at speed × minutes metres, largest first', () => {
    const fc = straightLineCircles([origin], 60, [5, 10, 15]);
    expect(fc.features.map((f) => f.properties.minutes)).toEqual([15, 10, 5]);
    for (const f of fc.features) {
      const ring = (f.geometry as Polygon).coordinates[0]!;
      for (const vertex of ring) expect(distance(origin, vertex, { units: 'meters' })).toBeCloseTo(f.properties.radiusM, 0);
      expect(f.properties.kind).toBe('straight-line');
    }
    expect(fc.features[0]!.properties.radiusM).toBe(900);
    // πr² within 0.5 % (a 72-gon)
    expect(area(fc.features[2]!) / (Math.PI * 300 ** 2)).toBeGreaterThan(0.995);
  });

  it('unions the circles of several gates', () => {
    const east: LonLat = [119.34, 26.09]; // ~1 km east
    const fc = straightLineCircles([origin, east], 45, [15]);
    expect(fc.features).toHaveLength(1);
    const band = fc.features[0]!;
    expect(booleanPointInPolygon(origin, band)).toBe(true);
    expect(booleanPointInPolygon(east, band)).toBe(true);
    expect(booleanPointInPolygon([119.335, 26.09], band)).toBe(true);
    expect(area(band)).toBeLessThan(2 * Math.PI * 675 ** 2);
  });
});

describe('compound origins', () => {
  const lShape: CompoundFeature = {
    type: 'Feature',
    properties: { id: 'c-1', population: 10, elderly60: 1, elderly80: 0 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.002, 0],
          [0.002, 0.0005],
          [0.0005, 0.0005],
          [0.0005, 0.002],
          [0, 0.002],
          [0, 0],
        ],
      ],
    },
  };

  it('uses the gates when there are any', () => {
    const gates = new Map<string, LonLat[]>([
      [
        'c-1',
        [
          [0.001, 0],
          [0, 0.001],
        ],
      ],
    ]);
    expect(compoundOrigins(lShape, gates)).toEqual({
      kind: 'gates',
      points: [
        [0.001, 0],
        [0, 0.001],
      ],
    });
  });

  it('falls back to a point inside the polygon (not the centroid of an L)', () => {
    const origins = compoundOrigins(lShape, new Map());
    expect(origins.kind).toBe('surface');
    expect(booleanPointInPolygon(origins.points[0]!, lShape)).toBe(true);
  });
});
