import { describe, expect, it } from 'vitest';
import type { VolunteerFeature } from '../../src/domain/volunteers/availability';
import { availabilityAt, availableVolunteers } from '../../src/domain/volunteers/availability';
import { DEFAULT_SERVICE_RADIUS_M, serviceRadiusM } from '../../src/domain/volunteers/serviceRadius';
import { CATEGORY_SKILL, skillForCode, skillsPresent } from '../../src/domain/volunteers/skills';
import { instantInWeekOf, parseInstant, snapshotClock, startOfDate, weekTimeOf, isoInZone } from '../../src/domain/volunteers/time';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

function volunteer(id: string, skills: string[], availability?: string): VolunteerFeature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [119.33, 26.09] }, properties: { id, skills, ...(availability ? { availability } : {}) } };
}

describe('availability across midnight', () => {
  it('a night shift 22:00-06:00 covers the small hours of the next day', () => {
    // 2026-11-03 is a Tuesday.
    expect(availabilityAt('Mo-Su 22:00-06:00', at('2026-11-03T03:00:00+08:00'), TZ)).toBe('yes');
    expect(availabilityAt('Mo-Su 22:00-06:00', at('2026-11-03T07:00:00+08:00'), TZ)).toBe('no');
    expect(availabilityAt('Mo-Su 22:00-06:00', at('2026-11-03T22:30:00+08:00'), TZ)).toBe('yes');
  });

  it('a Friday-night shift runs into Saturday, not into Friday morning', () => {
    // 2026-10-30 is a Friday, 2026-10-31 a Saturday.
    expect(availabilityAt('Fr 22:00-02:00', at('2026-10-31T01:00:00+08:00'), TZ)).toBe('yes');
    expect(availabilityAt('Fr 22:00-02:00', at('2026-10-30T01:00:00+08:00'), TZ)).toBe('no');
    expect(availabilityAt('Fr 22:00-02:00', at('2026-10-31T02:30:00+08:00'), TZ)).toBe('no');
  });

  it('reads the clock in the dataset time zone, whatever the instant is written in', () => {
    // 12:00 UTC is 20:00 in Shanghai.
    expect(availabilityAt('Mo-Fr 18:00-21:00', at('2026-11-02T12:00:00Z'), TZ)).toBe('yes');
    expect(availabilityAt('Mo-Fr 18:00-21:00', at('2026-11-02T12:00:00Z'), 'Europe/London')).toBe('no');
  });

  it('treats no hours as always and unreadable hours as never', () => {
    expect(availabilityAt(undefined, at('2026-11-02T12:00:00Z'), TZ)).toBe('always');
    expect(availabilityAt('whenever I can', at('2026-11-02T12:00:00Z'), TZ)).toBe('invalid');
  });

  it('picks the volunteers with the skill who are available, counting the unreadable apart', () => {
    const team = [
      volunteer('v-1', ['medical'], 'Mo-Su 20:00-02:00'),
      volunteer('v-2', ['medical', 'escort'], 'Sa,Su 08:00-18:00'),
      volunteer('v-3', ['escort'], 'Mo-Su 20:00-02:00'),
      volunteer('v-4', ['medical']),
      volunteer('v-5', ['medical'], 'not a schedule'),
    ];
    const monday20 = at('2026-11-02T20:00:00+08:00');
    const medical = availableVolunteers(team, 'medical', monday20, TZ);
    expect(medical.available.map((v) => v.properties.id)).toEqual(['v-1', 'v-4']);
    expect(medical).toMatchObject({ withoutHours: 1, unreadable: ['v-5'], withSkill: 4 });
    expect(availableVolunteers(team, null, monday20, TZ).available.map((v) => v.properties.id)).toEqual(['v-1', 'v-3', 'v-4']);
  });

  it('uses a 15-minute walk when no service radius is given', () => {
    expect(serviceRadiusM({})).toBe(DEFAULT_SERVICE_RADIUS_M);
    expect(DEFAULT_SERVICE_RADIUS_M).toBe(900);
    expect(serviceRadiusM({ service_radius_m: 300 })).toBe(300);
  });
});

describe('skills for a request', () => {
  it('a skill code is its own skill; a facility category maps to the volunteer who can stand in', () => {
    expect(skillForCode('medical')).toBe('medical');
    expect(skillForCode('clinic')).toBe('medical');
    expect(skillForCode('canteen')).toBe('errand');
    expect(skillForCode('elderly_care')).toBe('companionship');
    expect(skillForCode('park')).toBeNull();
    expect(skillForCode('sign-language', new Set(['sign-language']))).toBe('sign-language');
    expect(Object.values(CATEGORY_SKILL).every((s) => ['medical', 'errand', 'companionship'].includes(s))).toBe(true);
  });

  it('lists known skills first, then the others by name', () => {
    expect(skillsPresent([{ skills: ['repair', 'zither'] }, { skills: ['medical', 'art'] }])).toEqual(['medical', 'repair', 'art', 'zither']);
  });
});

describe('week times and clocks', () => {
  it('finds 20:00 on a weekday of the same Monday-to-Sunday week', () => {
    const sunday = at('2026-11-01T10:00:00+08:00');
    expect(weekTimeOf(sunday, TZ)).toEqual({ weekday: 6, minuteOfDay: 600 });
    expect(instantInWeekOf(sunday, { weekday: 0, minuteOfDay: 20 * 60 }, TZ).toISOString()).toBe('2026-10-26T12:00:00.000Z');
    expect(instantInWeekOf(sunday, { weekday: 6, minuteOfDay: 20 * 60 }, TZ).toISOString()).toBe('2026-11-01T12:00:00.000Z');
  });

  it('reads times with an offset as given and times without one in the dataset zone', () => {
    expect(parseInstant('2026-10-20T09:30:00+08:00', TZ)?.toISOString()).toBe('2026-10-20T01:30:00.000Z');
    expect(parseInstant('2026-10-20 09:30', TZ)?.toISOString()).toBe('2026-10-20T01:30:00.000Z');
    expect(parseInstant('yesterday', TZ)).toBeNull();
    expect(startOfDate('2026-11-01', TZ)?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(isoInZone(at('2026-11-01T02:07:00Z'), TZ)).toBe('2026-11-01T10:07:00+08:00');
  });

  it('judges a snapshot at its data date, and live data now', () => {
    const later = at('2026-11-23T13:00:00Z');
    expect(snapshotClock(later, '2026-11-01', TZ).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    const earlier = at('2026-10-20T00:00:00Z');
    expect(snapshotClock(earlier, '2026-11-01', TZ)).toBe(earlier);
    expect(snapshotClock(later, undefined, TZ)).toBe(later);
  });
});
