// A series CSV with a quote left open: the error is where the quote opens,
// by line and column (csv-parse itself reports the end of the file).
import { describe, expect, it } from 'vitest';
import { parseSeriesCsv } from '../../src/facts/load-csv.js';

const at = (text: string) => {
  const d = parseSeriesCsv('s.csv', text).diagnostics.find((x) => x.rule === 'csv/syntax');
  return d && `${d.position.line}:${d.position.column}`;
};

describe('an unclosed quote in a series CSV', () => {
  it('is reported where it opens, past doubled quotes inside quoted fields', () => {
    expect(at('period,value\n"a""b",1\n2023,"171.9\n2024,2\n')).toBe('3:6');
    // `""` is a quote inside the field, which stays open from its first quote.
    expect(at('period,value\n"a"",1\n2024,2\n')).toBe('2:1');
  });

  it('counts columns after a byte order mark as csv-parse does (the mark is not one)', () => {
    expect(at('\uFEFF"period,value\n2023,1\n')).toBe('1:1');
  });
});
