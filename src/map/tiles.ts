import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { DatasetTiles } from './datasetTiles';
import { walkingSession } from '../workers/sessionClient';

/**
 * The page's one DatasetTiles: the streets' and compounds' tiles, cut in their own worker for
 * every map on the page (the streets once the walking session has answered). The map
 * controller serves them to MapLibre; the planner's overlay asks for compounds with its
 * colours baked in.
 */
export const datasetTiles = new DatasetTiles(undefined, () => walkingSession().settled());

/** Points a vector source of the map at the tiles of `url` (a datasetTiles URL), unless it shows them already. */
export function showTiles(map: MapLibreMap, sourceId: string, url: string): void {
  const source = map.getSource<VectorTileSource>(sourceId);
  if (source && source.tiles?.[0] !== url) source.setTiles([url]);
}
