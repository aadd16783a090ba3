/**
 * The hall screen's watchdog: reloads the page when the map's WebGL context is lost or when
 * rendering stalls (no animation frame, or the playlist clock overdue, for `stallMs` while
 * the page is visible). An unattended screen recovers by itself; nobody is there to click.
 */
export interface WatchdogOptions {
  /** The element holding the map canvas (context loss is caught on it, capture phase). */
  container: HTMLElement;
  /** Milliseconds without a frame (or past the clock's due time) that count as a stall. */
  stallMs: number;
  /** How often to check, ms. */
  checkMs: number;
  /** When the playlist should next have changed (ms since epoch), or null when nothing is due. */
  dueAt(): number | null;
  reload(reason: string): void;
}

export function startWatchdog(options: WatchdogOptions): () => void {
  // One probe frame per check rather than a frame loop: a page that draws nothing costs nothing.
  let probeSince: number | null = null;
  let probe = 0;
  let reloading = false;
  const reload = (reason: string) => {
    if (reloading) return;
    reloading = true;
    options.reload(reason);
  };
  const lost = (event: Event) => {
    event.preventDefault();
    reload('webgl-context-lost');
  };
  options.container.addEventListener('webglcontextlost', lost, true);
  const check = setInterval(() => {
    if (document.visibilityState !== 'visible') {
      probeSince = null;
      return;
    }
    const now = performance.now();
    if (probeSince !== null && now - probeSince > options.stallMs) return reload('no-frames');
    if (probeSince === null) {
      probeSince = now;
      probe = requestAnimationFrame(() => (probeSince = null));
    }
    const due = options.dueAt();
    if (due !== null && Date.now() - due > options.stallMs) reload('playlist-stalled');
  }, options.checkMs);
  return () => {
    cancelAnimationFrame(probe);
    clearInterval(check);
    options.container.removeEventListener('webglcontextlost', lost, true);
  };
}
