import { instantOfWallClock, wallClockIn } from '../wallClock';

/** Time zone of a dataset when its manifest names none (docs/data-format.md). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** A time in the week: day 0 = Monday … 6 = Sunday, and minutes after midnight (wall clock). */
export interface WeekTime {
  weekday: number;
  minuteOfDay: number;
}

/** The weekday (0 = Monday) and minute of `instant` as a clock in `timeZone` shows them. */
export function weekTimeOf(instant: Date, timeZone: string): WeekTime {
  const w = wallClockIn(instant, timeZone);
  const sundayFirst = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return { weekday: (sundayFirst + 6) % 7, minuteOfDay: w.hour * 60 + w.minute };
}

/**
 * The instant at `time` in the same Monday-to-Sunday week as `reference`, wall clock in
 * `timeZone`: "Saturday 20:00 this week" for the coverage slider.
 */
export function instantInWeekOf(reference: Date, time: WeekTime, timeZone: string): Date {
  const w = wallClockIn(reference, timeZone);
  const { weekday } = weekTimeOf(reference, timeZone);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day) + (time.weekday - weekday) * DAY_MS);
  const minute = Math.max(0, Math.min(24 * 60 - 1, Math.round(time.minuteOfDay)));
  return instantOfWallClock(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: Math.floor(minute / 60), minute: minute % 60, second: 0 },
    timeZone,
  );
}

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * An ISO date-time as an instant. Open311 and our files carry an offset
 * (`2026-10-20T09:30:00+08:00`); a time without one is read as wall-clock time in the
 * dataset's zone, not the machine's. Null when it cannot be read.
 */
export function parseInstant(text: string | undefined, timeZone: string): Date | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (!HAS_OFFSET.test(trimmed)) {
    const m = LOCAL.exec(trimmed);
    if (m) {
      const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
      return instantOfWallClock({ year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi, second: +s }, timeZone);
    }
  }
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** Midnight starting `isoDate` (YYYY-MM-DD) in `timeZone`; null when it is not such a date. */
export function startOfDate(isoDate: string | undefined, timeZone: string): Date | null {
  const m = isoDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim()) : null;
  if (!m) return null;
  return instantOfWallClock({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: 0, minute: 0, second: 0 }, timeZone);
}

/**
 * The clock a snapshot's deadlines are read at: the start of its `dataAsOf` day when that
 * is before `now` (a dataset "as of 1 November" is judged on 1 November, not weeks later,
 * when every open request would look overdue), else `now`.
 */
export function snapshotClock(now: Date, dataAsOf: string | undefined, timeZone: string): Date {
  const asOf = startOfDate(dataAsOf, timeZone);
  return asOf && asOf < now ? asOf : now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the zone's offset at that instant, e.g. "2026-11-01T10:07:00+08:00". */
export function isoInZone(instant: Date, timeZone: string): string {
  const w = wallClockIn(instant, timeZone);
  const offsetMin = Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
