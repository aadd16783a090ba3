import { EARTH_RADIUS_M, type LonLat } from './geo';

/**
 * A regular grid of square cells, `cellM` metres on a side, in a local equirectangular
 * projection: x = R·cos(lat₀)·Δlon, y = R·Δlat around the grid's middle latitude lat₀.
 * At city scale (tens of km) the scale error of that projection stays below 0.1 %, far
 * less than a cell, so cells are treated as `cellM × cellM` squares everywhere.
 *
 * Grid coordinates: x grows east, y grows south, cell (col, row) spans [col, col + 1] ×
 * [row, row + 1] and its centre is (col + 0.5, row + 0.5). Values on the grid are stored
 * row-major from the north-west corner: index = row × cols + col (what d3-contour reads).
 */
export interface GridSpec {
  /** Longitude of the grid's west edge, degrees. */
  westLon: number;
  /** Latitude of the grid's north edge, degrees. */
  northLat: number;
  /** Side of a cell, metres. */
  cellM: number;
  /** Width of a cell in degrees of longitude (cellM at the projection latitude). */
  cellLonDeg: number;
  /** Height of a cell in degrees of latitude. */
  cellLatDeg: number;
  cols: number;
  rows: number;
}

const DEG_PER_RAD = 180 / Math.PI;

/** Degrees of latitude per metre (the same everywhere on the sphere). */
const LAT_DEG_PER_M = DEG_PER_RAD / EARTH_RADIUS_M;

/** Degrees of longitude per metre at `latDeg`. */
function lonDegPerM(latDeg: number): number {
  return LAT_DEG_PER_M / Math.cos(latDeg / DEG_PER_RAD);
}

/** A bounding box in degrees: [west, south, east, north]. */
export type BBoxLonLat = [west: number, south: number, east: number, north: number];

/**
 * The grid of `cellM` cells that covers `bbox` plus `marginM` on every side, projected
 * around the box's middle latitude. The margin keeps contours closed inside the grid.
 */
export function gridForBBox(bbox: BBoxLonLat, cellM: number, marginM = 0): GridSpec {
  const [west, south, east, north] = bbox;
  const midLat = (south + north) / 2;
  const cellLonDeg = cellM * lonDegPerM(midLat);
  const cellLatDeg = cellM * LAT_DEG_PER_M;
  const marginLonDeg = marginM * lonDegPerM(midLat);
  const marginLatDeg = marginM * LAT_DEG_PER_M;
  const westLon = west - marginLonDeg;
  const northLat = north + marginLatDeg;
  const cols = Math.max(1, Math.ceil((east + marginLonDeg - westLon) / cellLonDeg));
  const rows = Math.max(1, Math.ceil((northLat - (south - marginLatDeg)) / cellLatDeg));
  return { westLon, northLat, cellM, cellLonDeg, cellLatDeg, cols, rows };
}

/** Fractional grid x of a longitude (cell edges at integers). */
export function gridX(grid: GridSpec, lon: number): number {
  return (lon - grid.westLon) / grid.cellLonDeg;
}

/** Fractional grid y of a latitude (cell edges at integers, y grows south). */
export function gridY(grid: GridSpec, lat: number): number {
  return (grid.northLat - lat) / grid.cellLatDeg;
}

/** `[lon, lat]` of a point given in fractional grid coordinates. */
export function gridToLonLat(grid: GridSpec, x: number, y: number): LonLat {
  return [grid.westLon + x * grid.cellLonDeg, grid.northLat - y * grid.cellLatDeg];
}

/** `[lon, lat]` of the centre of cell (col, row). */
export function cellCentre(grid: GridSpec, col: number, row: number): LonLat {
  return gridToLonLat(grid, col + 0.5, row + 0.5);
}

/** Area of one cell, m². */
export function cellAreaM2(grid: GridSpec): number {
  return grid.cellM * grid.cellM;
}

/**
 * Where `sub` sits inside `parent`, in whole cells, when both share the cell size and the
 * projection (e.g. a walkshed window cut from a city grid by `subGrid`); null otherwise.
 */
export function gridOffset(parent: GridSpec, sub: GridSpec): { col0: number; row0: number } | null {
  const sameCells =
    Math.abs(parent.cellLonDeg - sub.cellLonDeg) <= 1e-9 * parent.cellLonDeg && Math.abs(parent.cellLatDeg - sub.cellLatDeg) <= 1e-9 * parent.cellLatDeg;
  if (!sameCells) return null;
  const x = gridX(parent, sub.westLon);
  const y = gridY(parent, sub.northLat);
  const col0 = Math.round(x);
  const row0 = Math.round(y);
  return Math.abs(x - col0) < 1e-6 && Math.abs(y - row0) < 1e-6 ? { col0, row0 } : null;
}

/**
 * The window of `parent` (same cells, same projection) that covers `bbox` plus `marginM`,
 * clipped to the parent. Values computed on it can be added into the parent cell for cell.
 */
export function subGrid(parent: GridSpec, bbox: BBoxLonLat, marginM = 0): GridSpec {
  const [west, south, east, north] = bbox;
  const marginCells = marginM / parent.cellM;
  const col0 = clamp(Math.floor(gridX(parent, west) - marginCells), 0, parent.cols - 1);
  const row0 = clamp(Math.floor(gridY(parent, north) - marginCells), 0, parent.rows - 1);
  const col1 = clamp(Math.ceil(gridX(parent, east) + marginCells), col0 + 1, parent.cols);
  const row1 = clamp(Math.ceil(gridY(parent, south) + marginCells), row0 + 1, parent.rows);
  return {
    ...parent,
    westLon: parent.westLon + col0 * parent.cellLonDeg,
    northLat: parent.northLat - row0 * parent.cellLatDeg,
    cols: col1 - col0,
    rows: row1 - row0,
  };
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
