// Numbers → locale text. Decimals default to those the data was written
// with (260.65 keeps two, 13.5 keeps one): a brief never invents precision.
import { intlTag, type Locale } from './locale.js';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}:${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlTag[locale], { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    formatters.set(key, f);
  }
  return f;
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
  // vi-VN groups 4-digit numbers (1.234) like en does; no special case needed.
  return formatter(locale, d, d).format(n);
}

const ordinalRules = new Intl.PluralRules('en-GB', { type: 'ordinal' });
const ordinalSuffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

export function formatOrdinal(n: number, locale: Locale): string {
  if (locale === 'vi') return formatNumber(n, locale, 0);
  return `${formatNumber(n, locale, 0)}${ordinalSuffix[ordinalRules.select(n)] ?? 'th'}`;
}

/** Signed percentage, e.g. `+13.5%` / `−2.0%` (true minus sign), at the data's precision unless told. */
export function formatSignedPercent(n: number, locale: Locale, decimals?: number): string {
  const body = formatNumber(Math.abs(n), locale, decimals ?? decimalsOf(n));
  const sign = n > 0 ? '+' : n < 0 ? '\u2212' : '';
  return `${sign}${body}%`;
}
