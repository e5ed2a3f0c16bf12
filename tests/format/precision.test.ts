// Decimals as written, and formatting at them.
import { describe, expect, it } from 'vitest';
import { writtenDecimals } from '../../src/facts/precision.js';
import { builtInUnits } from '../../src/facts/units.js';
import { formatValue } from '../../src/format/value.js';

const builtIn = builtInUnits();

describe('writtenDecimals', () => {
  it.each([
    ['1.40', 2],
    ['2973.0', 1],
    ['260.65', 2],
    ['200', 0],
    ['-0.250', 3],
    ['.5', 1],
    ['1.5e3', 0],
    ['1.25e1', 1],
    ['1e-3', 3],
  ])('%s has %i decimals', (raw, d) => {
    expect(writtenDecimals(raw)).toBe(d);
  });

  it('is undefined for text that is not a plain number', () => {
    expect(writtenDecimals('0x1F')).toBeUndefined();
    expect(writtenDecimals('.inf')).toBeUndefined();
    expect(writtenDecimals('')).toBeUndefined();
  });
});

describe('formatValue at the written precision', () => {
  it('prints the decimals the value carries, unless told otherwise', () => {
    expect(formatValue({ value: 1.4, unit: 'USD bn', decimals: 2 }, 'en', builtIn)).toBe('US$1.40 billion');
    expect(formatValue({ value: 2973, unit: 'tonnes', decimals: 1 }, 'en', builtIn)).toBe('2,973.0 tonnes');
    expect(formatValue({ value: 2973, unit: 'tonnes', decimals: 1 }, 'vi', builtIn)).toBe('2.973,0 tấn');
    expect(formatValue({ value: 1.4, unit: 'USD bn', decimals: 2 }, 'en', builtIn, { decimals: 0 })).toBe('US$1 billion');
    expect(formatValue({ value: 1.4, unit: '%', decimals: 2 }, 'vi', builtIn, { form: 'short' })).toBe('1,40%');
  });

  it('puts a minus sign before a currency symbol', () => {
    expect(formatValue({ value: -1.25, unit: 'USD bn' }, 'en', builtIn)).toBe('-US$1.25 billion');
    expect(formatValue({ value: -1.25, unit: 'USD bn' }, 'vi', builtIn)).toBe('-1,25 tỷ USD');
  });
});
