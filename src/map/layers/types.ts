import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerGroup } from '../../store/uiSlice';

/** A MapLibre layer plus the layer group whose toggle shows or hides it. */
export interface GroupedLayer {
  group: LayerGroup;
  layer: LayerSpecification;
}

/** Source ids: one GeoJSON source per dataset file the map draws, plus derived ones. */
export const SOURCES = {
  context: 'context',
  network: 'network',
  compounds: 'compounds',
  grids: 'grids',
  gridLabels: 'grid-labels',
  buildings: 'buildings',
  gates: 'gates',
  facilities: 'facilities',
  circles: 'circles',
  walksheds: 'walksheds',
  reachedWays: 'reached-ways',
  route: 'route',
} as const;

/** No features: what a source shows when there is nothing to draw (shared, never changed). */
export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Label text in the chosen language, falling back to the Chinese name. */
export function labelField(lang: 'zh' | 'en'): ExpressionSpecification {
  return lang === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name'], ''] : ['coalesce', ['get', 'name'], ''];
}
