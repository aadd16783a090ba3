import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Areas (the compounds) in a few flat arrays and one string, for the map's tile worker:
 * MapLibre's own GeoJSON source walked a city's 5,000 compounds object by object on the page,
 * in one task of about 90 ms, before posting them to its worker; packing them here takes a
 * fraction of that and the arrays are moved whole (see packedNetwork.ts, which does the same
 * for the walking network's lines).
 */
export interface PackedAreas {
  /** Every vertex: longitude, latitude, in order. */
  coords: Float64Array;
  /** Per ring: the index of the vertex after its last. */
  ringEnds: Uint32Array;
  /** Per polygon: the index of the ring after its last. */
  polygonEnds: Uint32Array;
  /** Per area: the index of the polygon after its last. */
  areaEnds: Uint32Array;
  /** Per area: 1 for a MultiPolygon, 0 for a Polygon. */
  multi: Uint8Array;
  /** Each area's properties (all of them, or only `keys` of them), as a JSON array. */
  props: string;
}

export type Area = Feature<Polygon | MultiPolygon, object | null>;

const polygonsOf = (area: Area): Position[][][] => (area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates);

/**
 * The areas in flat arrays, with all their properties (`keys` null) or only `keys` of them (a
 * key an area lacks is left out), and `extra` properties by area id added to them.
 */
export function packAreas(areas: readonly Area[], keys: readonly string[] | null, extra?: ReadonlyMap<string, object>): PackedAreas {
  let polygonCount = 0;
  let ringCount = 0;
  let vertexCount = 0;
  for (const area of areas) {
    for (const polygon of polygonsOf(area)) {
      polygonCount++;
      ringCount += polygon.length;
      for (const ring of polygon) vertexCount += ring.length;
    }
  }
  const coords = new Float64Array(vertexCount * 2);
  const ringEnds = new Uint32Array(ringCount);
  const polygonEnds = new Uint32Array(polygonCount);
  const areaEnds = new Uint32Array(areas.length);
  const multi = new Uint8Array(areas.length);
  const props: Record<string, unknown>[] = new Array(areas.length);
  let vertex = 0;
  let ring = 0;
  let polygon = 0;
  areas.forEach((area, a) => {
    const all = (area.properties ?? {}) as Record<string, unknown>;
    let kept: Record<string, unknown> = all;
    if (keys) {
      kept = {};
      for (const key of keys) if (all[key] != null) kept[key] = all[key];
    }
    const added = extra && typeof all.id === 'string' ? extra.get(all.id) : undefined;
    props[a] = added ? { ...kept, ...added } : kept;
    multi[a] = area.geometry.type === 'MultiPolygon' ? 1 : 0;
    for (const rings of polygonsOf(area)) {
      for (const points of rings) {
        for (const point of points) {
          coords[vertex * 2] = point[0]!;
          coords[vertex * 2 + 1] = point[1]!;
          vertex++;
        }
        ringEnds[ring++] = vertex;
      }
      polygonEnds[polygon++] = ring;
    }
    areaEnds[a] = polygon;
  });
  return { coords, ringEnds, polygonEnds, areaEnds, multi, props: JSON.stringify(props) };
}

/** The areas again, as packAreas kept them (positions as [longitude, latitude]). */
export function unpackAreas(packed: PackedAreas): Area[] {
  const { coords, ringEnds, polygonEnds, areaEnds, multi } = packed;
  const props = JSON.parse(packed.props) as Record<string, unknown>[];
  const areas: Area[] = new Array(areaEnds.length);
  let vertex = 0;
  let ring = 0;
  let polygon = 0;
  for (let a = 0; a < areaEnds.length; a++) {
    const polygons: Position[][][] = [];
    for (; polygon < areaEnds[a]!; polygon++) {
      const rings: Position[][] = [];
      for (; ring < polygonEnds[polygon]!; ring++) {
        const points: Position[] = new Array(ringEnds[ring]! - vertex);
        for (let k = 0; vertex < ringEnds[ring]!; vertex++, k++) points[k] = [coords[vertex * 2]!, coords[vertex * 2 + 1]!];
        rings.push(points);
      }
      polygons.push(rings);
    }
    const geometry: Polygon | MultiPolygon = multi[a] ? { type: 'MultiPolygon', coordinates: polygons } : { type: 'Polygon', coordinates: polygons[0] ?? [] };
    areas[a] = { type: 'Feature', properties: props[a] ?? {}, geometry };
  }
  return areas;
}

/** The buffers of packed areas, to move them to another thread. */
export function areaBuffers(packed: PackedAreas): ArrayBuffer[] {
  return [packed.coords.buffer, packed.ringEnds.buffer, packed.polygonEnds.buffer, packed.areaEnds.buffer, packed.multi.buffer] as ArrayBuffer[];
}
