// Issue 9: a chart spec of the wrong shape, and Vega-Lite's warnings, point at the spec file.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDocumentAndCharts } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { copyFixture, edit, lineOf } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = copyFixture('mini');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const spec = 'templates/charts/trade.vl.json';
const req = () => ({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });
const chartDiagnostics = async () => (await checkDocumentAndCharts(req())).diagnostics.filter((d) => d.rule.startsWith('chart/'));

describe('chart spec problems at the spec file', () => {
  it('a mark property of the wrong type is a schema error with a JSON pointer, not a crash message', async () => {
    edit(dir, spec, '"mark": "bar",', '"mark": {"type": "bar", "filled": "yes"},');
    const d = await chartDiagnostics();
    expect(d.map((x) => x.rule)).toEqual(['chart/schema']);
    expect(d[0]!.message).toBe(messages['chart/schema'].text({ pointer: '/mark/filled', detail: 'expected boolean, found "yes"' }));
    expect(d[0]!.position).toMatchObject({ file: path.join(dir, spec), line: lineOf(dir, spec, '"filled"') });
    expect(d.map((x) => x.message).join(' ')).not.toContain('Cannot read properties');
  });

  it('a mark type Vega-Lite does not know is a schema error too', async () => {
    edit(dir, spec, '"mark": "bar",', '"mark": "bars",');
    const d = await chartDiagnostics();
    expect(d.map((x) => x.rule)).toEqual(['chart/schema']);
    expect(d[0]!.message).toContain('/mark: expected one of');
  });

  it("passes Vega-Lite's own warnings on, at the spec file and the key they name", async () => {
    edit(dir, spec, '"y": {', '"shape": { "field": "value", "type": "quantitative" },\n    "y": {');
    const d = await chartDiagnostics();
    const w = d.filter((x) => x.rule === 'chart/vega-warning');
    expect(w.length).toBeGreaterThan(0);
    expect(w[0]!.position).toMatchObject({ file: path.join(dir, spec), line: lineOf(dir, spec, '"shape"') });
  });
});
