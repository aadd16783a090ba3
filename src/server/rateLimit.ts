/**
 * Sliding-window limits kept in memory: at most `limit` events per key within `windowMs`.
 * Used for anonymous intake (per IP, per compound). A restart forgets them, which is fine for
 * a brake on floods; durable quotas belong to API keys.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** Keys kept at most; the least recently used are forgotten first (bounded memory under a flood of IPs). */
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string, nowMs: number): number[] {
    const list = this.events.get(key);
    if (!list) return [];
    const from = nowMs - this.windowMs;
    let drop = 0;
    while (drop < list.length && list[drop]! <= from) drop++;
    if (drop) list.splice(0, drop);
    if (!list.length) this.events.delete(key);
    return list;
  }

  /** Events of `key` still inside the window at `nowMs`. */
  count(key: string, nowMs: number): number {
    return this.recent(key, nowMs).length;
  }

  /** Milliseconds until `key` may act again (0 when it may now). */
  retryAfterMs(key: string, nowMs: number): number {
    const list = this.recent(key, nowMs);
    if (list.length < this.limit) return 0;
    return Math.max(0, list[list.length - this.limit]! + this.windowMs - nowMs);
  }

  /**
   * Records one event for `key` when it is under the limit and returns a release function
   * (to give the slot back when the action then fails); returns null when the limit is reached.
   */
  take(key: string, nowMs: number): (() => void) | null {
    const list = this.recent(key, nowMs);
    if (list.length >= this.limit) return null;
    list.push(nowMs);
    // Re-insert so the Map's order is least-recently-used first.
    this.events.delete(key);
    this.events.set(key, list);
    while (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value!);
    return () => {
      const current = this.events.get(key);
      const at = current?.lastIndexOf(nowMs) ?? -1;
      if (current && at >= 0) current.splice(at, 1);
    };
  }
}
