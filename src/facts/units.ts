// Unit declarations (dataset.yaml `units:`, and the built-in ones below,
// written the same way) → the unit table every formatter reads: long, short
// and axis forms per locale. The table belongs to the dataset
// (`dataset.units`); nothing formats with the built-ins behind its back.
import type { Locale } from '../format/locale.js';

export interface UnitSpec {
  /** Long form for running text; `{n}` is the formatted number. */
  long: Record<Locale, string>;
  /** Short form for key figures, tables and the fact annex. */
  short: Record<Locale, string>;
  /** Words for an axis or column title, e.g. "US$ billion". */
  axis: Record<Locale, string>;
  /** Percent-like units compare by difference (points), not by ratio. */
  isRate?: boolean;
  /** Ordinal units print `6th` / `thứ 6`. */
  isOrdinal?: boolean;
  /** `false`: a negative value in this unit is an error. */
  negative?: boolean;
}

/** Unit name → how it prints. Plain objects: it travels in the dataset cache as JSON. */
export type UnitTable = Record<string, UnitSpec>;

export const scales = ['thousand', 'million', 'billion', 'trillion'] as const;
export type Scale = (typeof scales)[number];

/** One value for every locale, or one per locale. */
export type PerLocale<T> = T | Partial<Record<Locale, T>>;

export interface UnitDeclaration {
  symbol?: PerLocale<string>;
  name?: PerLocale<string>;
  position?: PerLocale<'before' | 'after'>;
  scale?: Scale;
  negative?: boolean;
  rate?: boolean;
  ordinal?: boolean;
  long?: PerLocale<string>;
  short?: PerLocale<string>;
  axis?: PerLocale<string>;
}

const scaleWords: Record<Locale, Record<'long' | 'short', Record<Scale, string>>> = {
  en: {
    long: { thousand: 'thousand', million: 'million', billion: 'billion', trillion: 'trillion' },
    short: { thousand: 'k', million: 'm', billion: 'bn', trillion: 'tn' },
  },
  // Vietnamese has no abbreviated scale words in running use: key figures say "tỷ" too.
  vi: {
    long: { thousand: 'nghìn', million: 'triệu', billion: 'tỷ', trillion: 'nghìn tỷ' },
    short: { thousand: 'nghìn', million: 'triệu', billion: 'tỷ', trillion: 'nghìn tỷ' },
  },
};

/** English uses a currency sign before the number, Vietnamese after it ("260,65 tỷ USD"). */
const defaultPosition: Record<Locale, 'before' | 'after'> = { en: 'before', vi: 'after' };

const isPerLocale = <T>(v: PerLocale<T> | undefined): v is Partial<Record<Locale, T>> => typeof v === 'object' && v !== null;

/** A symbol or name: one given for English serves Vietnamese too ("€", "TEU"). */
function word(v: PerLocale<string> | undefined, locale: Locale): string {
  if (!isPerLocale(v)) return v ?? '';
  return v[locale] ?? v.en ?? '';
}

/** An explicit form for this locale only; a locale left out gets the generated one. */
function explicit(v: PerLocale<string> | undefined, locale: Locale): string | undefined {
  return isPerLocale(v) ? v[locale] : v;
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
const letterAt = (s: string, i: number) => /\p{L}/u.test(s.at(i) ?? '');

/**
 * Where the words go: `US$1.40 billion` (a sign joins the number), `KES 1,234
 * million` (letters take a space), `1,40 tỷ USD`, `13.5%`, `1.40bn` (English
 * short scales join the number).
 */
function generate(d: UnitDeclaration, locale: Locale, form: 'long' | 'short'): string {
  const symbol = word(d.symbol, locale);
  const name = word(d.name, locale);
  const scale = d.scale ? scaleWords[locale][form][d.scale] : '';
  const number = locale === 'en' && form === 'short' && scale ? `{n}${scale}` : join('{n}', scale);
  const body = join(number, name);
  if (!symbol) return body;
  const position = (isPerLocale(d.position) ? d.position[locale] : d.position) ?? defaultPosition[locale];
  if (position === 'before') return `${symbol}${letterAt(symbol, -1) ? ' ' : ''}${body}`;
  return `${body}${letterAt(symbol, 0) || body !== '{n}' ? ' ' : ''}${symbol}`;
}

function generateAxis(d: UnitDeclaration, locale: Locale, unitName: string): string {
  const symbol = word(d.symbol, locale);
  const words = join(d.scale ? scaleWords[locale].long[d.scale] : '', word(d.name, locale));
  const position = (isPerLocale(d.position) ? d.position[locale] : d.position) ?? defaultPosition[locale];
  const text = !symbol ? words : position === 'before' ? join(symbol, words) : join(words, symbol);
  return text || unitName;
}

export function unitFromDeclaration(unitName: string, d: UnitDeclaration): UnitSpec {
  const forms = (form: 'long' | 'short' | 'axis', make: (l: Locale) => string): Record<Locale, string> => ({
    en: explicit(d[form], 'en') ?? make('en'),
    vi: explicit(d[form], 'vi') ?? make('vi'),
  });
  const spec: UnitSpec = {
    long: forms('long', (l) => generate(d, l, 'long')),
    short: forms('short', (l) => generate(d, l, 'short')),
    axis: forms('axis', (l) => generateAxis(d, l, unitName)),
  };
  if (d.rate) spec.isRate = true;
  if (d.ordinal) spec.isOrdinal = true;
  if (d.negative === false) spec.negative = false;
  return spec;
}

/**
 * What briefdeck knows without a declaration; a dataset may override any of
 * them. Counts, quantities, durations and ranks are never negative.
 */
export const builtInDeclarations: Record<string, UnitDeclaration> = {
  'USD bn': { symbol: { en: 'US$', vi: 'USD' }, scale: 'billion' },
  'USD m': { symbol: { en: 'US$', vi: 'USD' }, scale: 'million' },
  '%': { symbol: '%', position: 'after', rate: true, axis: { en: 'per cent', vi: 'phần trăm' } },
  pp: { name: { en: 'percentage points', vi: 'điểm phần trăm' }, short: { en: '{n} pp', vi: '{n} điểm %' } },
  tonnes: { name: { en: 'tonnes', vi: 'tấn' }, short: { en: '{n} t' }, negative: false },
  projects: { name: { en: 'projects', vi: 'dự án' }, negative: false },
  count: { axis: { en: 'number', vi: 'số lượng' }, negative: false },
  rank: { symbol: { vi: 'thứ' }, position: 'before', ordinal: true, axis: { en: 'rank', vi: 'thứ hạng' }, negative: false },
  years: { name: { en: 'years', vi: 'năm' }, short: { en: '{n} yrs' }, negative: false },
};

/** The built-in units alone: the base every dataset's table starts from. */
export function builtInUnits(): UnitTable {
  // No prototype: a unit named `constructor` is unknown until declared (see util/own-record.ts).
  const table: UnitTable = Object.create(null) as UnitTable;
  for (const [name, d] of Object.entries(builtInDeclarations)) table[name] = unitFromDeclaration(name, d);
  return table;
}
