import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA, parseUrlState, urlFor } from '../../src/store/url';

describe('shareable URL', () => {
  it('defaults to the sample, Chinese, resident mode', () => {
    expect(parseUrlState('')).toEqual({
      data: DEFAULT_DATA,
      compound: null,
      gate: null,
      at: null,
      profile: 'standard',
      minutes: 15,
      lang: 'zh',
      mode: 'resident',
      notices: [],
    });
  });

  it('reads data, compound and lang', () => {
    const s = parseUrlState('?data=data/other&compound=c-007&lang=en');
    expect(s).toMatchObject({ data: 'data/other', compound: 'c-007', lang: 'en', notices: [] });
  });

  it('falls back with a notice on bad values, never failing', () => {
    const s = parseUrlState('?lang=fr&mode=admin&data=javascript:alert(1)');
    expect(s.lang).toBe('zh');
    expect(s.mode).toBe('resident');
    expect(s.data).toBe(DEFAULT_DATA);
    expect(s.notices.map((n) => n.vars?.param)).toEqual(['lang', 'mode', 'data']);
  });

  it('reads an origin point, profile and minutes, rejecting bad ones', () => {
    expect(parseUrlState('?at=119.33,26.09&profile=elder&minutes=10')).toMatchObject({ at: [119.33, 26.09], profile: 'elder', minutes: 10, notices: [] });
    const bad = parseUrlState('?at=26.09&profile=fast&minutes=99');
    expect(bad).toMatchObject({ at: null, profile: 'standard', minutes: 15 });
    expect(bad.notices.map((n) => n.vars?.param)).toEqual(['at', 'profile', 'minutes']);
  });

  it('reads every mode', () => {
    expect(parseUrlState('?mode=hall')).toMatchObject({ mode: 'hall', notices: [] });
    expect(parseUrlState('?mode=planner').mode).toBe('planner');
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const base = { data: DEFAULT_DATA, at: null, profile: 'standard' as const, minutes: 15 };
    const url = urlFor('http://localhost/?mode=hall&x=1', { ...base, mode: 'hall', compound: 'c-1', lang: 'en' });
    expect(new URL(url).searchParams.toString()).toBe('mode=hall&x=1&compound=c-1&lang=en');
    expect(urlFor('http://localhost/?mode=hall', { ...base, mode: 'resident', compound: null, lang: 'zh' })).toBe('http://localhost/');
    expect(urlFor('http://localhost/?compound=c-1', { ...base, compound: null, lang: 'zh' })).toBe('http://localhost/');
    const point = urlFor('http://localhost/', { ...base, compound: null, at: [119.33, 26.09], profile: 'elder', minutes: 10, lang: 'zh' });
    expect(parseUrlState(new URL(point).search)).toMatchObject({ at: [119.33, 26.09], profile: 'elder', minutes: 10, notices: [] });
  });
});
