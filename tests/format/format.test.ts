import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/facts/period.js';
import { formatNumber, formatOrdinal } from '../../src/format/number.js';
import { formatDate, formatPeriod } from '../../src/format/period.js';
import { builtInUnits } from '../../src/facts/units.js';
import { formatValue } from '../../src/format/value.js';

const builtIn = builtInUnits();

describe('formatValue', () => {
  it('writes billions of US dollars in each locale', () => {
    expect(formatValue({ value: 260.65, unit: 'USD bn' }, 'en', builtIn)).toBe('US$260.65 billion');
    expect(formatValue({ value: 260.65, unit: 'USD bn' }, 'vi', builtIn)).toBe('260,65 tỷ USD');
    expect(formatValue({ value: 260.65, unit: 'USD bn' }, 'en', builtIn, { form: 'short' })).toBe('US$260.65bn');
  });
  it('keeps the precision the data was written with, or the one asked for', () => {
    expect(formatValue({ value: 13.5, unit: '%' }, 'en', builtIn)).toBe('13.5%');
    expect(formatValue({ value: 13.5, unit: '%' }, 'vi', builtIn)).toBe('13,5%');
    expect(formatValue({ value: 1.2, unit: 'USD bn' }, 'en', builtIn)).toBe('US$1.2 billion');
    expect(formatValue({ value: 260.65, unit: 'USD bn' }, 'en', builtIn, { decimals: 1 })).toBe('US$260.7 billion');
  });
  it('groups thousands the local way', () => {
    expect(formatValue({ value: 692500, unit: 'tonnes' }, 'en', builtIn)).toBe('692,500 tonnes');
    expect(formatValue({ value: 692500, unit: 'tonnes' }, 'vi', builtIn)).toBe('692.500 tấn');
    expect(formatValue({ value: 4965, unit: 'projects' }, 'vi', builtIn)).toBe('4.965 dự án');
  });
  it('prints qualifiers and ordinals', () => {
    expect(formatValue({ value: 200, unit: 'USD bn', qualifier: 'over' }, 'en', builtIn)).toBe('over US$200 billion');
    expect(formatValue({ value: 200, unit: 'USD bn', qualifier: 'over' }, 'vi', builtIn)).toBe('hơn 200 tỷ USD');
    expect(formatValue({ value: 6, unit: 'rank' }, 'en', builtIn)).toBe('6th');
    expect(formatValue({ value: 2, unit: 'rank' }, 'en', builtIn)).toBe('2nd');
    expect(formatValue({ value: 6, unit: 'rank' }, 'vi', builtIn)).toBe('thứ 6');
    expect(formatOrdinal(13, 'en')).toBe('13th');
  });
  it('leaves text facts as they are', () => {
    expect(formatValue({ value: 'Lào Cai – Hà Nội – Hải Phòng' }, 'vi', builtIn)).toBe('Lào Cai – Hà Nội – Hải Phòng');
  });
  it('formats plain numbers', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
  });
});

describe('periods', () => {
  const p = (s: string) => parsePeriod(s)!;
  it('reads every period form and flags partial years', () => {
    expect(p('2024')).toMatchObject({ kind: 'year', start: '2024-01-01', end: '2024-12-31', partialYear: false });
    expect(p('2025-Q1')).toMatchObject({ kind: 'quarter', start: '2025-01-01', end: '2025-03-31', partialYear: true });
    expect(p('2024-02')).toMatchObject({ kind: 'month', end: '2024-02-29', partialYear: true });
    expect(p('2024-01..2024-10')).toMatchObject({ kind: 'range', start: '2024-01-01', end: '2024-10-31', partialYear: true });
    expect(p('2024-10-31')).toMatchObject({ kind: 'day', partialYear: false });
    expect(parsePeriod('2024-13')).toBeUndefined();
    expect(parsePeriod('2024-10..2024-01')).toBeUndefined();
    expect(parsePeriod('last year')).toBeUndefined();
  });
  it('writes periods in English and Vietnamese', () => {
    expect(formatPeriod(p('2024-01..2024-10'), 'en')).toBe('Jan–Oct 2024');
    expect(formatPeriod(p('2024-01..2024-10'), 'vi')).toBe('tháng 1–10/2024');
    expect(formatPeriod(p('2025-Q1'), 'en')).toBe('Q1 2025');
    expect(formatPeriod(p('2025-Q1'), 'vi')).toBe('quý I/2025');
    expect(formatPeriod(p('2024-10'), 'en')).toBe('October 2024');
    expect(formatDate('2025-09-30', 'en')).toBe('30 September 2025');
    expect(formatDate('2025-09-30', 'vi')).toBe('30/9/2025');
  });
});
