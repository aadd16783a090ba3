/**
 * Calendar arithmetic for the sample's timestamps, all in China Standard Time (UTC+8, no
 * daylight saving). Pure: no clock is read.
 */

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const CST_OFFSET_MS = 8 * HOUR_MS;

/** Milliseconds since the epoch of a wall-clock time in Asia/Shanghai. */
export function cstMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - CST_OFFSET_MS;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the +08:00 offset, e.g. "2026-10-27T09:14:00+08:00". */
export function isoCst(ms: number): string {
  const d = new Date(ms + CST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+08:00`;
}

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai. */
export function isoDateCst(ms: number): string {
  return isoCst(ms).slice(0, 10);
}
