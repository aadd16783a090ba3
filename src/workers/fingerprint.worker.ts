/// <reference lib="webworker" />
/**
 * Reads one Blob (a city's network.geojson) and answers its fingerprint, off the page
 * (data/fingerprint.ts `fingerprintOf`).
 */
import { textOf } from '../data/contents';
import { textFingerprint } from '../data/fingerprint';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<Blob>) => {
  textOf(event.data).then(
    (text) => self.postMessage({ fingerprint: textFingerprint(text) }),
    (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
};
