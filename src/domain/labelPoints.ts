import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, GeoJsonProperties, Geometry, Point } from 'geojson';

/**
 * One label point per area feature, always inside it (a centroid can fall outside an
 * L-shaped community). Properties are carried over.
 */
export function labelPoints<P extends GeoJsonProperties>(areas: FeatureCollection<Geometry, P>): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: areas.features.map((feature) => ({
      type: 'Feature',
      geometry: pointOnFeature(feature).geometry,
      properties: feature.properties,
    })),
  };
}
