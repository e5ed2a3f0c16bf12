// Data and chart limits (issue 10): a huge series, a huge chart, rows made by
// transforms and regular expressions in chart expressions are each refused,
// positioned, within seconds; raising the limit in briefdeck.yaml lets them in.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sequenceRows, usesRegex } from '../../src/charts/spec-limits.js';
import { buildInProcess, makeProject, remove } from '../cli/run-cli.js';

let dir = '';
afterEach(() => remove(dir));

const specFile = 'templates/charts/trade.vl.json';
const csvFile = 'data/mini/series/trade.csv';

function project(limits?: string): string {
  dir = makeProject(['mini'], limits === undefined ? undefined : `documents:\n  - template: brief\n    data: data/mini\nlimits: { ${limits} }\n`);
  return dir;
}

/** The build's messages, in this process (the CLI prints the same lines; it is tested with `run` elsewhere). */
async function build() {
  const started = Date.now();
  const r = await buildInProcess(dir, 'data/mini', 'brief');
  return { ...r, ms: Date.now() - started };
}

/** A trade.csv of `n` rows (the mini fixture's first row, with periods that stay valid). */
function bigCsv(n: number): void {
  // Row i depends on i mod 9000 only: 9,000 rows made once, then repeated (a million rows in milliseconds).
  const row = (i: number) => `${1000 + (i % 9000)},${(i % 500) + 0.5},vns,\n`;
  const block = Array.from({ length: Math.min(n, 9000) }, (_, i) => row(i)).join('');
  const rest = Array.from({ length: n % 9000 }, (_, i) => row(i)).join('');
  writeFileSync(path.join(dir, csvFile), `period,value,source,basis\n${n >= 9000 ? block.repeat(Math.floor(n / 9000)) : ''}${rest}`);
}

function spec(body: Record<string, unknown>): void {
  writeFileSync(path.join(dir, specFile), `${JSON.stringify({ usermeta: { mixes: ['bases'] }, data: { name: 'trade' }, mark: 'bar', encoding: { x: { field: 'periodLabel', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } }, ...body }, null, 2)}\n`);
}

const lineOf = (file: string, needle: string) => readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('seriesRows', () => {
  it('a 1,000,000-row series is refused at its series.yaml entry, without parsing it', async () => {
    project();
    bigCsv(1_000_000);
    const r = await build();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`series.yaml:${lineOf('data/mini/series.yaml', 'file:')}:`);
    expect(r.out).toMatch(/limit exceeded: rows in one series file \(100,000\): `series\/trade.csv` has 1,000,000 lines after its header \[limit\/exceeded\]/);
    expect(r.out).toContain('seriesRows');
    expect(r.ms).toBeLessThan(15_000);
  });

  it('`limits: { seriesRows }` in briefdeck.yaml lowers it, and raising it lets the series in', async () => {
    project('seriesRows: 1');
    expect((await build()).out).toMatch(/limit exceeded: rows in one series file \(1\)/);
    remove(dir);
    project('seriesRows: 2');
    const r = await build();
    expect(r.out).not.toContain('limit/exceeded');
    expect(r.code).toBe(0);
  });
});

describe('chartRows', () => {
  it('a chart drawing 30,000 rows is refused at the ::chart directive', async () => {
    project();
    bigCsv(30_000);
    const r = await build();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`document.md.hbs:${lineOf('templates/brief/document.md.hbs', '::chart')}:`);
    expect(r.out).toMatch(/limit exceeded: rows drawn by one chart \(20,000\): 30,000 rows \(`trade` 30,000\)/);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('a small `chartRows` refuses the mini chart; a larger one lets it in', async () => {
    project('chartRows: 1');
    expect((await build()).out).toMatch(/rows drawn by one chart \(1\)/);
    remove(dir);
    project('chartRows: 2');
    expect((await build()).code).toBe(0);
  });

  it('inline `values` and `datasets` longer than chartRows are refused at the spec', async () => {
    project();
    spec({ layer: [{ mark: 'bar' }, { data: { values: Array.from({ length: 30_000 }, (_, i) => ({ v: i })) }, mark: 'rule' }] });
    let r = await build();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`trade.vl.json:${lineOf(specFile, '"values"')}:`);
    expect(r.out).toMatch(/inline `values` has 30,000 rows/);
    spec({ datasets: { extra: Array.from({ length: 30_000 }, () => 0) } });
    r = await build();
    expect(r.out).toMatch(/dataset `extra` has 30,000 rows \[limit\/exceeded\]/);
  });
});

describe('chartPixels', () => {
  it('a width of 1e7 is refused at its key, quickly', async () => {
    project();
    spec({ width: 1e7, height: 1e7 });
    const r = await build();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`trade.vl.json:${lineOf(specFile, '"width"')}:`);
    expect(r.out).toMatch(/limit exceeded: chart size in pixels \(4,000\): `width` is 10,000,000/);
    expect(r.out).toMatch(/`height` is 10,000,000/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('a padding side above the limit is refused', async () => {
    project();
    spec({ padding: { left: 5, right: 1e7 } });
    expect((await build()).out).toMatch(/`padding.right` is 10,000,000 \[limit\/exceeded\]/);
  });

  it('a `{step}` width times the categories is counted', async () => {
    project('chartPixels: 100');
    spec({ width: { step: 60 } });
    expect((await build()).out).toMatch(/`width` is 60 px × 2 categories = 120/);
    remove(dir);
    project('chartPixels: 200');
    spec({ width: { step: 60 } });
    expect((await build()).code).toBe(0);
  });

  it('raising chartPixels lets a wide chart in', async () => {
    project('chartPixels: 300');
    spec({ width: 400 });
    expect((await build()).out).toMatch(/chart size in pixels \(300\)/);
    remove(dir);
    project('chartPixels: 500');
    spec({ width: 400 });
    expect((await build()).code).toBe(0);
  });
});

describe('transformRows', () => {
  it('a sequence to 1e8 is refused at the spec, before Vega runs', async () => {
    project();
    spec({ layer: [{ mark: 'bar' }, { data: { sequence: { start: 0, stop: 1e8, as: 'n' } }, mark: 'rule' }] });
    const r = await build();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`trade.vl.json:${lineOf(specFile, '"sequence"')}:`);
    expect(r.out).toMatch(/limit exceeded: rows a chart transform makes \(100,000\): `sequence` makes 100,000,000 rows/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('counts sequences as Vega does, and an endless one is endless', async () => {
    expect(sequenceRows({ start: 0, stop: 10 })).toBe(10);
    expect(sequenceRows({ start: 0, stop: 10, step: 3 })).toBe(4);
    expect(sequenceRows({ start: 10, stop: 0, step: -1 })).toBe(10);
    expect(sequenceRows({ start: 0, stop: 10, step: 0 })).toBe(Infinity);
    expect(sequenceRows({ start: 0, stop: { signal: 'x' } })).toBe(Infinity);
  });

  it('a raised transformRows lets a longer sequence in; density steps are counted', async () => {
    project('transformRows: 10');
    spec({ layer: [{ mark: 'bar' }, { data: { sequence: { start: 0, stop: 20, as: 'n' } }, mark: 'rule', encoding: { y: { field: 'n', type: 'quantitative' } } }] });
    expect((await build()).out).toMatch(/`sequence` makes 20 rows/);
    remove(dir);
    project('transformRows: 30');
    spec({ layer: [{ mark: 'bar' }, { data: { sequence: { start: 0, stop: 20, as: 'n' } }, mark: 'rule', encoding: { y: { field: 'n', type: 'quantitative' } } }] });
    expect((await build()).out).not.toContain('limit/exceeded');
    spec({ transform: [{ density: 'value', steps: 1e9 }] });
    expect((await build()).out).toMatch(/density `steps` is 1,000,000,000/);
  });
});

describe('regular expressions in chart expressions', () => {
  it('a catastrophic pattern in `calculate` is refused at its line', async () => {
    project();
    spec({ transform: [{ calculate: "test(/(a+)+$/, datum.source + 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')", as: 'hit' }] });
    const r = await build();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`trade.vl.json:${lineOf(specFile, '"calculate"')}:`);
    expect(r.out).toMatch(/chart expression `calculate` uses a regular expression: .*\[chart\/regex-forbidden\]/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('`regexp(` in a filter and a regex literal in `labelExpr` too', async () => {
    project();
    spec({ transform: [{ filter: "replace(datum.source, regexp('(a|aa)+$'), '') != ''" }] });
    expect((await build()).out).toMatch(/`filter` uses a regular expression/);
    spec({ encoding: { x: { field: 'periodLabel', type: 'nominal', axis: { labelExpr: "replace(datum.label, /(x+x+)+y/, '')" } }, y: { field: 'value', type: 'quantitative' } } });
    expect((await build()).out).toMatch(/`labelExpr` uses a regular expression/);
  });

  it('tells division and strings from regular expressions', async () => {
    expect(usesRegex('datum.value / 2')).toBe(false);
    expect(usesRegex("replace(datum.x, '/', '-')")).toBe(false);
    expect(usesRegex('(datum.a) / (datum.b)')).toBe(false);
    expect(usesRegex('test(/a/, datum.x)')).toBe(true);
    expect(usesRegex("replace(datum.x, /a+/g, '')")).toBe(true);
    expect(usesRegex("regexp('a+')")).toBe(true);
    expect(usesRegex('datum.test(1)')).toBe(false);
  });
});

describe('fold', () => {
  it('rows × folded fields above transformRows is refused at `fold`', async () => {
    project('transformRows: 5');
    spec({ transform: [{ fold: ['value', 'period', 'source'] }] });
    expect((await build()).out).toMatch(/`fold` makes 2 rows × 3 fields \[limit\/exceeded\]/);
  });
});

describe('views', () => {
  it('many layered views each drawing every row are counted against transformRows', async () => {
    project('transformRows: 5');
    spec({ mark: undefined, encoding: undefined, layer: [1, 2, 3].map(() => ({ mark: 'bar', encoding: { x: { field: 'periodLabel', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } })) });
    expect((await build()).out).toMatch(/3 views × 2 rows \[limit\/exceeded\]/);
    remove(dir);
    project('transformRows: 6');
    spec({ mark: undefined, encoding: undefined, layer: [1, 2, 3].map(() => ({ mark: 'bar', encoding: { x: { field: 'periodLabel', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } })) });
    expect((await build()).code).toBe(0);
  });
});
