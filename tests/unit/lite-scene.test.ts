import { describe, expect, it } from 'vitest';
import { haversineM } from '../../src/domain/geo';
import { fitProjection, liteBounds, liteScene, type LiteInput } from '../../src/map/liteScene';
import { theme } from '../../src/map/theme';
import { LAYER_GROUPS } from '../../src/store/uiSlice';
import { tinyDataset } from '../component/tinyDataset';

const allLayers = Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as LiteInput['layers'];
const ORIGIN: [number, number] = [119.331, 26.09];

const input = (over: Partial<LiteInput> = {}): LiteInput => ({
  dataset: tinyDataset(),
  layers: allLayers,
  hiddenCategories: [],
  compoundId: 'c-1',
  circles: { compoundId: 'c-1', origins: { kind: 'point', points: [ORIGIN] }, speedMPerMin: 60, bandMinutes: [5, 10, 15], avoidSteps: false },
  walk: null,
  walkStale: false,
  route: null,
  ...over,
});

/** A walk whose 5-minute area is a small triangle by the origin (inside every circle). */
const walk = {
  walksheds: {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { value: 5 },
        geometry: {
          type: 'MultiPolygon' as const,
          coordinates: [
            [
              [
                [119.33, 26.089],
                [119.332, 26.089],
                [119.332, 26.091],
                [119.33, 26.089],
              ],
            ],
          ],
        },
      },
    ],
  },
  reachedWays: { type: 'FeatureCollection' as const, features: [] },
  times: null,
  nearest: [],
  reachable: [],
  overclaim: { circleAreaM2: 0, unreachedAreaM2: 0, share: 0 },
};

describe('the still map picture', () => {
  it('projects Web Mercator into the box with true scale: a point 900 m away lies 900 m × pxPerM from the origin', () => {
    const bounds = liteBounds(input())!;
    const { project, covers, pxPerM } = fitProjection(bounds, 390, 480);
    // The outer circle (60 m/min × 15 min) is framed: its extent lies inside the box and inside what the box covers.
    const [west, south, east, north] = bounds;
    const corners: [number, number][] = [
      [west, south],
      [east, north],
    ];
    for (const corner of corners) {
      const [x, y] = project(corner);
      expect(x).toBeGreaterThanOrEqual(15.9);
      expect(x).toBeLessThanOrEqual(390 - 15.9);
      expect(y).toBeGreaterThanOrEqual(15.9);
      expect(y).toBeLessThanOrEqual(480 - 15.9);
    }
    expect(covers[0]).toBeLessThanOrEqual(west);
    expect(covers[3]).toBeGreaterThanOrEqual(north);
    const east900: [number, number] = [ORIGIN[0] + 900 / (111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180)), ORIGIN[1]];
    expect(haversineM(ORIGIN[0], ORIGIN[1], east900[0], east900[1])).toBeCloseTo(900, -1);
    const [x0, y0] = project(ORIGIN);
    const [x1, y1] = project(east900);
    expect(Math.hypot(x1 - x0, y1 - y0) / (900 * pxPerM)).toBeCloseTo(1, 2);
    // And the scene's 15-minute circle has that radius.
    const scene = liteScene(input(), 390, 480)!;
    const outer = scene.circleBands.find((b) => b.minutes === 15)!;
    expect(outer.r / Math.hypot(x1 - x0, y1 - y0)).toBeCloseTo(1, 2);
    expect(scene.circleBands.map((b) => b.minutes)).toEqual([15, 10, 5]);
  });

  it('draws nothing until there is something to frame, and dims a walk of another origin', () => {
    expect(liteScene(input({ dataset: null, circles: null }), 390, 480)).toBeNull();
    const fresh = liteScene(input({ walk }), 390, 480)!;
    const stale = liteScene(input({ walk, walkStale: true }), 390, 480)!;
    const area = (s: typeof fresh) => s.shapes.find((x) => x.fill === theme.bands[5])!;
    expect(fresh.hasWalkshed).toBe(true);
    expect(area(stale).fillOpacity).toBeCloseTo(area(fresh).fillOpacity! * 0.4);
    // Layers switched off are not drawn.
    const off = liteScene(input({ walk, layers: { ...allLayers, circles: false, facilities: false } }), 390, 480)!;
    expect(off.hasWalkshed).toBe(false);
    expect(off.circleBands).toEqual([]);
    expect(off.dots.some((d) => d.glyph)).toBe(false);
  });
});

describe('the still map base', () => {
  it('is the same array when a walk arrives in the same frame, and made again when the compound, a layer or the box changes', () => {
    const dataset = tinyDataset();
    const before = liteScene(input({ dataset }), 390, 480)!;
    const after = liteScene(input({ dataset, walk, hiddenCategories: ['clinic'] }), 390, 480)!;
    expect(before.base.length).toBeGreaterThan(0);
    expect(after.base).toBe(before.base);
    const other = liteScene(input({ dataset, compoundId: 'c-2' }), 390, 480)!;
    expect(other.base).not.toBe(before.base);
    expect(liteScene(input({ dataset, layers: { ...allLayers, network: false } }), 390, 480)!.base).not.toBe(other.base);
    const wider = liteScene(input({ dataset }), 420, 480)!;
    expect(wider.base).not.toBe(before.base);
    // Made again, it is the same picture.
    expect(liteScene(input({ dataset }), 390, 480)!.base).toEqual(before.base);
  });
});
