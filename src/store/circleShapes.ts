import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { straightLineCircles, type CircleBandProps } from '../domain/circles';
import type { WalkOrigin } from './selectionSlice';

const shapes = new WeakMap<WalkOrigin, FeatureCollection<Polygon | MultiPolygon, CircleBandProps>>();

/**
 * The straight-line circles of a walking origin, as the map draws them (one union per band),
 * made once per origin. Only the map asks for them, so the polygon union (polyclip and its
 * exact arithmetic) loads with the map, not before a shared link's first answer.
 */
export function circleShapes(origin: WalkOrigin): FeatureCollection<Polygon | MultiPolygon, CircleBandProps> {
  let found = shapes.get(origin);
  if (!found) shapes.set(origin, (found = straightLineCircles(origin.origins.points, origin.speedMPerMin, origin.bandMinutes)));
  return found;
}
