import { EARTH_RADIUS_M, type LonLat } from './geo';
import { cellAreaM2, gridForBBox, gridOffset, gridX, gridY, type BBoxLonLat, type GridSpec } from './gridSpec';

/**
 * Coverage of many circles (volunteers, facility sets) by rasterising, never by a polygon
 * union (DESIGN.md "Coverage of many circles"): every circle adds 1 to the cells whose
 * centre lies within its radius, one scanline per row. The grid is a local equirectangular
 * projection around the data's middle latitude (see gridSpec.ts), fine at city scale.
 */

/** Cell side used unless told otherwise, metres (DESIGN.md: walksheds on ~20 m cells). */
export const DEFAULT_CELL_M = 20;

/** Counts saturate here instead of wrapping (Uint16Array). */
const MAX_COUNT = 0xffff;

/** Empty cells kept around the data so contours close inside the grid. */
const MARGIN_CELLS = 2;

export interface CircleM {
  centre: LonLat;
  /** Straight-line radius, metres. */
  radiusM: number;
}

export interface Coverage {
  grid: GridSpec;
  /** Per cell, row-major from the north-west: how many circles cover the cell's centre. */
  counts: Uint16Array;
  /** Cells covered at least once. */
  coveredCells: number;
  /** coveredCells × cell area, m². */
  coveredAreaM2: number;
}

export interface CoverageOptions {
  /** Cell side, metres; ignored when `grid` is given. Default 20. */
  cellM?: number;
  /** Rasterise on this grid (e.g. the city grid shared with walksheds) instead of a fitted one. */
  grid?: GridSpec;
}

/** The covered cells and area of one or more circles; circles may overlap any number of times. */
export function circlesCoverage(circles: readonly CircleM[], options: CoverageOptions = {}): Coverage {
  const cellM = options.cellM ?? DEFAULT_CELL_M;
  const grid = options.grid ?? gridForBBox(circlesBBox(circles), cellM, MARGIN_CELLS * cellM);
  const counts = new Uint16Array(grid.cols * grid.rows);
  for (const circle of circles) addCircle(counts, grid, circle);
  return summarise(grid, counts);
}

/** Adds 1 to every cell of `grid` whose centre lies within the circle. */
export function addCircle(counts: Uint16Array, grid: GridSpec, circle: CircleM): void {
  const { cols, rows } = grid;
  const cx = gridX(grid, circle.centre[0]);
  const cy = gridY(grid, circle.centre[1]);
  const r = circle.radiusM / grid.cellM;
  const r2 = r * r;
  // Rows whose centre (row + 0.5) lies within [cy - r, cy + r].
  const row0 = Math.max(0, Math.ceil(cy - r - 0.5));
  const row1 = Math.min(rows - 1, Math.floor(cy + r - 0.5));
  for (let row = row0; row <= row1; row++) {
    const dy = row + 0.5 - cy;
    const half = Math.sqrt(r2 - dy * dy);
    const col0 = Math.max(0, Math.ceil(cx - half - 0.5));
    const col1 = Math.min(cols - 1, Math.floor(cx + half - 0.5));
    const base = row * cols;
    for (let i = base + col0, end = base + col1; i <= end; i++) {
      const c = counts[i]!;
      if (c < MAX_COUNT) counts[i] = c + 1;
    }
  }
}

/**
 * Adds 1 to every cell reached within `maxWalkM` on foot, from a per-cell walking-distance
 * grid (metres; Infinity or NaN where unreached) computed on `walkGrid`, which must be a
 * window of `grid` (same cells and projection, see `subGrid`). Returns false, changing
 * nothing, when it is not. This is how network walksheds join circle coverage.
 */
export function addCellsWithin(counts: Uint16Array, grid: GridSpec, cellWalkM: Float32Array | Float64Array, walkGrid: GridSpec, maxWalkM: number): boolean {
  const offset = gridOffset(grid, walkGrid);
  if (!offset) return false;
  const { col0, row0 } = offset;
  const colStart = Math.max(0, -col0);
  const colEnd = Math.min(walkGrid.cols, grid.cols - col0);
  const rowStart = Math.max(0, -row0);
  const rowEnd = Math.min(walkGrid.rows, grid.rows - row0);
  for (let row = rowStart; row < rowEnd; row++) {
    const src = row * walkGrid.cols;
    const dst = (row + row0) * grid.cols + col0;
    for (let col = colStart; col < colEnd; col++) {
      // `<=` is false for NaN, so unreached cells stay untouched.
      if (cellWalkM[src + col]! <= maxWalkM) {
        const c = counts[dst + col]!;
        if (c < MAX_COUNT) counts[dst + col] = c + 1;
      }
    }
  }
  return true;
}

/** Cells covered at least `minCount` times (2 = "two volunteers within reach"). */
export function countCovered(counts: Uint16Array, minCount = 1): number {
  let covered = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= minCount) covered++;
  return covered;
}

/** Recounts a coverage after `addCircle` / `addCellsWithin` changed its counts. */
export function summarise(grid: GridSpec, counts: Uint16Array): Coverage {
  const coveredCells = countCovered(counts);
  return { grid, counts, coveredCells, coveredAreaM2: coveredCells * cellAreaM2(grid) };
}

/** Bounding box of the circles' discs (degrees); a point box at [0, 0] when there are none. */
export function circlesBBox(circles: readonly CircleM[]): BBoxLonLat {
  if (circles.length === 0) return [0, 0, 0, 0];
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const { centre, radiusM } of circles) {
    const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
    const dLon = dLat / Math.cos((centre[1] * Math.PI) / 180);
    west = Math.min(west, centre[0] - dLon);
    east = Math.max(east, centre[0] + dLon);
    south = Math.min(south, centre[1] - dLat);
    north = Math.max(north, centre[1] + dLat);
  }
  return [west, south, east, north];
}
