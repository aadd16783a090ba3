/** How a live connection is doing, for a screen to say so. */
export interface LiveLink {
  /** The event stream is open now. */
  connected: boolean;
  /** When it was lost (ms), or null while connected or before the first try. */
  lostAt: number | null;
}

export const LIVE_IDLE: LiveLink = { connected: false, lostAt: null };

export interface LiveHandlers {
  /** A named event and its JSON data. */
  event(name: string, data: unknown): void;
  /** The stream is open (again); `first`: for the first time. */
  open(first: boolean): void;
  /** The stream is lost (the server is gone, the network is down); reconnecting goes on by itself. */
  lost(at: number): void;
}

/** Own reconnection after the browser gives up (an answer that is not a stream, e.g. a proxy's 502): 2 s, doubling to 30 s. */
const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30_000;

/**
 * Listens to the requests service's server-sent events (`/api/events`) and keeps listening:
 * the browser's EventSource reconnects by itself after a dropped connection (resuming with
 * Last-Event-ID); when it gives up for good, a new one is opened after a growing delay,
 * carrying the last id in the query. Returns the function that stops it.
 */
export function listenLive(path: string, names: readonly string[], handlers: LiveHandlers): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let source: EventSource | null = null;
  let lastId: string | null = null;
  let opened = false;
  let lost = false;
  let delay = FIRST_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const connect = () => {
    timer = null;
    if (stopped) return;
    const url = new URL(path, document.baseURI);
    if (lastId) url.searchParams.set('lastEventId', lastId);
    const current = new EventSource(url);
    source = current;
    current.onopen = () => {
      delay = FIRST_DELAY_MS;
      lost = false;
      handlers.open(!opened);
      opened = true;
    };
    current.onerror = () => {
      if (stopped) return;
      if (!lost) {
        lost = true;
        handlers.lost(Date.now());
      }
      if (current.readyState === EventSource.CLOSED) {
        current.close();
        timer = setTimeout(connect, delay);
        delay = Math.min(MAX_DELAY_MS, delay * 2);
      }
    };
    for (const name of names) {
      current.addEventListener(name, (message) => {
        const event = message as MessageEvent<string>;
        if (event.lastEventId) lastId = event.lastEventId;
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        handlers.event(name, data);
      });
    }
  };

  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
}
