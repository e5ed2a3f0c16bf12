// The bundle checks chart specs against a slim copy of Vega-Lite's schema
// (scripts/slim-schema.mjs); run from sources, against the whole schema.
// Both must find the same problems.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptKeywords } from '../../scripts/slim-schema.mjs';
import { root } from '../helpers.js';
import { buildInProcess, makeProject, remove, run } from '../cli/run-cli.js';

describe('the slim Vega-Lite schema', () => {
  it('keeps every keyword the spec check reads (the fields of its Schema type)', () => {
    const source = readFileSync(path.join(root, 'src', 'charts', 'validate-spec.ts'), 'utf8');
    const fields = [.../type Schema = \{([^}]*)\}/.exec(source)![1]!.matchAll(/^\s*(\$?\w+)\?:/gm)].map((m) => m[1]);
    expect([...keptKeywords].sort()).toEqual(fields.sort());
  });

  it('is beside the bundle, which reads it', () => {
    const slim = readFileSync(path.join(root, 'dist', 'vega-lite-schema.slim.json'), 'utf8');
    expect(JSON.parse(slim).definitions.Mark.enum).toContain('bar');
    expect(readFileSync(path.join(root, 'dist', 'worker.cjs'), 'latin1')).toContain('vega-lite-schema.slim.json');
  });

  it('finds what the whole schema finds, at the same places', async () => {
    const dir = makeProject(['mini']);
    const spec = path.join(dir, 'templates', 'charts', 'trade.vl.json');
    writeFileSync(
      spec,
      `${JSON.stringify({
        data: { name: 'trade' },
        mark: { type: 'bar', colour: 'red', opacity: 'half' },
        encoding: { x: { field: 'periodLabel', type: 'nominall' }, y: { field: 'value', type: 'quantitative', aggregate: 'summ' }, colr: { value: 'red' }, tooltip: 3 },
        description: 'a property called description',
        layer: [{ mark: 'lin' }],
      }, null, 2)}\n`,
    );
    const bundled = run(dir, 'build', '--data', 'data/mini', '--template', 'brief');
    const fromSources = await buildInProcess(dir, 'data/mini', 'brief');
    const specLines = (out: string) => out.split('\n').filter((l) => l.startsWith('templates/charts/trade.vl.json:') && l.endsWith('[chart/schema]'));
    expect(specLines(fromSources.out).length).toBeGreaterThanOrEqual(6);
    expect(specLines(bundled.stdout + bundled.stderr)).toEqual(specLines(fromSources.out));
    remove(dir);
  });
});
