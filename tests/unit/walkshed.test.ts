import { booleanPointInPolygon, distance, length } from '@turf/turf';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FC, NetworkProps } from '../../src/domain/dataset';
import { buildGraph } from '../../src/domain/engine/graph';
import { searchFrom } from '../../src/domain/engine/dijkstra';
import { Snapper } from '../../src/domain/engine/snap';
import { WalkEngine } from '../../src/domain/engine/walkEngine';
import { reachedWays, travelTimeGrid, walkshedPolygons } from '../../src/domain/engine/walkshed';
import type { LonLat } from '../../src/domain/geo';
import { gridX, gridY } from '../../src/domain/gridSpec';

/**
 * Two streets ~222 m apart, like the two banks of a river, joined only by a bridge at their
 * east end 1 km away. From the west end of the south street, the north street right across is
 * a 2.2 km walk: far beyond 15 minutes, though well inside the 900 m straight-line circle.
 */
const banks: FC<LineString, NetworkProps> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'south' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [0.005, 0],
          [0.01, 0],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { id: 'north' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0.002],
          [0.005, 0.002],
          [0.01, 0.002],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { id: 'bridge', bridge: true },
      geometry: {
        type: 'LineString',
        coordinates: [
          [0.01, 0],
          [0.01, 0.002],
        ],
      },
    },
  ],
};
const origin: LonLat = [0.001, 0];
const graph = buildGraph(banks);
const snapper = new Snapper(graph);
const search = searchFrom(graph, [{ snap: snapper.snap(origin)!, label: 0 }], 900);
const times = travelTimeGrid(search, 60, { origins: [origin] })!;
const minutesAt = ([lon, lat]: LonLat) => {
  const c = Math.floor(gridX(times.grid, lon));
  const r = Math.floor(gridY(times.grid, lat));
  if (c < 0 || r < 0 || c >= times.grid.cols || r >= times.grid.rows) return Infinity;
  return times.minutes[r * times.grid.cols + c]!;
};

describe('travel-time grid', () => {
  it('follows the street: minutes ≈ metres walked / speed, within a cell', () => {
    const there: LonLat = [0.005, 0];
    const walked = distance(origin, there, { units: 'meters' });
    expect(minutesAt(there)).toBeGreaterThan((walked - 20) / 60);
    expect(minutesAt(there)).toBeLessThan((walked + 20) / 60);
  });

  it('reaches a courtyard a short walk off the street', () => {
    expect(minutesAt([0.002, 0.0002])).toBeLessThan(3);
  });

  it('does not reach the far bank, though it is inside the straight-line circle', () => {
    expect(distance(origin, [0.001, 0.002], { units: 'meters' })).toBeLessThan(900);
    expect(minutesAt([0.001, 0.002])).toBe(Infinity);
    expect(minutesAt([0.001, 0.001])).toBe(Infinity);
  });
});

describe('walkshed polygons', () => {
  const [five, , fifteen] = walkshedPolygons(times, [5, 10, 15]).features;
  it('contain what is reached within the band and not the far bank', () => {
    expect(booleanPointInPolygon([0.005, 0], fifteen!)).toBe(true);
    expect(booleanPointInPolygon([0.005, 0], five!)).toBe(false);
    expect(booleanPointInPolygon([0.002, 0], five!)).toBe(true);
    expect(booleanPointInPolygon([0.001, 0.002], fifteen!)).toBe(false);
  });
});

describe('reached ways', () => {
  it('stop at the cutoff and carry minutes', () => {
    const ways = reachedWays(search, 60);
    const walked = ways.features.reduce((sum, f) => sum + length(f, { units: 'meters' }), 0);
    // 111 m west of the origin (to the street end) plus 900 m east of it, nothing across the river
    expect(walked).toBeGreaterThan(1005);
    expect(walked).toBeLessThan(1017);
    // At most one feature per whole minute of walking, in order, all within the 15 minutes.
    const minutes = ways.features.map((f) => f.properties.minutes);
    expect(minutes).toEqual([...new Set(minutes)].sort((a, b) => a - b));
    for (const m of minutes) expect(Number.isInteger(m) && m >= 1 && m <= 15).toBe(true);
  });
});

describe("reached ways along a source's own segment", () => {
  it('draws the stretch walked within the cutoff even when neither end is reached', () => {
    const ways = reachedWays(searchFrom(graph, [{ snap: snapper.snap(origin)!, label: 0 }], 60), 60);
    const walked = ways.features.reduce((sum, f) => sum + length(f, { units: 'meters' }), 0);
    expect(walked).toBeCloseTo(120, 0);
    expect(ways.features.map((f) => f.properties.minutes)).toEqual([1]);
  });
});

describe('walk engine', () => {
  const engine = new WalkEngine(banks, [
    { id: 'far', category: 'clinic', point: [0.001, 0.0021] },
    { id: 'near', category: 'pharmacy', point: [0.004, 0.0001] },
  ]);

  it('reports the overclaim of the straight-line circle', () => {
    const result = engine.walk({ origins: [origin], speedMPerMin: 60, bandMinutes: [5, 10, 15] });
    expect(result.overclaim.share).toBeGreaterThan(0.5);
    expect(result.overclaim.share).toBeLessThan(1);
  });

  it('finds the nearest facility per category by walking, with the straight line beside it', () => {
    const result = engine.walk({ origins: [origin], speedMPerMin: 60, bandMinutes: [5, 10, 15] });
    const clinic = result.nearest.find((n) => n.category === 'clinic')!;
    expect(clinic.straightM).toBeLessThan(250);
    expect(clinic.walkM).toBeGreaterThan(2200);
    const pharmacy = result.nearest.find((n) => n.category === 'pharmacy')!;
    expect(pharmacy.walkM).toBeCloseTo(distance(origin, [0.004, 0], { units: 'meters' }) + distance([0.004, 0], [0.004, 0.0001], { units: 'meters' }), 0);
  });

  it('reuses the cached search for a slower speed (smaller cutoff)', () => {
    const a = engine.search([origin], 900);
    const before = engine.searchesRun;
    const b = engine.search([origin], 675);
    expect(engine.searchesRun).toBe(before);
    expect(b.distM).toBe(a.distM);
    expect(b.cutoffM).toBe(675);
    engine.search([[0.002, 0]], 900);
    expect(engine.searchesRun).toBe(before + 1);
  });
});
