// The README's promise, as an invariant over every fixture, brief and deck:
// every number printed from data carries a citation. Precisely:
//   1. in every run of inline content (a paragraph, heading, table cell, list
//      item, callout and speaker-notes paragraph), each place a numeric fact
//      the template used is printed in its formatted form (long or short,
//      e.g. "US$260.65 billion" or "US$260.65bn", not inside a longer printed
//      value such as "over US$260bn") is followed, in the same run, by a
//      citation of that fact or of its source (a sentence may cite a source
//      once for two of its figures);
//   2. every key figure carries a citation of its fact, and one for its change when it shows one;
//   3. every chart's source line carries at least one citation;
//   4. every fact the template used as a claim or a listed row is cited somewhere in the document.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/build.js';
import type { Block, Citation, Document, Inline } from '../../src/document/nodes.js';
import type { Dataset, Fact } from '../../src/facts/dataset.js';
import { formatValue } from '../../src/format/value.js';
import { fixtures, root } from '../helpers.js';

const cases: { name: string; templatesDir: string; template: string; dataDir: string }[] = [];
for (const fixture of ['mini', 'units', 'fidelity']) {
  for (const template of ['brief', 'deck']) cases.push({ name: `${fixture} ${template}`, templatesDir: path.join(fixtures, fixture, 'templates'), template, dataDir: path.join(fixtures, fixture, 'data') });
}
for (const template of ['standard-brief', 'standard-deck']) cases.push({ name: `standard ${template}`, templatesDir: path.join(root, 'templates'), template, dataDir: path.join(fixtures, 'standard', 'data') });
// The bundled project too: what a user sees first.
for (const template of ['brief', 'deck']) cases.push({ name: `vietnam-china ${template}`, templatesDir: path.join(root, 'templates'), template, dataDir: path.join(root, 'data', 'vietnam-china') });

/** Runs of inline content: each is one place where a value and its citation must sit together. */
function inlineRuns(blocks: readonly Block[], out: Inline[][] = []): Inline[][] {
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        out.push(b.children);
        break;
      case 'list':
        for (const item of b.items) inlineRuns(item.children, out);
        break;
      case 'table':
        for (const row of b.rows) for (const cell of row) out.push(cell.children);
        break;
      case 'callout':
      case 'notes':
        inlineRuns(b.children, out);
        break;
      case 'footnote-list':
        for (const item of b.items) inlineRuns(item.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

type Piece = { text: string } | { citation: Citation };
function flatten(inlines: readonly Inline[], out: Piece[] = []): Piece[] {
  for (const n of inlines) {
    if (n.type === 'text') out.push({ text: n.value });
    else if (n.type === 'citation') out.push({ citation: n });
    else if (n.type === 'strong' || n.type === 'emphasis' || n.type === 'link') flatten(n.children, out);
  }
  return out;
}

function allCitations(doc: Document): Citation[] {
  const out: Citation[] = [];
  const visit = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(visit);
    const n = v as { type?: string };
    if (n.type === 'citation') out.push(n as Citation);
    for (const x of Object.values(v)) visit(x);
  };
  visit(doc.children);
  return out;
}

function printedForms(dataset: Dataset, f: Fact, locale: 'en' | 'vi'): string[] {
  return [...new Set([formatValue(f, locale, dataset.units), formatValue(f, locale, dataset.units, { form: 'short' })])].filter((s) => /\d/.test(s));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('every number printed from data carries a citation', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = prepareDocument({ ...c, outDir: '/tmp/briefdeck-unused' });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const { document: doc, dataset, uses } = r.value!;
      const locale = doc.meta.locale;
      const used = [...new Set(uses.map((u) => u.factId))].map((id) => dataset.facts[id]!).filter((f) => typeof f.value === 'number');
      const problems: string[] = [];

      // 1. A printed value is followed by its citation in the same run.
      const forms = used.flatMap((f) => printedForms(dataset, f, locale).map((text) => ({ text, f })));
      for (const run of inlineRuns(doc.children)) {
        const pieces = flatten(run);
        pieces.forEach((p, i) => {
          if (!('text' in p)) return;
          const hits = forms.flatMap(({ text, f }) => [...p.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}.,])${escape(text)}(?![\\p{N}]|[.,]\\p{N})`, 'gu'))].map((m) => ({ text, f, start: m.index, end: m.index + text.length })));
          for (const { text, f, start, end } of hits) {
            if (hits.some((h) => h.end - h.start > end - start && h.start <= start && h.end >= end)) continue;
            const sameText = forms.filter((x) => x.text === text).map((x) => x.f);
            const cited = pieces.slice(i + 1).some((q) => 'citation' in q && sameText.some((g) => q.citation.factIds.includes(g.id) || q.citation.sourceId === g.source));
            if (!cited) problems.push(`"${text}" (\`${f.id}\`) printed without its citation in: ${pieces.map((q) => ('text' in q ? q.text : `[${q.citation.number}]`)).join('')}`);
          }
        });
      }

      // 2, 3. Key figures and chart source lines.
      const visit = (blocks: readonly Block[]) => {
        for (const b of blocks) {
          if (b.type === 'key-figures') {
            for (const k of b.figures) {
              if (k.citations.length === 0) problems.push(`key figure "${k.value}" has no citation`);
              if (k.change && /\d/.test(k.change) && k.citations.length < 1) problems.push(`key figure change "${k.change}" has no citation`);
            }
          } else if (b.type === 'chart') {
            if (!b.sourceLine.some((n) => n.type === 'citation')) problems.push(`chart ${b.name} has no citation in its source line`);
          } else if (b.type === 'callout' || b.type === 'notes') visit(b.children);
          else if (b.type === 'list') for (const item of b.items) visit(item.children);
        }
      };
      visit(doc.children);

      // 4. Every claim and listed row is cited somewhere.
      const citedIds = new Set(allCitations(doc).flatMap((x) => x.factIds));
      for (const u of uses) if ((u.role === 'claim' || u.role === 'listed') && !citedIds.has(u.factId)) problems.push(`\`${u.factId}\` is used (${u.role}) but never cited`);

      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
