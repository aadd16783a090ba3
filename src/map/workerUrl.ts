import url from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

/** MapLibre's worker script, built as its own file (the content security policy allows no blob: workers). */
export const MAPLIBRE_WORKER_URL: string = url;

let prefetched = false;

/**
 * Asks the browser to fetch MapLibre's worker script (130 kB) while the map's own code is
 * still downloading and starting: on a slow phone link the map would otherwise ask for it
 * only once it is being built, and wait for it before it can draw anything.
 */
export function prefetchMapWorker(): void {
  if (prefetched || typeof document === 'undefined') return;
  prefetched = true;
  const link = document.createElement('link');
  link.rel = 'prefetch';
  link.href = MAPLIBRE_WORKER_URL;
  document.head.appendChild(link);
}
