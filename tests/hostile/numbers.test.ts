// Numbers a brief would print wrong: negatives in units that have none, and
// values whose written text does not survive being read as a double.
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { numberTextProblem } from '../../src/facts/precision.js';
import { builtInUnits } from '../../src/facts/units.js';
import { buildInProcess, editedProject, remove } from '../cli/run-cli.js';

let dir = '';
afterEach(() => remove(dir));

/** `validate` in this process, through the batch runner the CLI's workers use. */
function validate(edits: [file: string, from: string | RegExp, to: string][]) {
  dir = editedProject('mini', edits);
  return buildInProcess(dir, 'data/mini', 'brief', 'validate');
}

const facts = 'data/mini/facts.yaml';
const csv = 'data/mini/series/trade.csv';

describe('negative values', () => {
  it('the built-in count, projects, tonnes, years and rank refuse negatives', async () => {
    const table = builtInUnits();
    for (const u of ['count', 'projects', 'tonnes', 'years', 'rank']) expect(table[u]!.negative, u).toBe(false);
    expect(table['%']!.negative).toBeUndefined();
  });

  it('a negative count in facts.yaml is an error at the value', async () => {
    const r = await validate([[facts, 'value: 200\n    unit: USD bn', 'value: -3\n    unit: count']]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/data\/mini\/facts\.yaml:\d+:12 error /);
    expect(r.out).toContain(messages['facts/negative-value'].text({ owner: 'fact `vn-2024`', value: -3, unit: 'count' }));
  });

  it('a negative count in a series CSV is an error at the cell', async () => {
    const r = await validate([
      ['data/mini/series.yaml', 'unit: USD bn', 'unit: projects'],
      [csv, '2023,171.9', '2023,-171.9'],
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${csv}:2:6 error ${messages['facts/negative-value'].text({ owner: 'series `trade`', value: -171.9, unit: 'projects' })}`);
  });
});

describe('numbers that do not round-trip', () => {
  it('knows which texts survive', async () => {
    expect(numberTextProblem('260.65', 260.65)).toBeUndefined();
    expect(numberTextProblem('1.40', 1.4)).toBeUndefined();
    expect(numberTextProblem('0.1', 0.1)).toBeUndefined();
    expect(numberTextProblem('-12', -12)).toBeUndefined();
    expect(numberTextProblem('1.5e3', 1500)).toBeUndefined();
    expect(numberTextProblem('9007199254740991', 9007199254740991)).toBeUndefined();
    expect(numberTextProblem('9007199254740993', 9007199254740993)).toBe('unsafe-integer');
    expect(numberTextProblem('0.12345678901234567891', 0.12345678901234567891)).toBe('digits');
    expect(numberTextProblem('1.0000000000000001', 1.0000000000000001)).toBe('digits');
    expect(numberTextProblem('9'.repeat(309), Number('9'.repeat(309)))).toBe('infinite');
  });

  it('an integer beyond 2^53 in facts.yaml is an error at the value', async () => {
    const r = await validate([[facts, 'value: 200\n', 'value: 9007199254740993\n']]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(messages['facts/imprecise-number'].text({ found: '9007199254740993', problem: 'unsafe-integer', read: '9007199254740992' }));
    expect(r.out).toMatch(/data\/mini\/facts\.yaml:\d+:12 error the number `9007199254740993`/);
  });

  it('a 309-digit value in facts.yaml is an error, not 1e+308', async () => {
    const big = `1${'2'.repeat(308)}`;
    const r = await validate([[facts, 'value: 200\n', `value: ${big}\n`]]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`the number \`${big}\` cannot be kept as written`);
  });

  it('a value with more digits than a double keeps is an error', async () => {
    const r = await validate([[facts, 'value: 260.65\n', 'value: 260.650000000000000001\n']]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(messages['facts/imprecise-number'].text({ found: '260.650000000000000001', problem: 'digits', read: '260.65' }));
  });

  it('a CSV value cell that does not round-trip is an error at the cell', async () => {
    const r = await validate([[csv, '2023,171.9', '2023,12345678901234567890']]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${csv}:2:6 error ${messages['facts/imprecise-number'].text({ found: '12345678901234567890', problem: 'unsafe-integer', read: '12345678901234567000' })}`);
  });
});
