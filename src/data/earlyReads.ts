/**
 * Reads that public/early.js started before the app's code arrived (a shared compound link on
 * a slow phone). Each response is handed out once, to the first read of that file; anything
 * early.js did not start, or could not get, is fetched as usual.
 */

interface EarlyReads {
  /** The dataset directory the reads are from, relative to the page, with a trailing slash. */
  base: string;
  /** A file's response, or null when early.js did not read it (or the read failed). */
  files: Record<string, Promise<Response | null> | undefined>;
}

declare global {
  interface Window {
    __earlyReads?: EarlyReads;
  }
}

/**
 * A fetch for the dataset at `base` that first takes the response early.js started for the
 * same file. `fetchImpl` makes the reads early.js did not.
 */
export function withEarlyReads(base: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  const prefix = base === '' || base.endsWith('/') ? base : `${base}/`;
  return async (input, init) => {
    const early = typeof window === 'undefined' ? undefined : window.__earlyReads;
    if (early && early.base === prefix && typeof input === 'string' && input.startsWith(prefix)) {
      const name = input.slice(prefix.length);
      const pending = early.files[name];
      if (pending) {
        delete early.files[name];
        const response = await pending;
        if (response) return response;
      }
    }
    return fetchImpl(input, init);
  };
}
