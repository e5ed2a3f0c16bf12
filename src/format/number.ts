// Numbers → locale text. Decimals default to those the data was written
// with (260.65 keeps two, 13.5 keeps one): a brief never invents precision.
import type { Locale } from './locale.js';

// Numbers are written here rather than by Intl.NumberFormat, whose first use
// in a process loads ICU's number data: 30 ms of every cold build on the
// critical path (measured on 2 slow cores). The output is Intl's, character
// for character (tests/format/number-like-intl.test.ts compares them over
// many values): the same separators, the same grouping (en-GB and vi-VN both
// group from 4 digits), and the same rounding, half away from zero, applied
// to the shortest decimal that reads back as the double (what ICU rounds
// too: 1.005 to two places is 1.01, not toFixed's 1.00).
const separators: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  vi: { group: '.', decimal: ',' },
};

/** |n|'s shortest decimal digits (as String(n) writes them), split at the point, without exponent. */
function plainDigits(abs: number): { int: string; frac: string } {
  const s = String(abs);
  const e = s.indexOf('e');
  if (e < 0) {
    const point = s.indexOf('.');
    return point < 0 ? { int: s, frac: '' } : { int: s.slice(0, point), frac: s.slice(point + 1) };
  }
  const mantissa = s.slice(0, e);
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const intDigits = (point < 0 ? mantissa.length : point) + Number(s.slice(e + 1));
  if (intDigits <= 0) return { int: '0', frac: '0'.repeat(-intDigits) + digits };
  if (intDigits >= digits.length) return { int: digits + '0'.repeat(intDigits - digits.length), frac: '' };
  return { int: digits.slice(0, intDigits), frac: digits.slice(intDigits) };
}

/** Add one to a string of decimal digits. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - i - 1)}`;
}

function groupDigits(int: string, group: string): string {
  let out = '';
  for (let end = int.length; end > 0; end -= 3) out = `${int.slice(Math.max(0, end - 3), end)}${out ? group : ''}${out}`;
  return out;
}

/** `n` with exactly `decimals` digits after the point, grouped, in the locale's separators. */
function writeNumber(n: number, locale: Locale, decimals: number): string {
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return `${sign}∞`;
  let { int, frac } = plainDigits(Math.abs(n));
  if (frac.length > decimals) {
    const roundsUp = frac.charCodeAt(decimals) >= 53; // the first digit dropped is 5 or more
    let kept = int + frac.slice(0, decimals);
    if (roundsUp) kept = increment(kept);
    int = kept.slice(0, kept.length - decimals);
    frac = kept.slice(kept.length - decimals);
  } else frac = frac.padEnd(decimals, '0');
  const { group, decimal } = separators[locale];
  return `${sign}${groupDigits(int, group)}${frac ? `${decimal}${frac}` : ''}`;
}

/** Digits after the point as written in the source value. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const s = String(n);
  if (s.includes('e')) return Math.min(20, Number(s.split('e-')[1] ?? 0));
  return s.split('.')[1]?.length ?? 0;
}

export function formatNumber(n: number, locale: Locale, decimals?: number): string {
  const d = decimals ?? decimalsOf(n);
  // At most 20 places, as Intl allowed (beyond, it threw): `0e-400000000` in a dataset must not ask for 400 million zeros.
  return writeNumber(n, locale, Math.min(20, Math.max(0, Math.trunc(d) || 0)));
}

/** CLDR's English ordinal rule (what Intl.PluralRules('en', { type: 'ordinal' }) selects for an integer, without loading ICU): 1st, 2nd, 3rd, 11th–13th, 21st… */
function englishOrdinalSuffix(n: number): string {
  if (!Number.isFinite(n)) return 'th';
  const abs = Math.abs(n);
  const [tens, units] = [abs % 100, abs % 10];
  if (units === 1 && tens !== 11) return 'st';
  if (units === 2 && tens !== 12) return 'nd';
  if (units === 3 && tens !== 13) return 'rd';
  return 'th';
}

export function formatOrdinal(n: number, locale: Locale): string {
  if (locale === 'vi') return formatNumber(n, locale, 0);
  // The suffix of the integer printed: 2.5 is written 3, so 3rd.
  const printed = formatNumber(n, locale, 0);
  // (Its last two digits: the digits read back as a number would be the double again, not what is printed.)
  return `${printed}${englishOrdinalSuffix(Number(printed.replace(/[^\d]/g, '').slice(-2)))}`;
}

/** Signed percentage, e.g. `+13.5%` / `−2.0%` (true minus sign), at the data's precision unless told. */
export function formatSignedPercent(n: number, locale: Locale, decimals?: number): string {
  const body = formatNumber(Math.abs(n), locale, decimals ?? decimalsOf(n));
  const sign = n > 0 ? '+' : n < 0 ? '\u2212' : '';
  return `${sign}${body}%`;
}
