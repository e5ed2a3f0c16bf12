// formatNumber writes numbers without Intl (src/format/number.ts says why):
// here it is held to Intl.NumberFormat, character for character, for both
// locales, over values chosen to catch rounding, grouping, exponent and sign
// slips, and over many random ones.
import { describe, expect, it } from 'vitest';
import { formatNumber, formatOrdinal } from '../../src/format/number.js';
import { intlTag, locales } from '../../src/format/locale.js';

const intlFormats = new Map<string, Intl.NumberFormat>();
function intl(n: number, locale: 'en' | 'vi', d: number): string {
  const key = `${locale}${d}`;
  if (!intlFormats.has(key)) intlFormats.set(key, new Intl.NumberFormat(intlTag[locale], { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true }));
  return intlFormats.get(key)!.format(n);
}

const chosen = [
  0, -0, 1, -1, 5, 9.5, 99.5, 999.5, 9999.5, 0.5, 1.5, 2.5, -2.5, 1.005, 2.675, 0.125, 0.045, 1.45, 8.345, 1e-7, 1.5e-7, -0.001, -0.004, 0.0049999,
  999, 1000, 1234, 12345, 123456, 1234567, 999999.995, 260.65, 13.5, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, Math.PI, 123456789.123456789,
  1e15, 1e21, 1.2345e22, 9.999e20, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity,
];

// A small seeded generator: the same values on every run.
function* randomValues(count: number): Generator<number> {
  let seed = 20261202;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < count; i++) {
    const scale = 10 ** Math.floor(next() * 16 - 6);
    const v = (next() - 0.3) * scale;
    // Half of them with few digits, as data is written (260.65), so that ties come up.
    yield i % 2 ? v : Number(v.toFixed(Math.floor(next() * 5)));
  }
}

describe('formatNumber writes what Intl.NumberFormat writes', () => {
  for (const locale of locales) {
    it(`for chosen values, 0 to 6 and 20 decimals (${locale})`, () => {
      for (const n of chosen) for (const d of [0, 1, 2, 3, 4, 5, 6, 20]) expect(formatNumber(n, locale, d), `${n} to ${d}`).toBe(intl(n, locale, d));
    });

    it(`for 20,000 random values (${locale})`, () => {
      let i = 0;
      for (const n of randomValues(20_000)) {
        const d = i++ % 7;
        const ours = formatNumber(n, locale, d);
        if (ours !== intl(n, locale, d)) expect(ours, `${n} to ${d}`).toBe(intl(n, locale, d));
      }
    });
  }

  it('with the decimals the value was written with, when none are given', () => {
    expect(formatNumber(260.65, 'en')).toBe('260.65');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(-0.25, 'en')).toBe('-0.25');
  });

  it('and English ordinals take the suffix Intl.PluralRules selects (1st, 2nd, 3rd, 11th, 112th, 121st…)', () => {
    const rules = new Intl.PluralRules('en-GB', { type: 'ordinal' });
    const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
    for (const n of [...Array.from({ length: 1201 }, (_, i) => i - 100), 1e6 + 1, 1e6 + 11]) expect(formatOrdinal(n, 'en'), String(n)).toBe(`${formatNumber(n, 'en', 0)}${suffix[rules.select(n)]}`);
  });

  it('and a number with a fraction, printed whole, takes the suffix of what is printed', () => {
    expect([2.5, 1.0001, 0.9999, 2.9999, -3.5, 11.2].map((n) => formatOrdinal(n, 'en'))).toEqual(['3rd', '1st', '1st', '3rd', '-4th', '11th']);
    // Past 2^53 the double is not what is printed: the suffix follows the print.
    expect(formatOrdinal(1152921504606847232, 'en')).toBe('1,152,921,504,606,847,200th');
  });

  it('and at most 20 decimals, however many are asked for', () => {
    expect(formatNumber(0, 'en', 400_000_000)).toBe(`0.${'0'.repeat(20)}`);
    expect(formatNumber(1.5, 'en', Number.NaN)).toBe('2');
  });
});
