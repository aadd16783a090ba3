import { chineseDay, type HolidayOverrides } from './holidays';
import { DEFAULT_SOON_MINUTES, type OpenState, type OpenStateOptions } from './openState';
import { instantOfWallClock, wallClockIn } from './wallClock';

/**
 * "Open now" for the common `opening_hours` values, without the opening_hours library
 * (about 97 kB brotli, mostly other countries' holidays). It gives exactly what `openState`
 * (openingHours.ts) gives, or undefined when the value is outside what it reads:
 *
 * - `24/7`;
 * - rules separated by `;`, each `<days> <times>`, `<days> off` or `<times>` (every day),
 *   where `<days>` is a comma list of `Mo`…`Su`, ranges such as `Mo-Fr` or `Fr-Mo`, and
 *   `PH` (China only); `<times>` is a comma list of `HH:MM-HH:MM` ending by 24:00.
 *
 * As in the library, a later rule replaces the earlier ones on the days it names. Months,
 * weeks, school holidays, sunrise, open ends, past-midnight times, comments and fallback
 * rules are left to the library, as is `PH` outside China (the library's own holidays).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;
const WEEKDAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const;
type Weekday = (typeof WEEKDAYS)[number];
/** A week's days as bits, 1 << weekday (0 = Sunday). */
const EVERY_DAY = 0b111_1111;
/**
 * How many days ahead to look for a change, as `openState` does: the library follows a value
 * without PH for years, but a weekly value changes within 7 days or never; a value with PH is
 * followed 60 days (openingHours.ts, LOOKAHEAD_DAYS).
 */
const WEEK_LOOKAHEAD_DAYS = 8;
const PH_LOOKAHEAD_DAYS = 60;
/** The years whose lunar holidays holidays.ts can compute, with room for the lookahead. */
const FIRST_YEAR = 1901;
const LAST_YEAR = 2099;

/** Minutes after midnight, start < end ≤ 1440. */
type Interval = readonly [start: number, end: number];

interface Rule {
  /** Whether the rule names days (or PH); one of times alone applies to every day. */
  hasDays: boolean;
  days: number;
  /** Also public holidays (`PH` in its days). */
  holidays: boolean;
  /** Empty for `off`. */
  open: readonly Interval[];
}

const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_ITEM = `(?:${DAY}(?:-${DAY})?|PH)`;
const TIME = '\\d\\d:\\d\\d';
const RANGE = `${TIME}-${TIME}`;
const RULE = new RegExp(`^(?:(${DAY_ITEM}(?:,${DAY_ITEM})*) )?(off|${RANGE}(?:,${RANGE})*)$`);

const minutesOf = (time: string): number | undefined => {
  const hours = Number(time.slice(0, 2));
  const minutes = Number(time.slice(3, 5));
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
};

function parseDays(list: string): Pick<Rule, 'hasDays' | 'days' | 'holidays'> {
  let days = 0;
  let holidays = false;
  for (const item of list.split(',')) {
    if (item === 'PH') {
      holidays = true;
      continue;
    }
    const [first, last = first] = item.split('-') as [Weekday, Weekday?];
    const to = WEEKDAYS.indexOf(last);
    // Fr-Mo wraps over the weekend, as in the library.
    for (let day = WEEKDAYS.indexOf(first); ; day = (day + 1) % 7) {
      days |= 1 << day;
      if (day === to) break;
    }
  }
  return { hasDays: true, days, holidays };
}

function parseRule(text: string): Rule | undefined {
  const match = RULE.exec(text);
  if (!match) return undefined;
  const [, dayList, times = ''] = match;
  if (dayList === undefined && times === 'off') return undefined;
  const open: Interval[] = [];
  if (times !== 'off') {
    for (const range of times.split(',')) {
      const start = minutesOf(range.slice(0, 5));
      const end = minutesOf(range.slice(6, 11));
      if (start === undefined || end === undefined || start >= end) return undefined;
      open.push([start, end]);
    }
  }
  return { ...(dayList === undefined ? { hasDays: false, days: EVERY_DAY, holidays: false } : parseDays(dayList)), open };
}

/** The rules of a value, 'always' for 24/7, or undefined outside the subset. */
function parseValue(value: string): readonly Rule[] | 'always' | undefined {
  if (value === '24/7') return 'always';
  const rules: Rule[] = [];
  for (const text of value.split(/ *; */)) {
    const rule = parseRule(text);
    if (!rule) return undefined;
    rules.push(rule);
  }
  return rules;
}

/** Parsed values, reused across calls (the list re-evaluates every minute); null: outside the subset. */
const parsed = new Map<string, readonly Rule[] | 'always' | null>();
const MAX_PARSED = 1000;

function rulesOf(value: string): readonly Rule[] | 'always' | undefined {
  let rules = parsed.get(value);
  if (rules === undefined) {
    rules = parseValue(value) ?? null;
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(value, rules);
  }
  return rules ?? undefined;
}

/** The open intervals of a calendar day (in the dataset's zone, given as its UTC midnight). */
type Hours = (day: Date) => readonly Interval[];

/**
 * The open intervals of a day from the rules that select it, combined as the library does
 * (its getStatePair): a rule naming days replaces what the earlier rules said of them, and
 * `off` closes the day; a rule of times alone adds its times to the day, unless the rule
 * before it had no days either (then it replaces them).
 */
function openOn(rules: readonly Rule[], selects: (rule: Rule) => boolean): readonly Interval[] {
  let open: readonly Interval[] = [];
  rules.forEach((rule, i) => {
    if (!selects(rule)) return;
    if (rule.open.length === 0) open = [];
    else if (rule.hasDays || !rules[i - 1]?.hasDays) open = rule.open;
    else open = [...open, ...rule.open];
  });
  return open;
}

function hoursAsWritten(rules: readonly Rule[]): Hours {
  return (day) => openOn(rules, (rule) => (rule.days & (1 << day.getUTCDay())) !== 0);
}

/**
 * The value read with China's calendar, as openingHours.ts reads it: PH names the day when it
 * is a day off, and a make-up working day on a weekend is read as a Monday.
 */
function hoursInChina(rules: readonly Rule[], overrides: HolidayOverrides | undefined): Hours {
  return (day) => {
    const kind = chineseDay(day.toISOString().slice(0, 10), overrides).kind;
    const weekday = day.getUTCDay();
    const readAs = kind === 'work' && (weekday === 0 || weekday === 6) ? 1 : weekday;
    return openOn(rules, (rule) => (rule.days & (1 << readAs)) !== 0 || (rule.holidays && kind === 'off'));
  };
}

const isOpenAt = (open: readonly Interval[], ms: number) => open.some(([start, end]) => start * MINUTE_MS <= ms && ms < end * MINUTE_MS);

/** The first minute after `afterMs` (ms after midnight) and before 24:00 where the state is no longer `isOpen`. */
function changeWithin(open: readonly Interval[], afterMs: number, isOpen: boolean): number | undefined {
  const edges = open.flatMap(([start, end]) => [start, end]).filter((minute) => minute * MINUTE_MS > afterMs && minute < DAY_MINUTES);
  return edges.sort((a, b) => a - b).find((minute) => isOpenAt(open, minute * MINUTE_MS) !== isOpen);
}

const wallOf = (day: Date, minute: number) => ({
  year: day.getUTCFullYear(),
  month: day.getUTCMonth() + 1,
  day: day.getUTCDate(),
  hour: Math.floor(minute / 60),
  minute: minute % 60,
  second: 0,
});

/**
 * Whether a place with these opening hours is open at `now`, in `timeZone`, exactly as
 * `openState` says; undefined when the value is outside the subset this module reads.
 */
export function quickOpenState(value: string, now: Date, timeZone: string, options: OpenStateOptions = {}): OpenState | undefined {
  const rules = rulesOf(value);
  if (rules === undefined) return undefined;
  const withHolidays = rules !== 'always' && rules.some((rule) => rule.holidays);
  if (withHolidays && (options.countryCode ?? 'cn') !== 'cn') return undefined;
  try {
    const wall = wallClockIn(now, timeZone);
    if (rules === 'always') return { state: 'open', closesSoon: false, changesAt: null };
    if (wall.year < FIRST_YEAR || wall.year > LAST_YEAR) return undefined;
    const hours = withHolidays ? hoursInChina(rules, options.holidays) : hoursAsWritten(rules);
    const lookaheadDays = withHolidays ? PH_LOOKAHEAD_DAYS : WEEK_LOOKAHEAD_DAYS;
    const msOfDay = ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 + now.getMilliseconds();
    let day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
    let open = hours(day);
    let from = msOfDay;
    const isOpen = isOpenAt(open, msOfDay);
    // As openState walks: the rest of each day, then the next midnight, up to the lookahead.
    let changesAt: Date | null = null;
    for (let i = 0; i < lookaheadDays && changesAt === null; i++) {
      const minute = changeWithin(open, from, isOpen);
      if (minute !== undefined) {
        changesAt = instantOfWallClock(wallOf(day, minute), timeZone);
        break;
      }
      day = new Date(day.getTime() + DAY_MS);
      open = hours(day);
      from = 0;
      if (isOpenAt(open, 0) !== isOpen) changesAt = instantOfWallClock(wallOf(day, 0), timeZone);
    }
    const soonMs = (options.soonMinutes ?? DEFAULT_SOON_MINUTES) * MINUTE_MS;
    const closesSoon = isOpen && changesAt !== null && changesAt.getTime() - now.getTime() <= soonMs;
    return { state: isOpen ? 'open' : 'closed', closesSoon, changesAt };
  } catch (error) {
    // As openState: an unknown time zone is 'unknown' with the message, never a throw.
    return { state: 'unknown', closesSoon: false, changesAt: null, error: error instanceof Error ? error.message : String(error) };
  }
}
