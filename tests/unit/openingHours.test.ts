import { afterEach, describe, expect, it } from 'vitest';
import { instantOfWallClock, openState, wallClockIn } from '../../src/domain/openingHours';

const SH = 'Asia/Shanghai';
/** Instants are written with explicit offsets so the machine's zone never matters. */
const at = (iso: string) => new Date(iso);
const WEEKDAYS = 'Mo-Fr 08:00-17:30; Sa 08:00-12:00';

describe('openState in Asia/Shanghai', () => {
  it('is open on a normal weekday and says when it closes', () => {
    // Wednesday 4 March 2026, 10:00 in Shanghai.
    const s = openState(WEEKDAYS, at('2026-03-04T10:00:00+08:00'), SH);
    expect(s).toEqual({ state: 'open', closesSoon: false, changesAt: at('2026-03-04T17:30:00+08:00') });
  });

  it('is closed before opening and says when it opens', () => {
    const s = openState(WEEKDAYS, at('2026-03-04T07:15:00+08:00'), SH);
    expect(s.state).toBe('closed');
    expect(s.closesSoon).toBe(false);
    expect(s.changesAt).toEqual(at('2026-03-04T08:00:00+08:00'));
  });

  it('closes soon within 30 minutes of closing, and not 31 minutes before', () => {
    const soon = openState(WEEKDAYS, at('2026-03-04T17:10:00+08:00'), SH);
    expect(soon).toMatchObject({ state: 'open', closesSoon: true, changesAt: at('2026-03-04T17:30:00+08:00') });
    expect(openState(WEEKDAYS, at('2026-03-04T17:00:00+08:00'), SH).closesSoon).toBe(true);
    expect(openState(WEEKDAYS, at('2026-03-04T16:59:00+08:00'), SH).closesSoon).toBe(false);
    expect(openState(WEEKDAYS, at('2026-03-04T17:10:00+08:00'), SH, { soonMinutes: 10 }).closesSoon).toBe(false);
  });

  it('stays open across midnight', () => {
    const night = 'Mo-Su 20:00-02:00';
    // 01:00 on Thursday belongs to Wednesday evening's opening.
    const s = openState(night, at('2026-03-05T01:00:00+08:00'), SH);
    expect(s).toMatchObject({ state: 'open', changesAt: at('2026-03-05T02:00:00+08:00') });
    expect(openState(night, at('2026-03-05T01:45:00+08:00'), SH).closesSoon).toBe(true);
    expect(openState(night, at('2026-03-05T02:30:00+08:00'), SH)).toMatchObject({ state: 'closed', changesAt: at('2026-03-05T20:00:00+08:00') });
  });

  it('is always open for 24/7 with no change to announce', () => {
    expect(openState('24/7', at('2026-03-04T03:00:00+08:00'), SH)).toEqual({ state: 'open', closesSoon: false, changesAt: null });
  });

  it('is closed on Sunday for weekday and Saturday hours, opening on Monday', () => {
    const s = openState(WEEKDAYS, at('2026-03-01T11:00:00+08:00'), SH);
    expect(s).toEqual({ state: 'closed', closesSoon: false, changesAt: at('2026-03-02T08:00:00+08:00') });
    expect(openState(WEEKDAYS, at('2026-02-28T11:40:00+08:00'), SH)).toMatchObject({ state: 'open', closesSoon: true });
  });

  describe('public holidays', () => {
    const rule = 'Mo-Su 08:00-20:00; PH off';

    it('parses "PH off" and keeps the other rules on ordinary days', () => {
      const s = openState(rule, at('2026-03-04T10:00:00+08:00'), SH);
      expect(s.error).toBeUndefined();
      expect(s.state).toBe('open');
    });

    it('is closed on every day of an official break, and opens again after it (国庆 2026: 10-1 to 10-7)', () => {
      expect(openState(rule, at('2026-10-01T10:00:00+08:00'), SH).state).toBe('closed');
      expect(openState(rule, at('2026-10-05T10:00:00+08:00'), SH).state).toBe('closed');
      expect(openState(rule, at('2026-05-01T10:00:00+08:00'), SH).state).toBe('closed');
      expect(openState(rule, at('2026-10-01T10:00:00+08:00'), SH).changesAt).toEqual(at('2026-10-08T08:00:00+08:00'));
    });

    it('is closed during 春节 2026 (15 to 23 Feb) and open on its make-up Saturday, 14 Feb, as on a weekday', () => {
      const office = 'Mo-Fr 08:30-17:30; PH off';
      expect(openState(office, at('2026-02-17T10:00:00+08:00'), SH)).toEqual({
        state: 'closed',
        closesSoon: false,
        changesAt: at('2026-02-24T08:30:00+08:00'),
      });
      expect(openState(office, at('2026-02-14T10:00:00+08:00'), SH)).toEqual({ state: 'open', closesSoon: false, changesAt: at('2026-02-14T17:30:00+08:00') });
      // An ordinary Saturday stays closed.
      expect(openState(office, at('2026-03-07T10:00:00+08:00'), SH).state).toBe('closed');
      // A value without PH is read as written, make-up day or not.
      expect(openState('Mo-Fr 08:30-17:30', at('2026-02-14T10:00:00+08:00'), SH).state).toBe('closed');
    });

    it("knows 2027's Spring Festival before its arrangement is published: 除夕 to 初三 (5 to 8 Feb) by the statutory rules", () => {
      const office = 'Mo-Fr 08:30-17:30; PH off';
      expect(openState(office, at('2027-02-05T10:00:00+08:00'), SH).state).toBe('closed'); // 除夕, a Friday
      expect(openState(office, at('2027-02-08T10:00:00+08:00'), SH)).toEqual({
        state: 'closed',
        closesSoon: false,
        changesAt: at('2027-02-09T08:30:00+08:00'),
      }); // 初三, a Monday
      expect(openState(office, at('2027-02-04T10:00:00+08:00'), SH).state).toBe('open');
      expect(openState(rule, at('2027-06-09T10:00:00+08:00'), SH).state).toBe('closed'); // 端午
      expect(openState(rule, at('2027-09-15T10:00:00+08:00'), SH).state).toBe('closed'); // 中秋
      expect(openState(rule, at('2027-04-05T10:00:00+08:00'), SH).state).toBe('closed'); // 清明
    });

    it("takes a make-up Saturday and extra days off from the dataset (a new year's arrangement, a regional holiday)", () => {
      const office = 'Mo-Fr 08:30-17:30; PH off';
      const holidays = { off: ['2027-02-09', '2027-02-10'], work: ['2027-02-20'] };
      expect(openState(office, at('2027-02-20T10:00:00+08:00'), SH, { holidays })).toMatchObject({ state: 'open', changesAt: at('2027-02-20T17:30:00+08:00') });
      expect(openState(office, at('2027-02-20T10:00:00+08:00'), SH).state).toBe('closed');
      expect(openState(office, at('2027-02-08T10:00:00+08:00'), SH, { holidays }).changesAt).toEqual(at('2027-02-11T08:30:00+08:00'));
    });

    it('does not count 妇女节, 青年节 or 儿童节 as days off', () => {
      for (const day of ['2027-03-08', '2027-05-04', '2027-06-01']) expect(openState(rule, at(`${day}T10:00:00+08:00`), SH).state, day).toBe('open');
    });

    it('gives holidays their own hours, in a list of days, and past midnight', () => {
      expect(openState('Mo-Fr 08:00-17:00; PH 09:00-12:00', at('2026-10-02T11:45:00+08:00'), SH)).toEqual({
        state: 'open',
        closesSoon: true,
        changesAt: at('2026-10-02T12:00:00+08:00'),
      });
      expect(openState('Mo-Fr 08:00-17:00; PH 09:00-12:00', at('2026-10-02T14:00:00+08:00'), SH).state).toBe('closed');
      expect(openState('Sa,PH 10:00-16:00', at('2026-10-02T11:00:00+08:00'), SH).state).toBe('open');
      expect(openState('Sa,PH 10:00-16:00', at('2026-10-08T11:00:00+08:00'), SH).state).toBe('closed');
      // 22:00 to 02:00 on the last day of the break (7 Oct): still open at 01:00 on the 8th.
      expect(openState('PH 22:00-02:00', at('2026-10-08T01:00:00+08:00'), SH)).toMatchObject({ state: 'open', changesAt: at('2026-10-08T02:00:00+08:00') });
      expect(openState('PH 22:00-02:00', at('2026-10-09T01:00:00+08:00'), SH).state).toBe('closed');
      // "PH" inside a comment is left alone (a comment makes the state unknown, as the library says).
      expect(openState('Mo-Su 08:00-18:00 "PH: ask at the door"', at('2026-10-02T10:00:00+08:00'), SH)).not.toHaveProperty('error');
    });

    it("decides the day in the dataset's time zone, not the machine's", () => {
      // 1 Oct 2026 00:30 in Shanghai is still 30 Sep in UTC.
      expect(openState('Mo-Su 00:00-24:00; PH off', at('2026-10-01T00:30:00+08:00'), SH).state).toBe('closed');
      expect(openState('Mo-Su 00:00-24:00; PH off', at('2026-09-30T23:30:00+08:00'), SH)).toMatchObject({
        state: 'open',
        closesSoon: true,
        changesAt: at('2026-10-01T00:00:00+08:00'),
      });
    });

    it("uses the library's holidays for another country", () => {
      // 3 October is German Unity Day.
      expect(openState(rule, at('2026-10-03T10:00:00+02:00'), 'Europe/Berlin', { countryCode: 'de', state: 'Berlin' }).state).toBe('closed');
      expect(openState(rule, at('2026-10-05T10:00:00+02:00'), 'Europe/Berlin', { countryCode: 'de', state: 'Berlin' }).state).toBe('open');
    });
  });

  it('reports invalid syntax as unknown with the message, never throwing', () => {
    const s = openState('每天 8 点到 5 点', at('2026-03-04T10:00:00+08:00'), SH);
    expect(s.state).toBe('unknown');
    expect(s.closesSoon).toBe(false);
    expect(s.changesAt).toBeNull();
    expect(s.error).toEqual(expect.any(String));
    expect(s.error!.length).toBeGreaterThan(0);
    expect(openState('', at('2026-03-04T10:00:00+08:00'), SH)).toMatchObject({ state: 'unknown', error: expect.any(String) });
  });

  it('reports an unknown time zone as unknown instead of throwing', () => {
    expect(openState('24/7', at('2026-03-04T10:00:00+08:00'), 'Mars/Olympus')).toMatchObject({ state: 'unknown', error: expect.any(String) });
  });

  it('says unknown for an "unknown" rule', () => {
    expect(openState('Mo-Fr 08:00-12:00 unknown', at('2026-03-04T10:00:00+08:00'), SH).state).toBe('unknown');
  });
});

describe('time zones', () => {
  const instant = at('2026-03-04T10:00:00+08:00');

  it('evaluates the same instant in the zone it is given', () => {
    expect(openState(WEEKDAYS, instant, SH).state).toBe('open');
    // Berlin at that instant: 03:00 on Wednesday, before opening at 08:00 CET (+01:00).
    expect(openState(WEEKDAYS, instant, 'Europe/Berlin')).toMatchObject({ state: 'closed', changesAt: at('2026-03-04T08:00:00+01:00') });
  });

  it('returns the change as a real instant across a DST change of the zone', () => {
    // 29 March 2026: Berlin moves to CEST (+02:00) at 02:00. 07:00 CEST is 05:00Z.
    const s = openState('Mo-Su 08:00-20:00', at('2026-03-29T05:00:00Z'), 'Europe/Berlin');
    expect(s).toMatchObject({ state: 'closed', changesAt: at('2026-03-29T08:00:00+02:00') });
  });

  describe('whatever the machine zone is', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    for (const machine of ['UTC', 'America/New_York', 'Pacific/Kiritimati']) {
      it(`gives the same answer with TZ=${machine}`, () => {
        process.env.TZ = machine;
        expect(wallClockIn(instant, SH)).toEqual({ year: 2026, month: 3, day: 4, hour: 10, minute: 0, second: 0 });
        expect(openState(WEEKDAYS, instant, SH)).toEqual({ state: 'open', closesSoon: false, changesAt: at('2026-03-04T17:30:00+08:00') });
        expect(openState('Mo-Su 20:00-02:00', at('2026-03-05T01:00:00+08:00'), SH).changesAt).toEqual(at('2026-03-05T02:00:00+08:00'));
        expect(openState(WEEKDAYS, at('2026-03-01T11:00:00+08:00'), SH).state).toBe('closed');
      });
    }

    it('really changes the machine zone in this test process', () => {
      process.env.TZ = 'America/New_York';
      expect(new Date('2026-03-04T10:00:00Z').getTimezoneOffset()).toBe(300);
    });
  });
});

describe('wall clock helpers', () => {
  it('round-trips a wall-clock time to its instant', () => {
    const wall = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 };
    expect(instantOfWallClock({ year: 2026, month: 3, day: 4, hour: 17, minute: 30, second: 0 }, SH)).toEqual(at('2026-03-04T17:30:00+08:00'));
    // Berlin falls back at 03:00 CEST on 25 October 2026: 02:30 happens twice; the earlier is taken.
    expect(instantOfWallClock(wall, 'Europe/Berlin')).toEqual(at('2026-10-25T02:30:00+02:00'));
    // Berlin springs forward at 02:00 CET on 29 March 2026: 02:30 is skipped and read as 03:30 CEST.
    expect(instantOfWallClock({ ...wall, month: 3, day: 29 }, 'Europe/Berlin')).toEqual(at('2026-03-29T03:30:00+02:00'));
  });
});
