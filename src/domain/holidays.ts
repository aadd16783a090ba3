import chineseDays from 'chinese-days';

/**
 * China's public holidays and 调休 make-up working days, by calendar date.
 *
 * - Years the State Council has published (the `chinese-days` package: 2004 to its latest
 *   release) use the official arrangement: every day of each break, and the make-up
 *   working days (often a Saturday or Sunday).
 * - Later years, until the package has them, fall back to the statutory days of
 *   《全国年节及纪念日放假办法》 (as amended in 2024): 元旦 1-1; 春节 除夕 to 正月初三; 清明
 *   (the solar term); 劳动节 5-1, 5-2; 端午 五月初五; 中秋 八月十五; 国庆 10-1 to 10-3. The
 *   longer breaks and the make-up days are announced each year and cannot be computed.
 * - A dataset may list more days off and make-up days in its manifest (`holidays`): a new
 *   year's arrangement before the package has it, or a regional holiday (广西 三月三).
 */

export type DayKind = 'off' | 'work' | 'normal';

export interface DayInfo {
  /** 'off': a public holiday (a day of a break). 'work': a make-up working day. */
  kind: DayKind;
  /** Where that came from. */
  source: 'official' | 'statutory' | 'dataset' | 'weekday';
}

/** Extra days from the dataset's manifest (`holidays`), ISO dates `YYYY-MM-DD`. */
export interface HolidayOverrides {
  off?: readonly string[];
  work?: readonly string[];
}

const { getDayDetail, getHolidaysInRange, getSolarDateFromLunar, getSolarTermDate } = chineseDays;

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of a UTC-midnight time. */
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const addDays = (iso: string, days: number) => isoOf(msOf(iso) + days * 86_400_000);
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string) => new Date(msOf(iso)).getUTCDay();

const officialYears = new Map<number, boolean>();

/** Whether the package has the official arrangement of `year`. */
export function hasOfficialYear(year: number): boolean {
  let known = officialYears.get(year);
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    officialYears.set(year, known);
  }
  return known;
}

const statutoryYears = new Map<number, ReadonlySet<string>>();

/** The statutory days off of `year` (no make-up days: those are announced, not computed). */
export function statutoryDaysOff(year: number): ReadonlySet<string> {
  let days = statutoryYears.get(year);
  if (!days) {
    const lunar = (monthDay: string) => getSolarDateFromLunar(`${year}-${monthDay}`).date;
    const newYear = lunar('01-01');
    days = new Set([
      `${year}-01-01`,
      addDays(newYear, -1),
      newYear,
      addDays(newYear, 1),
      addDays(newYear, 2),
      getSolarTermDate(year, 4, 'pure_brightness'),
      `${year}-05-01`,
      `${year}-05-02`,
      lunar('05-05'),
      lunar('08-15'),
      `${year}-10-01`,
      `${year}-10-02`,
      `${year}-10-03`,
    ]);
    statutoryYears.set(year, days);
  }
  return days;
}

/** What kind of day `iso` (a calendar date in the dataset's time zone) is in China. */
export function chineseDay(iso: string, overrides?: HolidayOverrides): DayInfo {
  if (overrides?.work?.includes(iso)) return { kind: 'work', source: 'dataset' };
  if (overrides?.off?.includes(iso)) return { kind: 'off', source: 'dataset' };
  const year = Number(iso.slice(0, 4));
  if (hasOfficialYear(year)) {
    const detail = getDayDetail(iso);
    const weekend = weekdayOf(iso) === 0 || weekdayOf(iso) === 6;
    // The package names ordinary days by their weekday; named days are the arrangement's.
    const named = /,/.test(detail.name);
    if (named && detail.work && weekend) return { kind: 'work', source: 'official' };
    if (named && !detail.work) return { kind: 'off', source: 'official' };
    return { kind: 'normal', source: 'weekday' };
  }
  return statutoryDaysOff(year).has(iso) ? { kind: 'off', source: 'statutory' } : { kind: 'normal', source: 'weekday' };
}

/** `YYYY-MM-DD` from calendar fields. */
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
