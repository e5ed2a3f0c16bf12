// Relations are checked at the precision figures were written with: 1.40
// stands for 1.395…1.405, not 1.35…1.45 as the number 1.4 would.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rangeOf, relationDiagnostics } from '../../src/check/relations.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { copyFixture, edit, fixtures } from '../helpers.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('relations at written precision', () => {
  it('gives a figure the range its written decimals stand for', () => {
    const r = rangeOf(1.4, 2);
    expect(r.lo).toBeCloseTo(1.395, 10);
    expect(r.hi).toBeCloseTo(1.405, 10);
  });

  it('holds for the fixture: 1.40 / 1.30 is 7.7% within rounding', () => {
    expect(relationDiagnostics(loadDataset(path.join(fixtures, 'units', 'data')).value!)).toEqual([]);
  });

  it('does not hold for 10.0%, which 1.4 / 1.3 (one decimal) would have allowed', () => {
    dir = copyFixture('units');
    edit(dir, 'data/facts.yaml', 'value: 7.7', 'value: 10.0');
    const d = relationDiagnostics(loadDataset(path.join(dir, 'data')).value!);
    expect(d.map((x) => x.rule)).toEqual(['check/relation-mismatch']);
    expect(d[0]!.message).toContain('stated 10.0,');
  });
});
