// Keys written twice in a chart spec (src/charts/load-specs.ts): found by a
// scan of the JSON, at the second key, per object, whatever the spelling.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChartSpec } from '../../src/charts/load-specs.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-dupkeys-'));
mkdirSync(path.join(root, 'templates', 'charts'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function duplicates(text: string): string[] {
  const file = path.join(root, 'templates', 'charts', 'c.vl.json');
  writeFileSync(file, text);
  return loadChartSpec(file, 'c', { root }).diagnostics.filter((d) => d.rule === 'chart/duplicate-key').map((d) => `${d.position.line}:${d.position.column} ${d.message}`);
}

describe('duplicate keys in a chart spec', () => {
  it('are reported at the second key, with its line and column', () => {
    expect(duplicates('{\n  "mark": "bar",\n    "mark": "line"\n}\n')).toEqual(['3:5 duplicate key `mark` in the chart spec']);
  });

  it('count per object: the same key in sibling objects, or at another depth, is no duplicate', () => {
    expect(duplicates('{"layer": [{"mark": "bar"}, {"mark": "line", "encoding": {"mark": 1}}], "mark": "x"}')).toEqual([]);
  });

  it('are the same key however it is escaped, as JSON.parse reads it', () => {
    expect(duplicates('{"mark": "bar", "m\\u0061rk": "line"}')).toEqual(['1:17 duplicate key `mark` in the chart spec']);
  });
});
