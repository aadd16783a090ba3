import { foundPhrase, phrase, type Phrase } from '../domain/problemText';
import { positionPhrase } from './messages';

/**
 * Coordinate checks done by hand after zod has checked a geometry's outer shape: running
 * a zod schema over every position of a 100k-way network costs far more than this loop.
 */

export const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'] as const;
export type GeometryType = (typeof GEOMETRY_TYPES)[number];

/** The outer shape of a geometry as the feature schema lets it through. */
export interface RawGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: unknown;
}

const KNOWN_TYPES = new Set<string>(GEOMETRY_TYPES);

function typeList(allowed: readonly GeometryType[] | null): Phrase {
  if (!allowed) return phrase('expect.geometry');
  if (allowed.length === 1) return phrase('expect.geometryType', { type: allowed[0] as string });
  return phrase('expect.geometryTypes', { types: allowed.slice(0, -1).join(', '), last: allowed.at(-1) as string });
}

/**
 * Why a geometry cannot be used (a phrase: code and parameters), or null when it can.
 * `allowed` null means any type. Checks: present, allowed type, nesting, numeric and
 * in-range `[lon, lat]` positions (with a hint when they look swapped), lines of ≥ 2
 * positions, closed rings of ≥ 4.
 */
export function geometryProblem(geometry: RawGeometry | null | undefined, allowed: readonly GeometryType[] | null): Phrase | null {
  if (geometry === null || geometry === undefined) {
    return phrase('geometry.missing', {
      expected: typeList(allowed),
      found: geometry === null ? phrase('found.value', { value: 'null' }) : phrase('found.none'),
    });
  }
  const { type } = geometry;
  if (!KNOWN_TYPES.has(type)) return phrase('geometry.unknownType', { expected: typeList(allowed), found: foundPhrase(type) });
  if (allowed && !allowed.includes(type as GeometryType)) return phrase('geometry.wrongType', { expected: typeList(allowed), type });
  if (type === 'GeometryCollection') return collectionProblem(geometry.geometries);
  const c = geometry.coordinates;
  if (!Array.isArray(c)) return phrase('geometry.coordinatesNotArray', { type, found: foundPhrase(c) });
  switch (type as Exclude<GeometryType, 'GeometryCollection'>) {
    case 'Point':
      return positionProblem(c);
    case 'MultiPoint':
      return c.length === 0 ? phrase('geometry.emptyMultiPoint') : positionsProblem(c);
    case 'LineString':
      return lineProblem(c, WHOLE);
    case 'MultiLineString':
      return partsProblem(c, 'line', lineProblem);
    case 'Polygon':
      return polygonProblem(c, WHOLE);
    case 'MultiPolygon':
      return partsProblem(c, 'polygon', polygonProblem);
  }
}

/** The part of a geometry a problem is in: the whole of it, or line/polygon n of a Multi… */
const WHOLE = phrase('part.whole');

function collectionProblem(geometries: unknown): Phrase | null {
  if (!Array.isArray(geometries) || geometries.length === 0) return phrase('geometry.emptyCollection', { found: foundPhrase(geometries) });
  for (let i = 0; i < geometries.length; i++) {
    const g: unknown = geometries[i];
    const problem =
      typeof g === 'object' && g !== null && typeof (g as RawGeometry).type === 'string'
        ? geometryProblem(g as RawGeometry, null)
        : phrase('geometry.notGeometry', { found: foundPhrase(g) });
    if (problem) return phrase('geometry.collectionMember', { member: i, problem });
  }
  return null;
}

type PartCheck = (part: unknown[], where: Phrase) => Phrase | null;

function partsProblem(parts: unknown[], noun: 'line' | 'polygon', check: PartCheck): Phrase | null {
  if (parts.length === 0) return phrase(noun === 'line' ? 'geometry.emptyMultiLineString' : 'geometry.emptyMultiPolygon');
  for (let i = 0; i < parts.length; i++) {
    const part: unknown = parts[i];
    const where = phrase(noun === 'line' ? 'part.line' : 'part.polygon', { n: i });
    if (!Array.isArray(part)) return phrase('geometry.partNotArray', { part: where, found: foundPhrase(part) });
    const problem = check(part, where);
    if (problem) return problem;
  }
  return null;
}

function lineProblem(line: unknown[], where: Phrase): Phrase | null {
  if (line.length < 2) return phrase('geometry.shortLine', { part: where, count: line.length });
  return positionsProblem(line);
}

function polygonProblem(rings: unknown[], where: Phrase): Phrase | null {
  if (rings.length === 0) return phrase('geometry.noRing', { part: where });
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    const name = r === 0 ? phrase('ring.outer', { part: where }) : phrase('ring.hole', { part: where, n: r });
    if (!Array.isArray(ring)) return phrase('geometry.ringNotArray', { ring: name, found: foundPhrase(ring) });
    if (ring.length < 4) return phrase('geometry.shortRing', { ring: name, count: ring.length });
    const problem = positionsProblem(ring);
    if (problem) return problem;
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return phrase('geometry.openRing', { ring: name, first: positionPhrase(first), last: positionPhrase(last) });
    }
  }
  return null;
}

function positionsProblem(positions: unknown[]): Phrase | null {
  for (let i = 0; i < positions.length; i++) {
    const problem = positionProblem(positions[i]);
    if (problem) return problem;
  }
  return null;
}

/** A GeoJSON position is `[lon, lat]` (RFC 7946 §3.1.1), optionally with an altitude. */
export function positionProblem(p: unknown): Phrase | null {
  if (!Array.isArray(p) || p.length < 2) return phrase('geometry.notPosition', { found: positionPhrase(p) });
  const lon: unknown = p[0];
  const lat: unknown = p[1];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return phrase('geometry.notNumbers', { position: positionPhrase(p) });
  }
  if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) return null;
  if (Math.abs(lat) <= 180 && Math.abs(lon) <= 90) return phrase('geometry.swapped', { position: positionPhrase(p) });
  return phrase('geometry.outOfRange', { position: positionPhrase(p) });
}
