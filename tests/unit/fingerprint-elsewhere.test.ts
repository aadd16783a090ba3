import { describe, expect, it } from 'vitest';
import { FINGERPRINT_ELSEWHERE_FROM, fingerprintOf, textFingerprint } from '../../src/data/fingerprint';

/** A network-like text just over the size from which a Blob is fingerprinted off the page. */
const big = `\ufeff{"type":"FeatureCollection","features":[${'{"type":"Feature","properties":{"id":"w"},"geometry":null},'.repeat(FINGERPRINT_ELSEWHERE_FROM / 50)}null]}`;

describe("a file's fingerprint, off the page for a large Blob", () => {
  it('is fingerprinted elsewhere for a large Blob only, and gives what the page would', async () => {
    const asked: Blob[] = [];
    const elsewhere = (blob: Blob) => {
      asked.push(blob);
      return blob.text().then(textFingerprint);
    };
    const blob = new Blob([big]);
    // Read as `textOf` reads it: UTF-8, without the byte-order mark.
    const expected = textFingerprint(big.slice(1));
    expect(await fingerprintOf(blob, elsewhere)).toBe(expected);
    expect(asked).toEqual([blob]);
    expect(await fingerprintOf(new Blob(['{"small":true}']), elsewhere)).toBe(textFingerprint('{"small":true}'));
    expect(await fingerprintOf(big, elsewhere), 'a text is already on the page').toBe(textFingerprint(big));
    expect(asked).toHaveLength(1);
  });

  it('is fingerprinted on the page where there is no worker, or when the worker fails', async () => {
    const blob = new Blob([big]);
    const expected = textFingerprint(big.slice(1));
    expect(await fingerprintOf(blob, () => null)).toBe(expected);
    expect(await fingerprintOf(blob, () => Promise.reject(new Error('worker failed to start')))).toBe(expected);
  });

  it("the worker answers a Blob's fingerprint, or why it could not read it", async () => {
    const posted: unknown[] = [];
    const self = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (message: unknown) => posted.push(message) };
    (globalThis as { self?: unknown }).self = self;
    try {
      await import('../../src/workers/fingerprint.worker');
      self.onmessage!({ data: new Blob([big]) });
      const unreadable = { text: () => Promise.reject(new Error('the file changed on disk')) };
      self.onmessage!({ data: unreadable });
      await expect.poll(() => posted.length).toBe(2);
      expect(posted).toContainEqual({ fingerprint: textFingerprint(big.slice(1)) });
      expect(posted).toContainEqual({ error: 'the file changed on disk' });
    } finally {
      delete (globalThis as { self?: unknown }).self;
    }
  });
});
