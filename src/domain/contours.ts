import { contours } from 'd3-contour';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { GridSpec } from './gridSpec';

/**
 * Grid → GeoJSON polygons by marching squares (d3-contour), for any per-cell value: circle
 * coverage counts (threshold 0.5 = covered at least once) and walking travel times (5/10/15
 * minute bands). Output rings are closed, outer rings counter-clockwise and holes clockwise
 * (RFC 7946 §3.1.6), each hole inside the smallest outer ring that contains it.
 */

/** Per-cell values, row-major from the grid's north-west corner (see GridSpec). */
export type GridValues = Float32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array;

export interface ContourOptions {
  /**
   * Which side of a threshold is inside the polygon: `atOrAbove` (default) for counts,
   * `atOrBelow` for travel times, where unreached cells hold Infinity or NaN.
   */
  inside?: 'atOrAbove' | 'atOrBelow';
  /** Place boundaries by linear interpolation between cell centres (default true). */
  smooth?: boolean;
}

export interface ContourProps {
  /** The threshold this feature is the contour of, as given. */
  value: number;
}

/**
 * One MultiPolygon feature per threshold, in the order given; a threshold nothing reaches
 * gives an empty MultiPolygon (coordinates []), so features[i] always belongs to thresholds[i].
 */
export function gridContours(
  values: GridValues,
  grid: GridSpec,
  thresholds: readonly number[],
  options: ContourOptions = {},
): FeatureCollection<MultiPolygon, ContourProps> {
  const below = options.inside === 'atOrBelow';
  // d3-contour keeps cells with value >= threshold; negating turns "<= t" into ">= -t".
  const field = below ? negated(values) : values;
  const generator = contours()
    .size([grid.cols, grid.rows])
    .smooth(options.smooth ?? true);
  const features = thresholds.map((value): Feature<MultiPolygon, ContourProps> => {
    // d3-contour reads any indexable numeric array; its types only say number[].
    const raw = generator.contour(field as unknown as number[], below ? -value : value);
    return {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: toLonLatPolygons(raw.coordinates, grid) },
      properties: { value },
    };
  });
  return { type: 'FeatureCollection', features };
}

function negated(values: GridValues): Float32Array | Float64Array {
  const out = values instanceof Float64Array ? new Float64Array(values.length) : new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = -values[i]!;
  return out;
}

interface Ring {
  /** Grid coordinates as d3-contour returns them. */
  points: Position[];
  /** Shoelace area in grid coordinates (y down); its sign is the ring's orientation. */
  signedArea: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * d3-contour gives each hole to the first outer ring that contains it. That is the right
 * one only because of the order its row-by-row scan closes rings in (an island in a hole
 * closes before the polygon around it), which it does not promise; holes are reassigned
 * here to the smallest containing outer ring so nested islands stay right regardless,
 * then every ring is projected to [lon, lat].
 */
function toLonLatPolygons(polygons: Position[][][], grid: GridSpec): Position[][][] {
  const outers: Ring[] = [];
  const holes: Ring[] = [];
  for (const polygon of polygons) {
    polygon.forEach((points, i) => (i === 0 ? outers : holes).push(ringOf(points)));
  }
  const holesOf: Ring[][] = outers.map(() => []);
  for (const hole of holes) {
    const owner = outers.length === 1 ? 0 : smallestContaining(outers, hole);
    if (owner >= 0) holesOf[owner]!.push(hole);
  }
  return outers.map((outer, i) => [projectRing(outer, grid, 'ccw'), ...holesOf[i]!.map((hole) => projectRing(hole, grid, 'cw'))]);
}

function ringOf(points: Position[]): Ring {
  let signedArea = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [x, y] = points[i] as [number, number];
    const [xj, yj] = points[j] as [number, number];
    signedArea += xj * y - x * yj;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { points, signedArea: signedArea / 2, minX, minY, maxX, maxY };
}

function smallestContaining(outers: readonly Ring[], hole: Ring): number {
  const [px, py] = hole.points[0] as [number, number];
  let best = -1;
  let bestArea = Infinity;
  outers.forEach((outer, i) => {
    const area = Math.abs(outer.signedArea);
    if (area >= bestArea) return;
    if (outer.minX > hole.minX || outer.maxX < hole.maxX || outer.minY > hole.minY || outer.maxY < hole.maxY) return;
    if (!ringContains(outer.points, px, py)) return;
    best = i;
    bestArea = area;
  });
  return best;
}

/** Even-odd ray casting; contour rings never share vertices, so boundaries do not arise. */
function ringContains(points: Position[], px: number, py: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] as [number, number];
    const [xj, yj] = points[j] as [number, number];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Grid → [lon, lat], closing the ring if needed. Going from y-down grid coordinates to
 * north-up latitudes mirrors the ring, so a negative grid area means counter-clockwise on the map.
 */
function projectRing(ring: Ring, grid: GridSpec, orientation: 'ccw' | 'cw'): Position[] {
  const ccwOnMap = ring.signedArea < 0;
  const reverse = ccwOnMap !== (orientation === 'ccw');
  const { points } = ring;
  const n = points.length;
  const out: Position[] = new Array<Position>(n);
  for (let k = 0; k < n; k++) {
    const [x, y] = points[reverse ? n - 1 - k : k] as [number, number];
    out[k] = [grid.westLon + x * grid.cellLonDeg, grid.northLat - y * grid.cellLatDeg];
  }
  const first = out[0]!;
  const last = out[n - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0]!, first[1]!]);
  return out;
}
