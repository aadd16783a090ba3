import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { theme } from './theme';
import { contextLayers, networkLayers } from './layers/basemap';
import { areaLabelLayers, boundaryLayers, buildingLayers, compoundLayers } from './layers/areas';
import { facilityLayers, gateLayers } from './layers/points';
import { circleLayers } from './layers/circles';
import { routeLayers, walkFillLayers, walkLineLayers } from './layers/walk';
import { SOURCES, type GroupedLayer, EMPTY_COLLECTION } from './layers/types';
import { OVERLAYS } from './overlays';
import { TILES_MAX_ZOOM, datasetTilesUrl } from './datasetTilesProtocol';

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

/**
 * The whole basemap comes from the dataset: no tiles, no sprite and no glyph server
 * (without `glyphs`, MapLibre draws text locally with the fonts in theme.fonts).
 */
export function baseStyle(): StyleSpecification {
  const sources: StyleSpecification['sources'] = Object.fromEntries(
    [...Object.values(SOURCES), ...OVERLAYS.flatMap((o) => o.sources)].map((id) => [id, { type: 'geojson' as const, data: EMPTY_COLLECTION, promoteId: 'id' }]),
  );
  // The streets and the compounds are vector tiles cut in a worker (datasetTiles.ts): a city's
  // network given as GeoJSON held the page for half a second while MapLibre cloned it, and its
  // compounds for about 90 ms. The compounds' feature states are keyed by their id.
  sources[SOURCES.network] = { type: 'vector', tiles: [datasetTilesUrl(0)], maxzoom: TILES_MAX_ZOOM };
  sources[SOURCES.compounds] = { type: 'vector', tiles: [datasetTilesUrl(0)], maxzoom: TILES_MAX_ZOOM, promoteId: 'id' };
  for (const overlay of OVERLAYS) Object.assign(sources, overlay.ownSources);
  const hidden = (layer: LayerSpecification) => ({ ...layer, layout: { ...layer.layout, visibility: 'none' } }) as LayerSpecification;
  return {
    version: 8,
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': theme.background } },
      ...ALL_LAYERS.map((l) => l.layer),
      ...OVERLAYS.flatMap((o) => (o.ownLayers ?? []).map(hidden)),
    ],
  };
}
