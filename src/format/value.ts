// A value with its unit and qualifier → text: `over US$200 billion`,
// `hơn 200 tỷ USD`, `6th`, `692,500 tonnes`. The unit table is the
// dataset's (built-in plus declared units), passed in by every caller.
import type { UnitTable } from '../facts/units.js';
import { words, type Locale } from './locale.js';
import { decimalsOf, formatNumber, formatOrdinal } from './number.js';

export type Qualifier = 'over' | 'about' | 'under';

export interface ValueLike {
  value: number | string;
  unit?: string | undefined;
  qualifier?: Qualifier | undefined;
  /** Decimals as written in the data (`1.40` → 2); else those of the JS number. */
  decimals?: number | undefined;
}

export interface ValueFormat {
  /** Overrides the value's own decimals (a helper's `decimals=`). */
  decimals?: number | undefined;
  form?: 'long' | 'short';
}

/** The bare number in a unit's style (ordinal for ranks), no unit words. */
export function formatBareNumber(n: number, unit: string | undefined, locale: Locale, table: UnitTable, decimals?: number): string {
  return unit && table[unit]?.isOrdinal ? formatOrdinal(n, locale) : formatNumber(n, locale, decimals ?? decimalsOf(n));
}

export function formatValue(v: ValueLike, locale: Locale, table: UnitTable, fmt: ValueFormat = {}): string {
  if (typeof v.value === 'string') return v.value;
  const spec = v.unit ? table[v.unit] : undefined;
  const decimals = fmt.decimals ?? v.decimals;
  let body: string;
  if (!spec) body = formatBareNumber(v.value, v.unit, locale, table, decimals);
  else {
    // The sign goes before a currency symbol: `-US$1.2 billion`, not `US$-1.2 billion`.
    const n = formatBareNumber(Math.abs(v.value), v.unit, locale, table, decimals);
    body = `${v.value < 0 ? '-' : ''}${spec[fmt.form ?? 'long'][locale].replace('{n}', n)}`;
  }
  return v.qualifier ? `${words[locale][v.qualifier]} ${body}` : body;
}
