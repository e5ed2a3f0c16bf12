// Hostile chart specs: links (`href`), keys written twice, negative pie
// slices. Each is a chart error positioned in the spec file, not a crash or
// a chart drawn from half the spec.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { makeProject, remove, run } from '../cli/run-cli.js';

let dir = '';
afterEach(() => remove(dir));

const specFile = 'templates/charts/trade.vl.json';

function buildWithSpec(spec: string, csv?: (text: string) => string) {
  dir = makeProject(['mini']);
  writeFileSync(path.join(dir, specFile), spec);
  if (csv) {
    const f = path.join(dir, 'data/mini/series/trade.csv');
    writeFileSync(f, csv(readFileSync(f, 'utf8')));
  }
  const r = run(dir, 'build', '--data', 'data/mini', '--template', 'brief');
  return { ...r, out: r.stdout + r.stderr };
}

const noCrash = (out: string) => expect(out).not.toMatch(/internal error|\n\s+at |reading 'href'/);

describe('links in chart specs', () => {
  it('an `href` encoding channel is refused at its key', () => {
    const r = buildWithSpec(`{
  "data": { "name": "trade" },
  "mark": "bar",
  "encoding": {
    "x": { "field": "periodLabel", "type": "nominal" },
    "y": { "field": "value", "type": "quantitative" },
    "href": { "field": "source", "type": "nominal" }
  }
}
`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${specFile}:7:5 error ${messages['chart/href-forbidden'].text({ path: '$.encoding.href' })}`);
    noCrash(r.out);
  });

  it('an `href` mark property is refused at its key', () => {
    const r = buildWithSpec(`{
  "data": { "name": "trade" },
  "mark": { "type": "bar", "href": "https://example.org" },
  "encoding": { "x": { "field": "periodLabel", "type": "nominal" }, "y": { "field": "value", "type": "quantitative" } }
}
`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${specFile}:3:28 error ${messages['chart/href-forbidden'].text({ path: '$.mark.href' })}`);
    noCrash(r.out);
  });
});

describe('duplicate keys in chart specs', () => {
  it('a key written twice is an error at the second one', () => {
    const r = buildWithSpec(`{
  "data": { "name": "trade" },
  "mark": "bar",
  "mark": "line",
  "encoding": {
    "x": { "field": "periodLabel", "type": "nominal", "type": "ordinal" },
    "y": { "field": "value", "type": "quantitative" }
  }
}
`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${specFile}:4:3 error ${messages['chart/duplicate-key'].text({ key: 'mark' })}`);
    expect(r.out).toContain(`${specFile}:6:55 error ${messages['chart/duplicate-key'].text({ key: 'type' })}`);
  });
});

describe('negative pie slices', () => {
  it('an arc mark refuses a negative value in its theta field', () => {
    const r = buildWithSpec(
      `{
  "data": { "name": "trade" },
  "mark": "arc",
  "encoding": {
    "theta": { "field": "value", "type": "quantitative" },
    "color": { "field": "periodLabel", "type": "nominal" }
  }
}
`,
      (csv) => csv.replace(/^(\d{4}[^,\n]*),([\d.]+)/m, '$1,-$2'),
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`${specFile.replace(/\./g, '\\.')}:5:5 error a pie or arc chart cannot show the negative value -`));
  });
});
