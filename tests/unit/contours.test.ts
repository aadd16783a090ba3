import { area, booleanClockwise, booleanPointInPolygon, centerOfMass, distance, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gridContours } from '../../src/domain/contours';
import { circlesCoverage } from '../../src/domain/coverage';
import type { LonLat } from '../../src/domain/geo';
import { cellCentre, gridForBBox, type GridSpec } from '../../src/domain/gridSpec';

const centre: LonLat = [119.33, 26.09];

/** A cols × rows grid of 20 m cells whose north-west corner is near `centre`. */
function smallGrid(cols: number, rows: number): GridSpec {
  return { ...gridForBBox([centre[0], centre[1], centre[0], centre[1]], 20), cols, rows };
}

/** Closed rings, outer counter-clockwise, holes clockwise and inside their outer ring. */
function expectWellFormed(geometry: MultiPolygon): void {
  for (const rings of geometry.coordinates) {
    rings.forEach((ring, i) => {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(booleanClockwise(ring), i === 0 ? 'outer ring must be CCW' : 'hole must be CW').toBe(i > 0);
      if (i > 0) {
        const outer = polygon([rings[0]!]);
        for (const vertex of ring) expect(booleanPointInPolygon(vertex, outer)).toBe(true);
      }
    });
  }
}

/** Every cell centre is inside the contour exactly when its value passes the threshold. */
function expectCellsClassified(values: ArrayLike<number>, grid: GridSpec, feature: Feature<MultiPolygon>, inside: (v: number) => boolean) {
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const value = values[row * grid.cols + col]!;
      const found = booleanPointInPolygon(cellCentre(grid, col, row), feature);
      expect(found, `cell ${col},${row} (value ${value})`).toBe(inside(value));
    }
  }
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('grid contours', () => {
  it("draws one circle's coverage as a disc of area πr² centred on the centre", () => {
    const cov = circlesCoverage([{ centre, radiusM: 500 }]);
    const fc = gridContours(cov.counts, cov.grid, [0.5]);
    expect(fc.features).toHaveLength(1);
    const disc = fc.features[0]!;
    expect(disc.properties.value).toBe(0.5);
    expect(disc.geometry.coordinates).toHaveLength(1);
    expect(disc.geometry.coordinates[0]).toHaveLength(1);
    expectWellFormed(disc.geometry);
    expect(Math.abs(area(disc) / (Math.PI * 500 ** 2) - 1)).toBeLessThan(0.02);
    expect(distance(centerOfMass(disc), centre, { units: 'meters' })).toBeLessThan(5);
    expect(booleanPointInPolygon(centre, disc)).toBe(true);
  });

  it('places a single cell where its centre is, half a cell each way', () => {
    const grid = smallGrid(5, 4);
    const values = new Uint8Array(20);
    values[2 * 5 + 3] = 1; // col 3, row 2
    const cell = gridContours(values, grid, [0.5], { smooth: false }).features[0]!;
    const ring = cell.geometry.coordinates[0]![0]!;
    const lons = ring.map((p: Position) => p[0]!);
    const lats = ring.map((p: Position) => p[1]!);
    expect(Math.min(...lons)).toBeCloseTo(grid.westLon + 3 * grid.cellLonDeg, 12);
    expect(Math.max(...lons)).toBeCloseTo(grid.westLon + 4 * grid.cellLonDeg, 12);
    expect(Math.max(...lats)).toBeCloseTo(grid.northLat - 2 * grid.cellLatDeg, 12);
    expect(Math.min(...lats)).toBeCloseTo(grid.northLat - 3 * grid.cellLatDeg, 12);
    expect(booleanPointInPolygon(cellCentre(grid, 3, 2), cell)).toBe(true);
  });

  it('keeps holes, and gives each hole to the smallest ring around it (nested islands)', () => {
    // A frame, a moat, an island with a pond, and a rock in the pond: 3 polygons, 2 holes.
    const n = 13;
    const grid = smallGrid(n, n);
    const values = new Uint8Array(n * n);
    const square = (lo: number, hi: number, v: number) => {
      for (let r = lo; r <= hi; r++) for (let c = lo; c <= hi; c++) values[r * n + c] = v;
    };
    square(1, 11, 1);
    square(2, 10, 0);
    square(3, 9, 1);
    square(4, 8, 0);
    square(6, 6, 1);
    const fc = gridContours(values, grid, [0.5]);
    const geometry = fc.features[0]!.geometry;
    expect(geometry.coordinates).toHaveLength(3);
    expect(geometry.coordinates.map((rings) => rings.length).sort()).toEqual([1, 2, 2]);
    expectWellFormed(geometry);
    expectCellsClassified(values, grid, fc.features[0]!, (v) => v >= 0.5);
  });

  it('classifies every cell of random grids correctly', () => {
    const rnd = random(42);
    for (let trial = 0; trial < 5; trial++) {
      const grid = smallGrid(24, 18);
      const values = new Uint8Array(grid.cols * grid.rows);
      for (let i = 0; i < values.length; i++) values[i] = rnd() < 0.45 ? 1 : 0;
      const fc = gridContours(values, grid, [0.5]);
      expectWellFormed(fc.features[0]!.geometry);
      expectCellsClassified(values, grid, fc.features[0]!, (v) => v === 1);
    }
  });

  it('contours travel times at or below each threshold, with unreached cells outside', () => {
    const grid = smallGrid(61, 61);
    const minutes = new Float32Array(grid.cols * grid.rows);
    for (let row = 0; row < grid.rows; row++) {
      for (let col = 0; col < grid.cols; col++) {
        // 1 minute per cell (20 m) from the middle cell; the east half is across a river.
        const dCells = Math.hypot(col - 30, row - 30);
        minutes[row * grid.cols + col] = col > 45 ? Infinity : col === 45 ? Number.NaN : dCells;
      }
    }
    const fc = gridContours(minutes, grid, [5, 10, 20, 100], { inside: 'atOrBelow' });
    expect(fc.features.map((f) => f.properties.value)).toEqual([5, 10, 20, 100]);
    for (const f of fc.features) expectWellFormed(f.geometry);
    const [five, ten, twenty] = fc.features;
    // radius 5 and 10 cells of 20 m: full discs
    expect(Math.abs(area(five!) / (Math.PI * 100 ** 2) - 1)).toBeLessThan(0.03);
    expect(Math.abs(area(ten!) / (Math.PI * 200 ** 2) - 1)).toBeLessThan(0.03);
    // 20 cells reaches the river at col 45 and stops there
    expect(area(twenty!)).toBeLessThan(Math.PI * 400 ** 2 * 0.97);
    expectCellsClassified(minutes, grid, fc.features[3]!, (v) => v <= 100);
    expect(booleanPointInPolygon(cellCentre(grid, 30, 30), five!)).toBe(true);
    expect(booleanPointInPolygon(cellCentre(grid, 50, 30), fc.features[3]!)).toBe(false);
  });

  it('gives an empty MultiPolygon for a threshold nothing reaches', () => {
    const grid = smallGrid(4, 4);
    const fc = gridContours(new Float64Array(16), grid, [0.5, -1]);
    expect(fc.features[0]!.geometry.coordinates).toEqual([]);
    expect(fc.features[1]!.geometry.coordinates).toHaveLength(1);
  });
});
