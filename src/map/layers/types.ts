import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSetterOptions } from 'maplibre-gl';
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

/**
 * Whether MapLibre checks the style, and each change to it, against the style spec. The check
 * of a filter or of an added layer serializes the whole style (66 layers), and showing a
 * dataset changes every layer's visibility, filters and labels: in CPU profiles of a city's
 * load, the checks and changes held the page's thread 69 to 152 ms, 26 to 41 ms without the
 * checks. The built app skips them; development keeps them (and Node, where nothing draws), and
 * a unit test (the base style) and an e2e test (the style each view leaves) check against the
 * spec instead.
 */
export const CHECK_STYLE = (import.meta.env as ImportMetaEnv | undefined)?.DEV ?? true;

/** Options for every style change (setPaintProperty, setLayoutProperty, setFilter): see CHECK_STYLE. */
export const STYLE_CHANGE: StyleSetterOptions = { validate: CHECK_STYLE };

/** No features: what a source shows when there is nothing to draw (shared, never changed). */
export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Label text in the chosen language, falling back to the Chinese name. */
export function labelField(lang: 'zh' | 'en'): ExpressionSpecification {
  return lang === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name'], ''] : ['coalesce', ['get', 'name'], ''];
}
