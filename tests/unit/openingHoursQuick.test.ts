import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HolidayOverrides } from '../../src/domain/holidays';
import { openState, type OpenState, type OpenStateOptions } from '../../src/domain/openingHours';
import { quickOpenState } from '../../src/domain/openingHoursQuick';

const SH = 'Asia/Shanghai';
const MINUTE_MS = 60_000;
const at = (iso: string) => new Date(iso);

const facilities = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/yuefeng-sample/facilities.geojson'), 'utf8')) as {
  features: { properties: { opening_hours?: string } }[];
};
const SAMPLE_VALUES = [...new Set(facilities.features.flatMap((f) => (f.properties.opening_hours ? [f.properties.opening_hours] : [])))];

/** Values where the library's reading is easy to get wrong. */
const TRICKY_VALUES = [
  '24/7',
  'Sa off',
  // Open one day a week: the next opening can be seven days ahead.
  'Sa 09:00-12:00',
  'Mo-Su 00:00-24:00',
  'Mo-Fr 08:00-12:00,14:00-18:00',
  'Fr-Mo 10:00-20:00',
  'Su-Tu 09:00-18:00',
  // A later rule replaces an earlier one on the days it names.
  'Mo-Fr 08:00-17:00; We 10:00-12:00',
  'Mo-Fr 08:00-12:00; Mo-Fr 14:00-18:00',
  'Mo-Su 08:00-20:00; Su off',
  'Mo-Sa 09:00-18:00;Su off',
  // A rule of times alone adds to the days before it, unless that rule had no days either.
  'Mo-Su 01:00-23:00; 08:00-16:00',
  '08:00-12:00; 14:00-18:00',
  'Sa off; 09:00-12:00',
  // Adjacent, overlapping and unordered times, and days that run into the next at midnight.
  'Mo-Fr 08:00-12:00,12:00-18:00',
  'Mo-Fr 10:00-18:00,08:00-14:00',
  'Mo-Fr 09:00-24:00; Sa 00:00-03:00,20:00-24:00',
  'Mo-Su 00:00-24:00; Su off',
  // Public holidays, before and after the weekday rules.
  'PH off; Mo-Fr 08:00-17:00',
  'Mo-Fr 08:30-17:30; PH off',
  'Mo-Su 08:00-18:00; PH 09:00-12:00',
  'Sa,PH 10:00-16:00',
  'PH,Sa-Su 10:00-16:00; Mo-Fr 08:00-18:00',
  'Mo-Su 00:00-24:00; PH off',
  'Mo-Fr 00:00-24:00; PH off',
  'PH 00:00-24:00',
];

const VALUES = [...new Set([...SAMPLE_VALUES, ...TRICKY_VALUES])];

/** Every 37 minutes from `from` (inclusive) to `to` (exclusive): over the weeks, every minute of the day comes round. */
function every37Minutes(from: string, to: string): Date[] {
  const instants: Date[] = [];
  for (let ms = Date.parse(from); ms < Date.parse(to); ms += 37 * MINUTE_MS) instants.push(new Date(ms));
  return instants;
}

const WINDOWS = {
  // 春节 2026: days off 15-23 Feb; make-up working Saturdays 14 and 28 Feb.
  springFestival: every37Minutes('2026-02-05T00:00:00+08:00', '2026-03-05T00:00:00+08:00'),
  // 国庆 2026: make-up working Sunday 20 Sep; 中秋 25-27 Sep; days off 1-7 Oct; make-up working Saturday 10 Oct.
  nationalDay: every37Minutes('2026-09-14T00:00:00+08:00', '2026-10-16T00:00:00+08:00'),
  // Three ordinary weeks.
  ordinary: every37Minutes('2026-03-09T00:00:00+08:00', '2026-03-30T00:00:00+08:00'),
};

/** The same answer: a Date compared by its instant. */
const plain = (s: OpenState) => ({ ...s, changesAt: s.changesAt?.toISOString() ?? null });

/** Compares the fast path with openState for every value at every instant; returns how many it answered. */
function expectSameAsLibrary(values: readonly string[], instants: readonly Date[], timeZone: string, options: OpenStateOptions = {}) {
  const seen = { answered: 0, open: 0, closesSoon: 0, noChange: 0 };
  for (const value of values) {
    for (const now of instants) {
      const quick = quickOpenState(value, now, timeZone, options);
      if (quick === undefined) continue;
      const reference = openState(value, now, timeZone, options);
      // One message per difference, naming the value and the instant.
      if (JSON.stringify(plain(quick)) !== JSON.stringify(plain(reference)))
        expect(plain(quick), `${value} at ${now.toISOString()} in ${timeZone} ${JSON.stringify(options)}`).toEqual(plain(reference));
      seen.answered++;
      if (quick.state === 'open') seen.open++;
      if (quick.closesSoon) seen.closesSoon++;
      if (quick.changesAt === null) seen.noChange++;
    }
  }
  return seen;
}

describe('quickOpenState gives what openState gives', () => {
  it('reads every opening_hours value of the sample', () => {
    expect(SAMPLE_VALUES.length).toBeGreaterThan(20);
    for (const value of SAMPLE_VALUES) expect(quickOpenState(value, at('2026-03-04T10:00:00+08:00'), SH), value).toBeDefined();
    for (const value of TRICKY_VALUES) expect(quickOpenState(value, at('2026-03-04T10:00:00+08:00'), SH), value).toBeDefined();
  });

  it('around 春节, 国庆 and 中秋 (with their make-up working days) and in ordinary weeks, in Shanghai', () => {
    const instants = [...WINDOWS.springFestival, ...WINDOWS.nationalDay, ...WINDOWS.ordinary];
    expect(instants.length).toBeGreaterThan(3000);
    const seen = expectSameAsLibrary(VALUES, instants, SH);
    expect(seen.answered).toBe(VALUES.length * instants.length);
    // The instants reach every kind of answer.
    expect(seen.open).toBeGreaterThan(seen.answered / 4);
    expect(seen.closesSoon).toBeGreaterThan(100);
    expect(seen.noChange).toBeGreaterThan(100);
  });

  it("with the dataset's own days off and make-up working days", () => {
    const holidays: HolidayOverrides = {
      // A regional holiday on Thursday and Friday, a make-up working Sunday, and a working day in the middle of 国庆.
      off: ['2026-03-12', '2026-03-13'],
      work: ['2026-03-15', '2026-10-04'],
    };
    const instants = [...WINDOWS.ordinary, ...WINDOWS.nationalDay];
    // Only values with PH read the calendar.
    const withPH = VALUES.filter((v) => v.includes('PH'));
    expect(expectSameAsLibrary(withPH, instants, SH, { holidays }).answered).toBe(withPH.length * instants.length);
    // The overrides change answers: on the regional holiday an office is closed.
    const office = 'Mo-Fr 08:30-17:30; PH off';
    expect(quickOpenState(office, at('2026-03-12T10:00:00+08:00'), SH, { holidays })).toEqual({
      state: 'closed',
      closesSoon: false,
      changesAt: at('2026-03-15T08:30:00+08:00'),
    });
    expect(quickOpenState(office, at('2026-03-15T17:10:00+08:00'), SH, { holidays })).toMatchObject({ state: 'open', closesSoon: true });
  });

  it('with another soonMinutes, another country for values without PH, and across a DST change in Berlin', () => {
    expect(expectSameAsLibrary(VALUES, WINDOWS.ordinary, SH, { soonMinutes: 90 }).answered).toBe(VALUES.length * WINDOWS.ordinary.length);
    const withoutPH = VALUES.filter((v) => !v.includes('PH'));
    const dst = every37Minutes('2026-03-26T00:00:00+01:00', '2026-04-01T00:00:00+02:00');
    expect(expectSameAsLibrary(withoutPH, dst, 'Europe/Berlin', { countryCode: 'de' }).answered).toBe(withoutPH.length * dst.length);
  });

  it('at instants between whole minutes', () => {
    const instants = every37Minutes('2026-02-12T00:00:00+08:00', '2026-02-17T00:00:00+08:00').map((d) => new Date(d.getTime() + 59_999));
    expectSameAsLibrary(VALUES, instants, SH);
    expect(quickOpenState('Mo-Fr 08:00-17:30', at('2026-03-04T07:59:59.999+08:00'), SH)).toEqual({
      state: 'closed',
      closesSoon: false,
      changesAt: at('2026-03-04T08:00:00+08:00'),
    });
  });

  it('says "closed, with no change to announce" for a value that never opens', () => {
    // The library walks five years at every one of the 60 days openState looks ahead: slow, so fewer instants here.
    const instants = every37Minutes('2026-02-05T00:00:00+08:00', '2026-03-05T00:00:00+08:00').filter((_, i) => i % 20 === 0);
    expect(expectSameAsLibrary(['PH off', 'Mo-Su off'], instants, SH)).toMatchObject({ answered: 2 * instants.length, open: 0, noChange: 2 * instants.length });
  });

  it('looks as far ahead as openState: a break more than 60 days off is not announced', () => {
    const allDay = 'Mo-Su 00:00-24:00; PH off';
    // 中秋 2026 (25 Sep) is the 60th day after 27 Jul, the 61st after 26 Jul.
    expect(quickOpenState(allDay, at('2026-07-27T10:00:00+08:00'), SH)?.changesAt).toEqual(at('2026-09-25T00:00:00+08:00'));
    expect(quickOpenState(allDay, at('2026-07-26T10:00:00+08:00'), SH)?.changesAt).toBeNull();
    for (const day of ['07-26', '07-27'])
      expect(quickOpenState(allDay, at(`2026-${day}T10:00:00+08:00`), SH)).toEqual(openState(allDay, at(`2026-${day}T10:00:00+08:00`), SH));
    // 1 Aug 2026: 中秋 (25 Sep) is 55 days ahead; 1 Jul: 86 days ahead, past the lookahead.
    expect(quickOpenState(allDay, at('2026-08-01T10:00:00+08:00'), SH)).toEqual(openState(allDay, at('2026-08-01T10:00:00+08:00'), SH));
    expect(quickOpenState(allDay, at('2026-08-01T10:00:00+08:00'), SH)?.changesAt).toEqual(at('2026-09-25T00:00:00+08:00'));
    expect(quickOpenState(allDay, at('2026-07-01T10:00:00+08:00'), SH)).toEqual({ state: 'open', closesSoon: false, changesAt: null });
    expect(openState(allDay, at('2026-07-01T10:00:00+08:00'), SH)).toEqual({ state: 'open', closesSoon: false, changesAt: null });
  });

  it('reports an unknown time zone as openState does', () => {
    for (const value of ['Mo-Fr 08:00-17:30', 'Mo-Fr 08:00-17:30; PH off', '24/7']) {
      const now = at('2026-03-04T10:00:00+08:00');
      expect(quickOpenState(value, now, 'Mars/Olympus'), value).toEqual(openState(value, now, 'Mars/Olympus'));
      expect(quickOpenState(value, now, 'Mars/Olympus'), value).toMatchObject({ state: 'unknown', error: expect.any(String) });
    }
  });
});

describe('quickOpenState leaves the rest to the library', () => {
  const now = at('2026-03-04T10:00:00+08:00');

  it.each([
    'Mo-Fr 08:00-17:00; Jan off',
    'sunrise-sunset',
    'Mo 22:00-02:00',
    'Mo-Su 20:00-26:00',
    '"by appointment"',
    'Mo-Fr 08:00-17:00 "call first"',
    'Mo-Fr 08:00-17:00 || "by appointment"',
    'Mo-Fr 08:00+',
    'Mo-Fr 08:00-17:00, Sa 09:00-12:00',
    'Mo-Fr 08:00-17:00; SH off',
    'Mo-Fr 08:00-17:00; PH +1 day off',
    'Mo[1] 08:00-12:00',
    'week 01-10 Mo 08:00-12:00',
    '2026 Mo-Fr 08:00-12:00',
    'Mo-Fr 08:00-17:00 unknown',
    'Mo-Fr 08:00-17:00 open',
    'Mo-Fr closed',
    'off',
    'Mo-Fr 8:00-17:00',
    'mo-fr 08:00-17:00',
    'Mo-Fr  08:00-17:00',
    ' Mo-Fr 08:00-17:00',
    'Mo-Fr 08:00-17:00;',
    'Mo-Fr 08:00-17:00;\tSa off',
    'Mo-Fr 08:00 - 17:00',
    'Mo-Fr 17:00-08:00',
    'Mo-Fr 08:00-08:00',
    'Mo-Fr 08:00-24:30',
    'Mo-Fr 08:60-17:00',
    '每天 8 点到 5 点',
    '',
  ])('%j', (value) => {
    expect(quickOpenState(value, now, SH)).toBeUndefined();
  });

  it('leaves PH outside China to the library, and reads values without PH there', () => {
    const berlin = { countryCode: 'de', state: 'Berlin' };
    expect(quickOpenState('Mo-Fr 08:00-17:00; PH off', at('2026-10-03T10:00:00+02:00'), 'Europe/Berlin', berlin)).toBeUndefined();
    expect(quickOpenState('Mo-Fr 08:00-17:00', at('2026-10-05T10:00:00+02:00'), 'Europe/Berlin', berlin)).toEqual(
      openState('Mo-Fr 08:00-17:00', at('2026-10-05T10:00:00+02:00'), 'Europe/Berlin', berlin),
    );
  });
});
