import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Multipolygon assembly (https://wiki.openstreetmap.org/wiki/Relation:multipolygon/Algorithm):
 * member ways are joined end to end into closed rings by shared node ids, then rings are
 * nested by containment: a ring inside an even number of others is an outer, inside an odd
 * number a hole of the smallest ring around it. Roles are not trusted (they are often
 * wrong); geometry decides. Output follows RFC 7946: outers counter-clockwise, holes clockwise.
 */

export interface RingWay {
  /** Node ids, for joining. */
  refs: readonly number[];
  /** `[lon, lat]` of each node, same length as refs. */
  coords: readonly Position[];
}

export type Assembly = { ok: true; geometry: Polygon | MultiPolygon; rings: number; holes: number } | { ok: false; reason: string };

interface Ring {
  coords: Position[];
  /** Planar area in square degrees, absolute (only compared, never reported). */
  area: number;
  depth: number;
  holes: Ring[];
}

/** Twice the signed planar area (positive = counter-clockwise). */
function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
}

/** The ring in the asked winding (counter-clockwise for outers). */
export function oriented(ring: Position[], counterClockwise: boolean): Position[] {
  return signedArea2(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
}

function pointInRing(point: Position, ring: readonly Position[]): boolean {
  const [x, y] = point as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether ring `inner` lies inside `outer`, judged on a vertex of `inner` that `outer` does not share. */
function ringInside(inner: Ring, outer: Ring): boolean {
  const shared = new Set(outer.coords.map((p) => `${p[0]},${p[1]}`));
  const probe = inner.coords.find((p) => !shared.has(`${p[0]},${p[1]}`));
  if (!probe) return false;
  return pointInRing(probe, outer.coords);
}

/** Joins ways end to end into closed rings; null with the count of ways left open when some do not close. */
export function joinRings(ways: readonly RingWay[]): { rings: Position[][]; open: number } {
  const unused = ways.filter((w) => w.refs.length >= 2);
  const rings: Position[][] = [];
  let open = 0;
  while (unused.length > 0) {
    const first = unused.shift() as RingWay;
    const refs = [...first.refs];
    const coords = [...first.coords];
    let joined = 1;
    while (refs[0] !== refs[refs.length - 1]) {
      const end = refs[refs.length - 1];
      const index = unused.findIndex((w) => w.refs[0] === end || w.refs[w.refs.length - 1] === end);
      if (index < 0) break;
      const next = unused.splice(index, 1)[0] as RingWay;
      const forward = next.refs[0] === end;
      const nextRefs = forward ? next.refs : [...next.refs].reverse();
      const nextCoords = forward ? next.coords : [...next.coords].reverse();
      refs.push(...nextRefs.slice(1));
      coords.push(...nextCoords.slice(1));
      joined++;
    }
    if (refs[0] === refs[refs.length - 1] && refs.length >= 4) rings.push(coords);
    else open += joined;
  }
  return { rings, open };
}

/** Assembles the member ways of a multipolygon into a Polygon or MultiPolygon with its holes. */
export function assembleMultipolygon(ways: readonly RingWay[]): Assembly {
  if (ways.length === 0) return { ok: false, reason: 'no member ways' };
  const { rings: closed, open } = joinRings(ways);
  if (open > 0) return { ok: false, reason: `${open} member way(s) do not form closed rings` };
  const rings: Ring[] = closed
    .map((coords) => ({ coords, area: Math.abs(signedArea2(coords)), depth: 0, holes: [] as Ring[] }))
    .sort((a, b) => b.area - a.area);
  const outers: Ring[] = [];
  rings.forEach((ring, i) => {
    // The smallest larger ring around it decides its depth.
    let container: Ring | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const candidate = rings[j] as Ring;
      if (ringInside(ring, candidate)) {
        container = candidate;
        break;
      }
    }
    ring.depth = container ? container.depth + 1 : 0;
    if (ring.depth % 2 === 0) outers.push(ring);
    else container?.holes.push(ring);
  });
  if (outers.length === 0) return { ok: false, reason: 'no outer ring' };
  const polygons = outers.map((outer) => [oriented(outer.coords, true), ...outer.holes.map((h) => oriented(h.coords, false))]);
  const holes = outers.reduce((n, o) => n + o.holes.length, 0);
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polygons };
  return { ok: true, geometry, rings: rings.length, holes };
}
