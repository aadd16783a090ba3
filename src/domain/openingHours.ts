import OpeningHours, { type nominatim_object } from 'opening_hours';
import { addDays, chineseDay, isoDate, weekdayOf } from './holidays';
import { DEFAULT_SOON_MINUTES, type OpenState, type OpenStateOptions } from './openState';
import { instantOfWallClock, wallClockIn } from './wallClock';

export { instantOfWallClock, wallClockIn, type WallClock } from './wallClock';
export type { OpenState, OpenStateKind, OpenStateOptions } from './openState';

/**
 * "Open now" for an OSM `opening_hours` value (https://wiki.openstreetmap.org/wiki/Key:opening_hours),
 * evaluated in the dataset's time zone whatever the machine's zone is.
 *
 * The `opening_hours` library reads a Date through its local-time getters (getHours, getDay…).
 * So we hand it a "wall-clock" Date whose local fields equal the time in `timeZone`, and turn
 * the change time it returns back into a real instant. The one case this cannot express is a
 * wall-clock time that does not exist in the *machine's* zone (its spring-forward hour):
 * the library then sees a time one hour off. Asia/Shanghai has no DST, so only a machine in a
 * DST zone evaluating during that hour is affected.
 *
 * Public holidays in China (country code `cn`, the default): the library (3.15) knows only
 * fixed dates, some of them wrong for China (妇女节 3-8, 青年节 5-4 and 儿童节 6-1 are not
 * days off), and none of 春节, 清明, 端午, 中秋, the longer breaks or the 调休 make-up working
 * days. So `PH` is decided here, day by day, from the official calendar (holidays.ts): on a
 * day off `PH` is that day's weekday, on any other day a weekday it is not. A value that
 * mentions `PH` follows the official calendar, so on a make-up working day (a Saturday or
 * Sunday) it is read as on a Monday, the first working day of a week; a value without `PH`
 * is read as written. Other countries use the library's own holidays.
 *
 * The residents' badges first ask openingHoursQuick.ts, which answers the common values the
 * same way without this library; this module stays the reference it is tested against.
 */

const MINUTE_MS = 60_000;

/** A Date whose *local* fields are the wall-clock time of `instant` in `timeZone` (ms kept). */
function toLibraryDate(instant: Date, timeZone: string): Date {
  const w = wallClockIn(instant, timeZone);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant.getMilliseconds());
}

function fromLibraryDate(local: Date, timeZone: string): Date {
  const wall = {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
  };
  return instantOfWallClock(wall, timeZone);
}

/** Parsed values, reused across calls (the list re-evaluates every minute). */
const parsed = new Map<string, OpeningHours>();
const MAX_PARSED = 1000;

function parse(value: string, options: OpenStateOptions): OpeningHours {
  const { countryCode = 'cn', state = '', lat, lon } = options;
  const key = JSON.stringify([value, countryCode, state, lat, lon]);
  const cached = parsed.get(key);
  if (cached) return cached;
  // The library reads lat/lon only when they are strings (as Nominatim returns them),
  // although its typings say number.
  const place = {
    ...(lat !== undefined && lon !== undefined ? { lat: String(lat), lon: String(lon) } : {}),
    address: { country_code: countryCode, state },
  } as unknown as nominatim_object;
  const oh = new OpeningHours(value, place);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(key, oh);
  return oh;
}

/**
 * Whether a place with these opening hours is open at `now`, in `timeZone` (IANA name).
 * Never throws: invalid syntax (or an unknown time zone) gives state 'unknown' with `error`.
 */
export function openState(openingHours: string, now: Date, timeZone: string, options: OpenStateOptions = {}): OpenState {
  try {
    if ((options.countryCode ?? 'cn') === 'cn' && mentionsPH(openingHours)) return chineseCalendarState(openingHours, now, timeZone, options);
    const oh = parse(openingHours, options);
    const local = toLibraryDate(now, timeZone);
    const state = oh.getStateString(local, true);
    const nextLocal = oh.getNextChange(local);
    const changesAt = nextLocal ? fromLibraryDate(nextLocal, timeZone) : null;
    const soonMs = (options.soonMinutes ?? DEFAULT_SOON_MINUTES) * MINUTE_MS;
    const closesSoon =
      state === 'open' && nextLocal !== undefined && changesAt !== null && changesAt.getTime() - now.getTime() <= soonMs && !oh.getState(nextLocal);
    return { state, closesSoon, changesAt };
  } catch (error) {
    return { state: 'unknown', closesSoon: false, changesAt: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** `PH`, or `PH +1 day` / `PH -1 day` (the day after / before a holiday). */
const PH_TOKEN = /\bPH\b(?:\s*([+-])\s*(\d+)\s*days?\b)?/g;
const WEEKDAY_NAMES = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const;
const weekdayName = (iso: string): string => WEEKDAY_NAMES[weekdayOf(iso)] ?? 'Mo';
/** How many days ahead a change is looked for; past it the state is taken as lasting. */
const LOOKAHEAD_DAYS = 60;

/** Applies `edit` to the parts of an opening_hours value outside "quoted comments". */
function outsideComments(value: string, edit: (part: string) => string): string {
  return value
    .split('"')
    .map((part, i) => (i % 2 === 0 ? edit(part) : part))
    .join('"');
}

function mentionsPH(value: string): boolean {
  let found = false;
  outsideComments(value, (part) => {
    found ||= new RegExp(PH_TOKEN.source).test(part);
    return part;
  });
  return found;
}

interface DayReading {
  /** The date the library evaluates: the day itself, or the Monday of its week on a make-up working day. */
  proxy: string;
  oh: OpeningHours;
}

/**
 * The value as the library should read it on `day`: each `PH` (with its offset) replaced by
 * the weekdays, of the evaluated day and the one before it (whose late hours run past
 * midnight), that are holidays; or by a weekday neither of them has, when none is.
 */
function readingFor(value: string, day: string, options: OpenStateOptions): DayReading {
  const kind = (iso: string) => chineseDay(iso, options.holidays).kind;
  const weekday = weekdayOf(day);
  const proxy = kind(day) === 'work' && (weekday === 0 || weekday === 6) ? addDays(day, weekday === 0 ? -6 : -5) : day;
  const names = (offset: number) => {
    const days = [] as string[];
    if (kind(addDays(day, -1 - offset)) === 'off') days.push(weekdayName(addDays(proxy, -1)));
    if (kind(addDays(day, -offset)) === 'off') days.push(weekdayName(proxy));
    return days.length ? days.join(',') : weekdayName(addDays(proxy, 2));
  };
  const substituted = outsideComments(value, (part) =>
    part.replace(PH_TOKEN, (_whole, sign: string | undefined, count: string | undefined) => names(sign ? Number(`${sign}${count}`) : 0)),
  );
  return { proxy, oh: parse(substituted, options) };
}

const libraryDate = (iso: string, hour = 0, minute = 0, second = 0, ms = 0) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, minute, second, ms);
};

/** `openState` for a value with `PH`, in China: the state now, then day by day to the next change. */
function chineseCalendarState(value: string, now: Date, timeZone: string, options: OpenStateOptions): OpenState {
  const wall = wallClockIn(now, timeZone);
  let day = isoDate(wall.year, wall.month, wall.day);
  let reading = readingFor(value, day, options);
  const local = libraryDate(reading.proxy, wall.hour, wall.minute, wall.second, now.getMilliseconds());
  const state = reading.oh.getStateString(local, true);
  let from = local;
  let changesAt: Date | null = null;
  let after: string = state;
  for (let i = 0; i < LOOKAHEAD_DAYS && changesAt === null; i++) {
    const next = reading.oh.getNextChange(from);
    const endOfDay = libraryDate(addDays(reading.proxy, 1));
    if (next && next < endOfDay) {
      const at = {
        year: Number(day.slice(0, 4)),
        month: Number(day.slice(5, 7)),
        day: Number(day.slice(8, 10)),
        hour: next.getHours(),
        minute: next.getMinutes(),
        second: next.getSeconds(),
      };
      changesAt = instantOfWallClock(at, timeZone);
      after = reading.oh.getStateString(next, true);
      break;
    }
    day = addDays(day, 1);
    reading = readingFor(value, day, options);
    from = libraryDate(reading.proxy);
    const atMidnight = reading.oh.getStateString(from, true);
    if (atMidnight !== state) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      changesAt = instantOfWallClock({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, timeZone);
      after = atMidnight;
    }
  }
  const soonMs = (options.soonMinutes ?? DEFAULT_SOON_MINUTES) * MINUTE_MS;
  const closesSoon = state === 'open' && changesAt !== null && changesAt.getTime() - now.getTime() <= soonMs && after !== 'open';
  return { state, closesSoon, changesAt };
}
