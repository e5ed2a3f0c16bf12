// The brief's provenance map: every citation marker drawn is paired with the
// citation it draws, and the cited figure is found on its line (or above it,
// for a key figure); on the example and on another topic.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/build.js';
import type { TextItem } from '../../src/render/pdf/page-model.js';
import { factInfo, pageProvenance, printedForms } from '../../src/watch/provenance.js';
import { fixtures, root } from '../helpers.js';

const cases = [
  { name: 'the example', template: 'brief', data: path.join(root, 'data', 'vietnam-china'), fact: 'trade-total-2024-cn-customs' },
  { name: 'another topic (invented figures, standard brief)', template: 'standard-brief', data: path.join(fixtures, 'standard', 'data'), fact: 'trade-total-2024-kr' },
];

describe.each(cases)('the provenance map of $name', async ({ template, data, fact }) => {
  const outcome = await buildPdf({ templatesDir: path.join(root, 'templates'), template, dataDir: data, outDir: '/nonexistent' }, { write: false });
  const doc = outcome.prepared!.document;
  const dataset = outcome.prepared!.dataset;
  const map = pageProvenance(doc, outcome.pageModel!, dataset);
  const markersDrawn = outcome.pageModel!.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.type === 'text' && !!i.link && 'dest' in i.link && i.link.dest.startsWith('source-') && /^\[\d+\]$/.test(i.text)));

  it('has an entry for every marker that cites facts', () => {
    const markers = map.filter((m) => m.kind === 'marker');
    expect(markers.length).toBeGreaterThan(5);
    expect(markers.length).toBeLessThanOrEqual(markersDrawn.length);
  });

  it('puts each cited number over text printing one of its facts', () => {
    const numbers = map.filter((m) => m.kind === 'number');
    expect(numbers.length).toBeGreaterThan(map.filter((m) => m.kind === 'marker').length / 2);
    const page1 = outcome.pageModel!.pages[0]!.items.filter((i): i is TextItem => i.type === 'text');
    const hit = numbers.find((m) => m.page === 1 && m.facts.includes(fact))!;
    expect(hit).toBeDefined();
    // The text item under the box prints the fact's value.
    const under = page1.find((t) => t.x <= hit.x + 0.5 && hit.x + hit.w <= t.x + t.width + 0.5 && Math.abs(t.y - (hit.y + t.sizePt * 0.9)) < 1)!;
    expect(printedForms(dataset, doc.meta.locale, [fact]).some((p) => under.text.includes(p))).toBe(true);
  });

  it('describes the fact behind each entry with its source', () => {
    const info = factInfo(dataset, doc.meta.locale, doc.facts, outcome.diagnostics);
    for (const m of map) for (const id of m.facts) expect(info[id]?.source?.publisher).toBeTruthy();
    expect(info[fact]!.value).toMatch(/^\d/);
  });
});
