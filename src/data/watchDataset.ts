/** One read of a watched dataset: what was read (with a fingerprint when the reader has one), or why it failed. */
export type WatchRead<T> = { ok: true; value: T; fingerprint?: string } | { ok: false; reason: string };

export interface WatchOptions<T> {
  read(): Promise<WatchRead<T>>;
  everyMs: number;
  /** Read at once as well, not only after the first interval. */
  immediately?: boolean;
  /** The fingerprint of what is already shown, so a restarted watch (new interval) does not redo it. */
  fingerprint?: string | null;
  /** A good read of data not seen before (every good read when the reader gives no fingerprint). */
  changed(value: T, fingerprint: string | null, atMs: number): void;
  /** A good read of the data already shown. */
  unchanged?(value: T, atMs: number): void;
  /** A read that failed; whatever is shown stays. */
  failed(reason: string, atMs: number): void;
}

/**
 * Re-reads a dataset on an interval, for every screen that keeps one up to date (the hall,
 * the volunteers view's `?refresh=`). One read at a time: when a slow server has not answered
 * by the next turn, that turn is skipped rather than a second read started, so answers never
 * arrive out of order and a struggling server is not asked twice. A read that ends after the
 * watch stopped is dropped. Returns the function that stops it.
 */
export function watchDataset<T>(options: WatchOptions<T>): () => void {
  let stopped = false;
  let reading = false;
  let shown = options.fingerprint ?? null;

  const turn = async () => {
    if (reading || stopped) return;
    reading = true;
    let read: WatchRead<T>;
    try {
      read = await options.read();
    } catch (error) {
      read = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      reading = false;
    }
    if (stopped) return;
    const at = Date.now();
    if (!read.ok) options.failed(read.reason, at);
    else if (read.fingerprint !== undefined && read.fingerprint === shown) options.unchanged?.(read.value, at);
    else {
      shown = read.fingerprint ?? null;
      options.changed(read.value, shown, at);
    }
  };

  if (options.immediately) void turn();
  const timer = setInterval(() => void turn(), options.everyMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
