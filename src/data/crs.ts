import gcoord from 'gcoord';
import type { Feature, Geometry, Position } from 'geojson';
import type { CrsId } from '../domain/dataset';

/**
 * GCJ-02 (AMap, Tencent, most government portals) and BD-09 (Baidu) are obfuscated
 * variants of WGS84, shifted by a few hundred metres in mainland China. Everything inside
 * the app is WGS84, so a dataset declared in either is converted on load, after validation.
 * gcoord leaves positions outside its China box unchanged, as those systems do.
 */

const FROM = { GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** Converts one `[lon, lat]` position to WGS84 in place (an altitude is kept). */
function convertPosition(position: Position, from: (typeof FROM)[keyof typeof FROM]): void {
  const [lon, lat] = gcoord.transform([position[0] as number, position[1] as number], from, gcoord.WGS84);
  position[0] = lon;
  position[1] = lat;
}

function eachPosition(geometry: Geometry, fn: (position: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      fn(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(fn);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) line.forEach(fn);
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(fn);
      return;
    case 'GeometryCollection':
      for (const member of geometry.geometries) eachPosition(member, fn);
  }
}

/** Converts every position of these features from `crs` to WGS84, in place. */
export function toWgs84InPlace(features: readonly Feature[], crs: CrsId): void {
  if (crs === 'WGS84') return;
  const from = FROM[crs];
  const convert = (position: Position) => convertPosition(position, from);
  for (const feature of features) if (feature.geometry) eachPosition(feature.geometry, convert);
}
