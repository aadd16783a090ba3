import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from './geo';

/**
 * Which polygon (compound, grid cell, community) each point falls in, for many points and
 * many polygons: polygon parts go into a flatbush index of their bounding boxes, and their
 * rings into flat typed arrays prepared once, so a lookup is a bbox search plus an even-odd
 * ray cast over contiguous numbers. Works in whatever planar [x, y] the polygons are given
 * in ([lon, lat] here); holes and MultiPolygons are handled.
 */

export type AreaGeometry = Polygon | MultiPolygon;

export interface PolygonIndex {
  /** Number of polygons indexed (MultiPolygons count once). */
  polygonCount: number;
  /** Bounding boxes of the parts (a Polygon is one part; null when there are none). */
  tree: Flatbush | null;
  /** Part → index of the polygon it belongs to. */
  partPolygon: Int32Array;
  /** Rings of part p are rings partRings[p] … partRings[p + 1] - 1. */
  partRings: Uint32Array;
  /** Vertices of ring r are vertices ringVertices[r] … ringVertices[r + 1] - 1. */
  ringVertices: Uint32Array;
  /** Vertex coordinates, x and y interleaved. */
  xy: Float64Array;
}

/** Prepares polygons for repeated point lookups. Empty parts and rings are ignored. */
export function indexPolygons(polygons: readonly AreaGeometry[]): PolygonIndex {
  const parts: { polygon: number; rings: Position[][] }[] = [];
  polygons.forEach((geometry, polygon) => {
    const list = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of list) {
      const kept = rings.filter((ring) => ring.length >= 3);
      if (kept.length > 0) parts.push({ polygon, rings: kept });
    }
  });

  let ringCount = 0;
  let vertexCount = 0;
  for (const part of parts) {
    ringCount += part.rings.length;
    for (const ring of part.rings) vertexCount += ring.length;
  }
  const partPolygon = new Int32Array(parts.length);
  const partRings = new Uint32Array(parts.length + 1);
  const ringVertices = new Uint32Array(ringCount + 1);
  const xy = new Float64Array(vertexCount * 2);
  const tree = parts.length > 0 ? new Flatbush(parts.length) : null;

  let ring = 0;
  let vertex = 0;
  parts.forEach((part, p) => {
    partPolygon[p] = part.polygon;
    partRings[p] = ring;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const points of part.rings) {
      ringVertices[ring++] = vertex;
      for (const point of points) {
        const x = point[0]!;
        const y = point[1]!;
        xy[vertex * 2] = x;
        xy[vertex * 2 + 1] = y;
        vertex++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    tree!.add(minX, minY, maxX, maxY);
  });
  partRings[parts.length] = ring;
  ringVertices[ringCount] = vertex;
  tree?.finish();
  return { polygonCount: polygons.length, tree, partPolygon, partRings, ringVertices, xy };
}

/**
 * Even-odd ray cast over every ring of a part: a point in a hole crosses the outer ring and
 * the hole's ring, an even number. Points exactly on an edge may land on either side.
 */
function partContains(index: PolygonIndex, part: number, px: number, py: number): boolean {
  const { partRings, ringVertices, xy } = index;
  let inside = false;
  for (let r = partRings[part]!, rEnd = partRings[part + 1]!; r < rEnd; r++) {
    const start = ringVertices[r]!;
    const end = ringVertices[r + 1]!;
    let xj = xy[(end - 1) * 2]!;
    let yj = xy[(end - 1) * 2 + 1]!;
    for (let v = start; v < end; v++) {
      const xi = xy[v * 2]!;
      const yi = xy[v * 2 + 1]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      xj = xi;
      yj = yi;
    }
  }
  return inside;
}

/**
 * For each point, the index of the polygon containing it, or -1. Where polygons overlap,
 * the lowest index wins (the first match, as in input order).
 */
export function locatePoints(index: PolygonIndex, points: readonly LonLat[]): Int32Array {
  const out = new Int32Array(points.length).fill(-1);
  const { tree, partPolygon } = index;
  if (!tree) return out;
  let px = 0;
  let py = 0;
  let best = -1;
  // One filter for all searches: it records the best match itself and returns false so
  // flatbush never builds a result list.
  const visit = (part: number): boolean => {
    const polygon = partPolygon[part]!;
    if ((best < 0 || polygon < best) && partContains(index, part, px, py)) best = polygon;
    return false;
  };
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    px = point[0];
    py = point[1];
    best = -1;
    tree.search(px, py, px, py, visit);
    out[i] = best;
  }
  return out;
}

/** One-shot form of `indexPolygons` + `locatePoints`. */
export function pointsInPolygons(points: readonly LonLat[], polygons: readonly AreaGeometry[]): Int32Array {
  return locatePoints(indexPolygons(polygons), points);
}
