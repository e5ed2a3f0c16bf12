// Issue 9: a spec of the wrong shape is reported against Vega-Lite's schema, at the spec file and key.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { validateChartSpec } from '../../src/charts/validate-spec.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtures, root } from '../helpers.js';

const check = (spec: object) => {
  const text = JSON.stringify(spec, null, 2);
  return validateChartSpec('c.vl.json', text, spec as Record<string, unknown>).map((d) => ({ line: d.position.line, rule: d.rule, message: d.message }));
};
const base = { data: { name: 's' }, encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } };

describe('validateChartSpec', () => {
  it('accepts a good spec, and every spec shipped with the project and its fixtures', () => {
    expect(check({ ...base, mark: { type: 'bar', filled: true } })).toEqual([]);
    const dirs = [path.join(root, 'templates', 'charts'), ...['mini', 'standard', 'units', 'fidelity'].map((f) => path.join(fixtures, f, 'templates', 'charts'))];
    for (const dir of dirs) {
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((n) => n.endsWith('.vl.json'));
      } catch {
        continue;
      }
      for (const n of names) {
        const text = readFileSync(path.join(dir, n), 'utf8');
        expect(validateChartSpec(n, text, JSON.parse(text)), n).toEqual([]);
      }
    }
  });

  it('reports a mark property of the wrong type, with a JSON pointer at its line', () => {
    const spec = { ...base, mark: { type: 'bar', filled: 'yes' } };
    const line = JSON.stringify(spec, null, 2).split('\n').findIndex((l) => l.includes('"filled"')) + 1;
    const d = check(spec);
    expect(d).toEqual([{ line, rule: 'chart/schema', message: messages['chart/schema'].text({ pointer: '/mark/filled', detail: 'expected boolean, found "yes"' }) }]);
  });

  it('reports an unknown mark type and a mark object without type', () => {
    expect(check({ ...base, mark: 'bars' })[0]!.message).toContain('/mark: expected one of "arc", "area", "bar"');
    expect(check({ ...base, mark: { filled: true } })[0]!.message).toContain('/mark: a mark object needs `type`');
  });

  it('reports an encoding channel of the wrong shape, an unknown channel and a bad field type', () => {
    const d = check({ mark: 'bar', data: { name: 's' }, encoding: { x: 'period', colour: { field: 'a' }, y: { field: 'value', type: 'quantitativ' } } });
    expect(d.map((x) => x.message)).toEqual([
      expect.stringContaining('/encoding/x: expected object'),
      expect.stringContaining('/encoding/colour: unknown property `colour`; did you mean `color`'),
      expect.stringContaining('/encoding/y/type: expected one of "quantitative"'),
    ]);
  });

  it('checks the views of a layer', () => {
    expect(check({ ...base, layer: [{ mark: 'bar' }, { mark: 'lin' }] })[0]!.message).toContain('/layer/1/mark');
  });
});
