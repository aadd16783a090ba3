import type { Map as MapLibreMap, MapSourceDataEvent, VectorTileSource } from 'maplibre-gl';
import { DatasetTiles } from './datasetTiles';
import { walkingSession } from '../workers/sessionClient';

/**
 * The page's one DatasetTiles: the streets' and compounds' tiles, cut in their own worker for
 * every map on the page (the streets once the walking session has answered). The map
 * controller serves them to MapLibre; the planner's overlay asks for compounds with its
 * colours baked in.
 */
export const datasetTiles = new DatasetTiles(
  undefined,
  () => walkingSession().settled(),
  (network, port) => walkingSession().sendStreets(network, port),
);

/** Per source, the tiles it is waiting to show (see showTiles). */
const queued = new WeakMap<VectorTileSource, string>();

/**
 * Points a vector source of the map at the tiles of `url` (a datasetTiles URL), unless it
 * shows them already. While some of the source's tiles are still loading, it waits until they
 * are in: MapLibre re-reads a tile that was loading when its source's tiles changed from the
 * data it had loaded, not from the new URL (maplibre-gl-js#6251), so those tiles would keep the
 * old data (the planner's colours were missing from some of them). Only the latest URL asked
 * for while waiting is given.
 */
export function showTiles(map: MapLibreMap, sourceId: string, url: string): void {
  const source = map.getSource<VectorTileSource>(sourceId);
  if (!source) return;
  const waiting = queued.has(source);
  if (!waiting && source.tiles?.[0] === url) return;
  queued.set(source, url);
  if (waiting) return;
  const show = (): boolean => {
    if (map.getSource(sourceId) !== source) return true;
    if (!map.isSourceLoaded(sourceId)) return false;
    const latest = queued.get(source)!;
    queued.delete(source);
    if (source.tiles?.[0] !== latest) source.setTiles([latest]);
    return true;
  };
  if (show()) return;
  const check = (event?: MapSourceDataEvent) => {
    if (event && event.sourceId !== sourceId) return;
    if (!show()) return;
    map.off('sourcedata', check);
    map.off('idle', idle);
  };
  const idle = () => check();
  map.on('sourcedata', check);
  // A tile that fails fires no sourcedata; the map still goes idle once nothing loads.
  map.on('idle', idle);
}
