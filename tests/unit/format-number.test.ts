import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDate, formatDateTime, formatNumber, htmlLang, LANGS, numberFormat } from '../../src/i18n';

describe('formatNumber', () => {
  it('writes every number as Intl.NumberFormat does, in every language', () => {
    const values = [
      0,
      0.2,
      0.5,
      1,
      1.5,
      2.5,
      6.49,
      99.5,
      998.7,
      999.49,
      999.5,
      1000,
      1234.5,
      98_765,
      -0.4,
      -3,
      -2.5,
      12.345,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    for (const lang of LANGS)
      for (const digits of [0, 1, 2])
        for (const value of values)
          expect(formatNumber(lang, value, digits), `${lang} ${value} ${digits}`).toBe(
            new Intl.NumberFormat(htmlLang(lang), { maximumFractionDigits: digits }).format(value),
          );
  });

  it('agrees with Intl on halves, carries and thousands of walking minutes and metres', () => {
    const values = [1.05, 1.15, 2.675, 0.05, 0.95, 9.95, 99.95, 999.95, 999.949, 0.0005, 1e-7, 123.4567, 6.25, 6.35, 0.125];
    let x = 12_345;
    for (let i = 0; i < 3000; i++) {
      x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
      values.push((x % 1_200_000) / 1000, (x % 20_000) / 7, x % 1300, x, x / 977, (x * 431) / 1000);
    }
    // A city's people and metres, and the edges of what is written directly.
    values.push(1_000, 9_999.995, 12_345_678, 999_999_999_999.4, 999_999_999_999.6, 1e12, 1e15 + 0.5, 2 ** 53, 1e21);
    for (const lang of LANGS)
      for (const digits of [0, 1, 2, 3]) {
        const intl = new Intl.NumberFormat(htmlLang(lang), { maximumFractionDigits: digits });
        for (const value of values) expect(formatNumber(lang, value, digits), `${lang} ${value} ${digits}`).toBe(intl.format(value));
      }
  });
});

describe('formatDate', () => {
  it('writes a day as Intl writes it (year, long month, day) in both languages, for dates and date-times', () => {
    const days: string[] = ['2026-11-01', '2026-12-31', '2024-02-29', '1999-01-09', '2026-11-01T23:30:00', '2026-06-15T00:00:00Z', '0999-05-05', '12345-01-01'];
    let at = Date.UTC(2020, 0, 1);
    for (let i = 0; i < 400; i++) {
      at += 86_400_000 * 3 + 3_600_000 * 7;
      days.push(new Date(at).toISOString().slice(0, 10), new Date(at).toISOString());
    }
    for (const lang of LANGS) {
      const intl = new Intl.DateTimeFormat(htmlLang(lang), { year: 'numeric', month: 'long', day: 'numeric' });
      for (const iso of days) {
        const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
        expect(formatDate(lang, iso), `${lang} ${iso}`).toBe(Number.isNaN(date.getTime()) ? iso : intl.format(date));
      }
    }
    expect(formatDate('zh', '2026-11-01')).toBe('2026年11月1日');
    expect(formatDate('en', '2026-11-01')).toBe('November 1, 2026');
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });
});

describe('formatDateTime', () => {
  it('writes a moment as Intl writes it (short date and time) in both languages, morning, noon, evening and midnight', () => {
    const moments = [
      new Date(2026, 11, 6, 8, 21),
      new Date(2026, 0, 1, 0, 5),
      new Date(2026, 0, 1, 12, 0),
      new Date(2005, 0, 6, 13, 1),
      new Date(2099, 11, 31, 23, 59),
    ].map((d) => d.getTime());
    let at = Date.UTC(2020, 0, 1);
    for (let i = 0; i < 600; i++) moments.push((at += 86_400_000 * 2 + 3_600_000 * 5 + 60_000 * 7));
    moments.push(Date.UTC(999, 4, 5), Date.UTC(12345, 0, 1));
    for (const lang of LANGS) {
      const intl = new Intl.DateTimeFormat(htmlLang(lang), { dateStyle: 'short', timeStyle: 'short' });
      for (const ms of moments) expect(formatDateTime(lang, ms), `${lang} ${new Date(ms).toISOString()}`).toBe(intl.format(ms));
    }
    expect(formatDateTime('zh', new Date(2026, 11, 6, 8, 21).getTime())).toBe('2026/12/6 08:21');
    expect(formatDateTime('en', new Date(2026, 11, 6, 20, 1).getTime())).toBe('12/6/26, 8:01 PM');
    expect(formatDateTime('en', Number.NaN)).toBe('');
  });
});

describe('Intl formatters', () => {
  it('are made once per locale and options, and format as a new one would', () => {
    const options: Intl.DateTimeFormatOptions = {
      timeZone: 'Asia/Shanghai',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    const once = dateTimeFormat('zh-CN', options);
    expect(dateTimeFormat('zh-CN', { ...options })).toBe(once);
    expect(dateTimeFormat('en-GB', options)).not.toBe(once);
    expect(dateTimeFormat('zh-CN', { ...options, timeZone: 'UTC' })).not.toBe(once);
    const at = Date.UTC(2026, 9, 29, 11, 22);
    expect(once.format(at)).toBe(new Intl.DateTimeFormat('zh-CN', options).format(at));
    expect(numberFormat('en-GB', { style: 'percent' })).toBe(numberFormat('en-GB', { style: 'percent' }));
    expect(numberFormat('en-GB', { style: 'percent' }).format(0.25)).toBe('25%');
  });
});
