import { askOnce } from '../workers/askOnce';
import { textOf, type FileContents } from './contents';

/**
 * A fingerprint of a file's text: two independent 32-bit FNV-1a lanes over its UTF-16 code
 * units, and its length. The same text read by Node (the `analyze` CLI) and by a browser
 * (fetch().text()) gives the same value, so a shipped report can say which files it was
 * computed from, and a reader can tell a stale or foreign report from a current one.
 * Not a cryptographic hash: it guards against mistakes, not against forgery.
 */
export function textFingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ (c + 0x9e37), 0x01000193);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `fnv1a64:${hex(a)}${hex(b)}:${text.length}`;
}

/** From this size on, a Blob is read and fingerprinted off the page (a city's network: 18 MB). */
export const FINGERPRINT_ELSEWHERE_FROM = 1_000_000;

/** Reads and fingerprints a Blob on another thread; null where there is none. */
export type FingerprintElsewhere = (blob: Blob) => Promise<string> | null;

/** A worker of its own, for one Blob: started only for a large file, and gone once it has answered. */
const inWorker: FingerprintElsewhere = (blob) => {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('../workers/fingerprint.worker.ts', import.meta.url), { type: 'module', name: 'fingerprint' });
  return askOnce<{ fingerprint: string }>(worker, blob, 'fingerprint').then((reply) => reply.fingerprint);
};

/**
 * The fingerprint of a file as read (its text as `textOf` gives it). A large Blob is read and
 * fingerprinted `elsewhere`: on the page, decoding and walking a city's network is a task of
 * about 100 ms on a desktop and several times that on a phone, which a shared link's first
 * answer would otherwise pay when the network arrives.
 */
export async function fingerprintOf(contents: FileContents, elsewhere: FingerprintElsewhere = inWorker): Promise<string> {
  if (typeof contents !== 'string' && contents.size >= FINGERPRINT_ELSEWHERE_FROM) {
    const there = elsewhere(contents);
    // A worker that failed to start or to read leaves the page to do it.
    if (there) return there.catch(async () => textFingerprint(await textOf(contents)));
  }
  return textFingerprint(await textOf(contents));
}
