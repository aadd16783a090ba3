import { describePosition, describeValue } from './messages';

/**
 * Coordinate checks done by hand after zod has checked a geometry's outer shape: running
 * a zod schema over every position of a 100k-way network costs far more than this loop.
 */

export const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
] as const;
export type GeometryType = (typeof GEOMETRY_TYPES)[number];

/** The outer shape of a geometry as the feature schema lets it through. */
export interface RawGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: unknown;
}

const KNOWN_TYPES = new Set<string>(GEOMETRY_TYPES);

function typeList(allowed: readonly GeometryType[] | null): string {
  if (!allowed) return 'a geometry';
  return allowed.length === 1 ? `a ${allowed[0]}` : `a ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
}

/**
 * Why a geometry cannot be used, or null when it can. `allowed` null means any type.
 * Checks: present, allowed type, nesting, numeric and in-range `[lon, lat]` positions
 * (with a hint when they look swapped), lines of ≥ 2 positions, closed rings of ≥ 4.
 */
export function geometryProblem(geometry: RawGeometry | null | undefined, allowed: readonly GeometryType[] | null): string | null {
  if (geometry === null || geometry === undefined) {
    return `missing geometry: expected ${typeList(allowed)}, found ${geometry === null ? 'null' : 'none'}`;
  }
  const { type } = geometry;
  if (!KNOWN_TYPES.has(type)) {
    return `wrong geometry type: expected ${typeList(allowed)}, found ${describeValue(type)} (not a GeoJSON geometry type)`;
  }
  if (allowed && !allowed.includes(type as GeometryType)) {
    return `wrong geometry type: expected ${typeList(allowed)}, found a ${type}`;
  }
  if (type === 'GeometryCollection') return collectionProblem(geometry.geometries);
  const c = geometry.coordinates;
  if (!Array.isArray(c)) return `${type} coordinates: expected an array, found ${describeValue(c)}`;
  switch (type as Exclude<GeometryType, 'GeometryCollection'>) {
    case 'Point':
      return positionProblem(c);
    case 'MultiPoint':
      return c.length === 0 ? 'empty MultiPoint: expected at least one position' : positionsProblem(c);
    case 'LineString':
      return lineProblem(c, '');
    case 'MultiLineString':
      return partsProblem(c, 'line', lineProblem);
    case 'Polygon':
      return polygonProblem(c, '');
    case 'MultiPolygon':
      return partsProblem(c, 'polygon', polygonProblem);
  }
}

function collectionProblem(geometries: unknown): string | null {
  if (!Array.isArray(geometries) || geometries.length === 0) {
    return `GeometryCollection: expected a non-empty "geometries" array, found ${describeValue(geometries)}`;
  }
  for (let i = 0; i < geometries.length; i++) {
    const g: unknown = geometries[i];
    const problem =
      typeof g === 'object' && g !== null && typeof (g as RawGeometry).type === 'string'
        ? geometryProblem(g as RawGeometry, null)
        : `expected a geometry object, found ${describeValue(g)}`;
    if (problem) return `GeometryCollection member ${i}: ${problem}`;
  }
  return null;
}

type PartCheck = (part: unknown[], where: string) => string | null;

function partsProblem(parts: unknown[], noun: string, check: PartCheck): string | null {
  if (parts.length === 0) return `empty Multi${noun === 'line' ? 'LineString' : 'Polygon'}: expected at least one ${noun}`;
  for (let i = 0; i < parts.length; i++) {
    const part: unknown = parts[i];
    const where = `${noun} ${i}: `;
    if (!Array.isArray(part)) return `${where}expected an array, found ${describeValue(part)}`;
    const problem = check(part, where);
    if (problem) return problem;
  }
  return null;
}

function lineProblem(line: unknown[], where: string): string | null {
  if (line.length < 2) return `degenerate line: ${where}expected at least 2 positions, found ${line.length}`;
  return positionsProblem(line);
}

function polygonProblem(rings: unknown[], where: string): string | null {
  if (rings.length === 0) return `degenerate polygon: ${where}expected at least one ring, found none`;
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    const name = `${where}${r === 0 ? 'outer ring' : `hole ${r}`}`;
    if (!Array.isArray(ring)) return `degenerate polygon: ${name} is ${describeValue(ring)}, expected an array of positions`;
    if (ring.length < 4) {
      return `degenerate polygon: ${name} has ${ring.length} positions; a closed ring needs at least 4 (the last repeating the first)`;
    }
    const problem = positionsProblem(ring);
    if (problem) return problem;
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return `degenerate polygon: ${name} is not closed (first position ${describePosition(first)}, last ${describePosition(last)}); the last position must repeat the first`;
    }
  }
  return null;
}

function positionsProblem(positions: unknown[]): string | null {
  for (let i = 0; i < positions.length; i++) {
    const problem = positionProblem(positions[i]);
    if (problem) return problem;
  }
  return null;
}

/** A GeoJSON position is `[lon, lat]` (RFC 7946 §3.1.1), optionally with an altitude. */
export function positionProblem(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2) return `expected a position [lon, lat], found ${describePosition(p)}`;
  const lon: unknown = p[0];
  const lat: unknown = p[1];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return `coordinate ${describePosition(p)} is not a pair of numbers [lon, lat]`;
  }
  if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) return null;
  if (Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
    return `coordinate ${describePosition(p)} looks like [lat, lon]; GeoJSON is [lon, lat] (longitude first)`;
  }
  return `coordinate ${describePosition(p)} is out of range: expected longitude within ±180 and latitude within ±90`;
}
