// A value with its unit and qualifier → text: `over US$200 billion`,
// `hơn 200 tỷ USD`, `6th`, `692,500 tonnes`.
import { units } from '../facts/units.js';
import { words, type Locale } from './locale.js';
import { formatNumber, formatOrdinal } from './number.js';

export type Qualifier = 'over' | 'about' | 'under';

export interface ValueLike {
  value: number | string;
  unit?: string | undefined;
  qualifier?: Qualifier | undefined;
}

export interface ValueFormat {
  decimals?: number | undefined;
  form?: 'long' | 'short';
}

/** The bare number in a unit's style (ordinal for ranks), no unit words. */
export function formatBareNumber(n: number, unit: string | undefined, locale: Locale, decimals?: number): string {
  return unit && units[unit]?.isOrdinal ? formatOrdinal(n, locale) : formatNumber(n, locale, decimals);
}

export function formatValue(v: ValueLike, locale: Locale, fmt: ValueFormat = {}): string {
  if (typeof v.value === 'string') return v.value;
  const spec = v.unit ? units[v.unit] : undefined;
  const n = formatBareNumber(v.value, v.unit, locale, fmt.decimals);
  const body = spec ? spec[fmt.form ?? 'long'][locale].replace('{n}', n) : n;
  return v.qualifier ? `${words[locale][v.qualifier]} ${body}` : body;
}
