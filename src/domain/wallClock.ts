/**
 * Wall-clock time in an IANA time zone, and back: small and free of the opening_hours
 * library, so a view that only needs "what time is it in the dataset's zone" (the
 * volunteers' week, the hall's clock) does not load that library.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar fields of `instant` as a clock in `timeZone` shows them. Throws on an unknown zone. */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

const wallAsUtcMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

const DAY_MS = 86_400_000;
/** How far ahead of UTC a clock in `timeZone` is at `utcMs`, in ms. */
const offsetMsAt = (utcMs: number, timeZone: string) => wallAsUtcMs(wallClockIn(new Date(utcMs), timeZone)) - utcMs;
const sameWall = (a: WallClock, b: WallClock) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

/**
 * The instant at which a clock in `timeZone` shows `wall`. A time shown twice (DST ends)
 * gives the earlier instant; a time skipped (DST starts) is read with the offset before
 * the change, as `new Date(y, m, d, h)` does.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  const guess = wallAsUtcMs(wall);
  // Offsets change at most once a day around any instant, so the day before and after bracket it.
  const before = offsetMsAt(guess - DAY_MS, timeZone);
  const after = offsetMsAt(guess + DAY_MS, timeZone);
  const matches = [guess - before, guess - after].filter((ms) => sameWall(wallClockIn(new Date(ms), timeZone), wall));
  return new Date(matches.length ? Math.min(...matches) : guess - before);
}
