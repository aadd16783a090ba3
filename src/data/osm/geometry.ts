import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Bbox } from './collect';
import { inBbox } from './collect';
import type { OsmRelation, OsmWay } from './elements';
import { assembleMultipolygon, oriented, type Assembly, type RingWay } from './rings';

/** Turns kept ways and relations into GeoJSON geometry from the node positions read. */

/** Node positions by id (a CoordStore, or a Map in tests). */
export interface Coords {
  get(id: number): [number, number] | undefined;
}

/**
 * A way as a line. Nodes missing from the extract split it: the runs of two or more known
 * nodes are kept (a MultiLineString when there are several); null when none is left.
 */
export function wayLine(way: OsmWay, coords: Coords): LineString | MultiLineString | null {
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (const ref of way.refs) {
    const position = coords.get(ref);
    if (position) {
      run.push(position);
      continue;
    }
    if (run.length >= 2) runs.push(run);
    run = [];
  }
  if (run.length >= 2) runs.push(run);
  if (runs.length === 0) return null;
  return runs.length === 1 ? { type: 'LineString', coordinates: runs[0] as Position[] } : { type: 'MultiLineString', coordinates: runs };
}

/** A closed way as a polygon (counter-clockwise), or null when any of its nodes is missing. */
export function wayPolygon(way: OsmWay, coords: Coords): Polygon | null {
  const ring: Position[] = [];
  for (const ref of way.refs) {
    const position = coords.get(ref);
    if (!position) return null;
    ring.push(position);
  }
  return ring.length >= 4 ? { type: 'Polygon', coordinates: [oriented(ring, true)] } : null;
}

/** A multipolygon relation assembled from its member ways; fails when a member is missing. */
export function relationPolygon(relation: OsmRelation, ways: ReadonlyMap<number, OsmWay>, coords: Coords): Assembly {
  const members: RingWay[] = [];
  let missing = 0;
  for (const member of relation.members) {
    if (member.type !== 'way') continue;
    const way = ways.get(member.ref);
    const positions = way?.refs.map((ref) => coords.get(ref));
    if (!way || !positions || positions.some((p) => !p)) {
      missing++;
      continue;
    }
    members.push({ refs: way.refs, coords: positions as Position[] });
  }
  if (missing > 0) return { ok: false, reason: 'incomplete: member ways or nodes are outside the extract' };
  return assembleMultipolygon(members);
}

function positionsOf(geometry: LineString | MultiLineString | Polygon | MultiPolygon): Position[] {
  switch (geometry.type) {
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/** Whether any position of the geometry is inside the bbox (always true without one). */
export function touchesBbox(geometry: LineString | MultiLineString | Polygon | MultiPolygon, bbox: Bbox | undefined): boolean {
  return !bbox || positionsOf(geometry).some((p) => inBbox(bbox, p[0] as number, p[1] as number));
}
