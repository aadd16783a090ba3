import { area, circle, distance, featureCollection, union } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { addCellsWithin, circlesCoverage, countCovered, summarise, type CircleM } from '../../src/domain/coverage';
import type { LonLat } from '../../src/domain/geo';
import { cellCentre, gridForBBox, subGrid, type BBoxLonLat } from '../../src/domain/gridSpec';

const centre: LonLat = [119.33, 26.09];

/** A point `eastM` / `northM` metres from `from` (small offsets). */
function offset(from: LonLat, eastM: number, northM: number): LonLat {
  const latDegPerM = 180 / Math.PI / 6_371_008.8;
  return [from[0] + (eastM * latDegPerM) / Math.cos((from[1] * Math.PI) / 180), from[1] + northM * latDegPerM];
}

/** The box from `sw` to `ne`, [west, south, east, north]. */
function box(sw: LonLat, ne: LonLat): BBoxLonLat {
  return [sw[0], sw[1], ne[0], ne[1]];
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
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

describe('coverage of circles, rasterised', () => {
  it('covers πr² for one circle and marks exactly the cells whose centre is within r', () => {
    const cov = circlesCoverage([{ centre, radiusM: 500 }]);
    expect(cov.grid.cellM).toBe(20);
    expect(cov.coveredAreaM2 / (Math.PI * 500 ** 2)).toBeGreaterThan(0.98);
    expect(cov.coveredAreaM2 / (Math.PI * 500 ** 2)).toBeLessThan(1.02);
    let checked = 0;
    for (let row = 0; row < cov.grid.rows; row++) {
      for (let col = 0; col < cov.grid.cols; col++) {
        const dM = distance(centre, cellCentre(cov.grid, col, row), { units: 'meters' });
        if (Math.abs(dM - 500) < 1) continue; // projection vs haversine: undecidable at the rim
        expect(cov.counts[row * cov.grid.cols + col], `cell ${col},${row} at ${dM} m`).toBe(dM < 500 ? 1 : 0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2500);
  });

  it('keeps an empty margin so nothing touches the grid edge', () => {
    const { grid, counts } = circlesCoverage([{ centre, radiusM: 300 }], { cellM: 10 });
    for (let col = 0; col < grid.cols; col++) {
      expect(counts[col]).toBe(0);
      expect(counts[(grid.rows - 1) * grid.cols + col]).toBe(0);
    }
    for (let row = 0; row < grid.rows; row++) {
      expect(counts[row * grid.cols]).toBe(0);
      expect(counts[row * grid.cols + grid.cols - 1]).toBe(0);
    }
  });

  it('counts overlaps and measures the union of two circles (lens subtracted)', () => {
    const r = 400;
    const d = 400;
    const circles: CircleM[] = [
      { centre, radiusM: r },
      { centre: offset(centre, d, 0), radiusM: r },
    ];
    const cov = circlesCoverage(circles);
    const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
    const expected = 2 * Math.PI * r * r - lens;
    expect(cov.coveredAreaM2 / expected).toBeGreaterThan(0.98);
    expect(cov.coveredAreaM2 / expected).toBeLessThan(1.02);
    const twice = countCovered(cov.counts, 2) * 400;
    expect(twice / lens).toBeGreaterThan(0.95);
    expect(twice / lens).toBeLessThan(1.05);
    expect(Math.max(...cov.counts)).toBe(2);
  });

  it('agrees with turf.union of the same circles within 2 %', () => {
    const rnd = random(7);
    const circles: CircleM[] = Array.from({ length: 40 }, () => ({
      centre: offset(centre, (rnd() - 0.5) * 4000, (rnd() - 0.5) * 4000),
      radiusM: 150 + rnd() * 450,
    }));
    const ours = circlesCoverage(circles).coveredAreaM2;
    const merged = union(featureCollection(circles.map((c) => circle(c.centre, c.radiusM, { units: 'meters', steps: 128 }))));
    const theirs = area(merged!);
    expect(Math.abs(ours / theirs - 1)).toBeLessThan(0.02);
  });

  it('rasterises on a given grid, clipping circles that leave it', () => {
    const grid = gridForBBox(box(offset(centre, -200, -200), offset(centre, 200, 200)), 20);
    const cov = circlesCoverage([{ centre, radiusM: 1000 }], { grid });
    expect(cov.grid).toBe(grid);
    expect(cov.coveredCells).toBe(grid.cols * grid.rows);
  });

  it('is empty for no circles', () => {
    const cov = circlesCoverage([]);
    expect(cov.coveredCells).toBe(0);
    expect(cov.coveredAreaM2).toBe(0);
  });

  it('adds the cells a walking-distance grid reaches, on an aligned window only', () => {
    const cityGrid = gridForBBox(box(offset(centre, -1000, -1000), offset(centre, 1000, 1000)), 20);
    const cov = circlesCoverage([{ centre, radiusM: 200 }], { grid: cityGrid });
    const before = cov.coveredCells;
    const east = offset(centre, 600, 0);
    const window = subGrid(cov.grid, box(east, east), 60);
    const walkM = new Float32Array(window.cols * window.rows).fill(Infinity);
    walkM[0] = 10;
    walkM[1] = 50;
    walkM[2] = Number.NaN;
    expect(addCellsWithin(cov.counts, cov.grid, walkM, window, 40)).toBe(true);
    expect(summarise(cov.grid, cov.counts).coveredCells).toBe(before + 1);

    const misaligned = { ...window, westLon: window.westLon + window.cellLonDeg / 3 };
    expect(addCellsWithin(cov.counts, cov.grid, walkM, misaligned, 1e9)).toBe(false);
    const otherCells = gridForBBox(box(east, east), 25, 50);
    expect(addCellsWithin(cov.counts, cov.grid, new Float32Array(otherCells.cols * otherCells.rows), otherCells, 1e9)).toBe(false);
    expect(countCovered(cov.counts)).toBe(before + 1);
  });
});
