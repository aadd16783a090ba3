/**
 * A token bucket per key: up to `perMinute` at once (a burst of hundreds from a hotline is
 * normal), refilled at `perMinute` a minute. In memory: a restart forgets the counts, which
 * only ever lets a little more through.
 */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly nowMs: () => number,
  ) {}

  /** Takes one token for `key`; false when the key has used its allowance. */
  take(key: string): boolean {
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, atMs: now };
    const refill = ((now - bucket.atMs) / 60_000) * this.perMinute;
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + Math.max(0, refill));
    bucket.atMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `key` may send again (for Retry-After). */
  retryAfterSeconds(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute));
  }
}
