import { nearestPointOnLine, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from '../geo';

/**
 * Where a new gate goes: a gate is an opening in a compound's outline, so a clicked point
 * is moved to the nearest point of the outline (of any ring of any part).
 */
export function gateOnOutline(outline: Polygon | MultiPolygon, clicked: LonLat): LonLat {
  const lines = polygonToLine(outline) as Feature<LineString | MultiLineString> | { features: Feature<LineString | MultiLineString>[] };
  const parts = 'features' in lines ? lines.features : [lines];
  let best: { point: LonLat; distance: number } | null = null;
  for (const part of parts) {
    const near = nearestPointOnLine(part, clicked, { units: 'meters' });
    const distance = near.properties.dist ?? Infinity;
    if (!best || distance < best.distance) best = { point: near.geometry.coordinates as LonLat, distance };
  }
  return best?.point ?? clicked;
}
