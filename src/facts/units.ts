// The units a fact or series may carry, and how each reads in every locale.
// Adding a unit here is the one place to teach briefdeck a new kind of number.
import type { Locale } from '../format/locale.js';

export interface UnitSpec {
  /** Long form for running text; `{n}` is the formatted number. */
  long: Record<Locale, string>;
  /** Short form for key figures, chart axes and tables. */
  short: Record<Locale, string>;
  /** Percent-like units compare by difference (points), not by ratio. */
  isRate?: boolean;
  /** Ordinal units print `6th` / `thứ 6`. */
  isOrdinal?: boolean;
  /** Words for an axis or column title, e.g. "US$ billion". */
  axis: Record<Locale, string>;
}

export const units: Record<string, UnitSpec> = {
  'USD bn': {
    long: { en: 'US${n} billion', vi: '{n} tỷ USD' },
    short: { en: 'US${n}bn', vi: '{n} tỷ USD' },
    axis: { en: 'US$ billion', vi: 'tỷ USD' },
  },
  'USD m': {
    long: { en: 'US${n} million', vi: '{n} triệu USD' },
    short: { en: 'US${n}m', vi: '{n} triệu USD' },
    axis: { en: 'US$ million', vi: 'triệu USD' },
  },
  '%': {
    long: { en: '{n}%', vi: '{n}%' },
    short: { en: '{n}%', vi: '{n}%' },
    axis: { en: 'per cent', vi: 'phần trăm' },
    isRate: true,
  },
  pp: {
    long: { en: '{n} percentage points', vi: '{n} điểm phần trăm' },
    short: { en: '{n} pp', vi: '{n} điểm %' },
    axis: { en: 'percentage points', vi: 'điểm phần trăm' },
  },
  tonnes: {
    long: { en: '{n} tonnes', vi: '{n} tấn' },
    short: { en: '{n} t', vi: '{n} tấn' },
    axis: { en: 'tonnes', vi: 'tấn' },
  },
  projects: {
    long: { en: '{n} projects', vi: '{n} dự án' },
    short: { en: '{n} projects', vi: '{n} dự án' },
    axis: { en: 'projects', vi: 'dự án' },
  },
  count: {
    long: { en: '{n}', vi: '{n}' },
    short: { en: '{n}', vi: '{n}' },
    axis: { en: 'number', vi: 'số lượng' },
  },
  rank: {
    long: { en: '{n}', vi: 'thứ {n}' },
    short: { en: '{n}', vi: 'thứ {n}' },
    axis: { en: 'rank', vi: 'thứ hạng' },
    isOrdinal: true,
  },
  years: {
    long: { en: '{n} years', vi: '{n} năm' },
    short: { en: '{n} yrs', vi: '{n} năm' },
    axis: { en: 'years', vi: 'năm' },
  },
};

export const unitNames = Object.keys(units);
