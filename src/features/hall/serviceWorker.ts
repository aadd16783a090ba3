import { describeSource, sourceAllowed } from '../../data/dataOrigin';
import { isListed } from '../../data/manifestFiles';
import { urlListing } from '../../data/sources';
import { DATASET_FILES, EXTRA_FILES } from '../../domain/dataset';
import { DEFAULT_DATA } from '../../store/url';

/** The cache the service worker reads dataset files from when offline (vite.config.ts, runtimeCaching). */
export const DATA_CACHE = 'service-circles-data';

/**
 * Registers the service worker of the production build (app shell precached, dataset files
 * network-first) and, on the first visit, puts the dataset's files into its cache at once:
 * they were fetched before the worker existed, and a screen reloaded offline needs them.
 */
export async function registerHallServiceWorker(dataPath: string): Promise<void> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  try {
    const controlled = navigator.serviceWorker.controller !== null;
    await navigator.serviceWorker.register('./sw.js', { scope: './' });
    if (controlled) return;
    await navigator.serviceWorker.ready;
    const cache = await caches.open(DATA_CACHE);
    const prefix = dataPath.endsWith('/') ? dataPath : `${dataPath}/`;
    if (!(await sourceAllowed(describeSource(dataPath, window.location.href, DEFAULT_DATA)))) return;
    const listing = await urlListing(dataPath);
    await Promise.all(
      [...DATASET_FILES, ...EXTRA_FILES]
        .filter((file) => file === 'manifest.json' || isListed(listing, file))
        .map(async (file) => {
          const url = new URL(`${prefix}${file}`, window.location.href).toString();
          const response = await fetch(url, { cache: 'no-cache' });
          if (response.ok && !response.headers.get('content-type')?.includes('text/html')) await cache.put(url, response);
        }),
    );
  } catch (error) {
    console.warn('service worker:', (error as Error).message);
  }
}

/**
 * Puts a dataset the hall has just read from the server into the worker's cache, so a
 * reload while offline shows it rather than the copy cached on the first visit. Only
 * when a service worker controls the page (production builds).
 */
export async function cacheDataFiles(dataPath: string, files: ReadonlyMap<string, string>): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller || typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(DATA_CACHE);
    const prefix = dataPath.endsWith('/') ? dataPath : `${dataPath}/`;
    await Promise.all(
      [...files].map(([file, text]) =>
        cache.put(
          new URL(`${prefix}${file}`, window.location.href).toString(),
          new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
        ),
      ),
    );
  } catch (error) {
    console.warn('service worker cache:', (error as Error).message);
  }
}
