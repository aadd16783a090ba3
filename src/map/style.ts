import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { theme } from './theme';
import { contextLayers, networkLayers } from './layers/basemap';
import { areaLabelLayers, boundaryLayers, buildingLayers, compoundLayers } from './layers/areas';
import { facilityLayers, gateLayers } from './layers/points';
import { circleLayers } from './layers/circles';
import { routeLayers, walkFillLayers, walkLineLayers } from './layers/walk';
import { SOURCES, type GroupedLayer } from './layers/types';
import { OVERLAYS } from './overlays';

/** Bottom to top. */
export const ALL_LAYERS: GroupedLayer[] = [
  ...contextLayers,
  ...compoundLayers,
  ...buildingLayers,
  ...networkLayers,
  ...walkFillLayers,
  ...walkLineLayers,
  ...boundaryLayers,
  ...circleLayers.filter((l) => l.layer.type === 'fill'),
  ...areaLabelLayers,
  ...gateLayers,
  ...circleLayers.filter((l) => l.layer.type !== 'fill'),
  ...OVERLAYS.flatMap((o) => o.layers),
  ...routeLayers,
  ...facilityLayers,
];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The whole basemap comes from the dataset: no tiles, no sprite and no glyph server
 * (without `glyphs`, MapLibre draws text locally with the fonts in theme.fonts).
 */
export function baseStyle(): StyleSpecification {
  const sources = Object.fromEntries(
    [...Object.values(SOURCES), ...OVERLAYS.flatMap((o) => o.sources)].map((id) => [id, { type: 'geojson' as const, data: EMPTY, promoteId: 'id' }]),
  );
  return {
    version: 8,
    sources,
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': theme.background } }, ...ALL_LAYERS.map((l) => l.layer)],
  };
}
