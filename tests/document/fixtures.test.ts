// Whole-document fixtures: each tests/fixtures/<case>/ with an expected/
// folder is built, and its Markdown, document tree and page model compared
// with the goldens there.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { prepareDocument } from '../../src/build.js';
import { renderCharts } from '../../src/charts/render-charts.js';
import { documentToPages } from '../../src/render/pdf/document-to-pages.js';
import { expectGolden, stableJson } from '../golden.js';
import { fixtures } from '../helpers.js';

const cases = readdirSync(fixtures).filter((c) => existsSync(path.join(fixtures, c, 'expected')));

describe.each(cases)('fixture %s', (name) => {
  const dir = path.join(fixtures, name);
  const expected = (f: string) => path.join(dir, 'expected', f);
  it('matches its golden Markdown, document tree and page model', async () => {
    const r = prepareDocument({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });
    const diagnostics = [...r.diagnostics];
    const doc = r.value!.document;
    expectGolden(expected('expanded.md'), r.value!.markdown);
    diagnostics.push(...(await renderCharts(doc)));
    expectGolden(expected('document.json'), stableJson(doc, dir));
    const pages = documentToPages(doc);
    expectGolden(expected('pages.json'), stableJson(pages.value, dir));
    expectGolden(expected('diagnostics.json'), stableJson([...diagnostics, ...pages.diagnostics], dir));
  });
});
