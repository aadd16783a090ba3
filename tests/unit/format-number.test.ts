import { describe, expect, it } from 'vitest';
import { formatNumber, htmlLang, LANGS } from '../../src/i18n';

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
      values.push((x % 1_200_000) / 1000, (x % 20_000) / 7, x % 1300);
    }
    for (const lang of LANGS)
      for (const digits of [0, 1, 2, 3]) {
        const intl = new Intl.NumberFormat(htmlLang(lang), { maximumFractionDigits: digits });
        for (const value of values) expect(formatNumber(lang, value, digits), `${lang} ${value} ${digits}`).toBe(intl.format(value));
      }
  });
});
