// Document + page model → the provenance map of a brief: where each cited
// number (and its citation marker) sits on each page, in PDF points from the
// page's top-left, with the facts behind it; and what the preview shows for
// each fact (value as stored, period, basis, source, check notes).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Citation, Document } from '../document/nodes.js';
import type { Dataset } from '../facts/dataset.js';
import { formatValue } from '../format/value.js';
import type { Locale } from '../format/locale.js';
import type { PageModel, TextItem } from '../render/pdf/page-model.js';
import { citedNumberSpan } from '../render/svg/cited-number.js';
import { defaultTheme, type Theme } from '../theme/theme.js';

export interface MapEntry {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** `number`: the cited figure; `marker`: the citation marker `[n]`. */
  kind: 'number' | 'marker';
  facts: string[];
}

export interface FactInfo {
  id: string;
  label: string;
  /** The value as stored in facts.yaml, with its unit. */
  value: string;
  /** As the document prints it. */
  printed: string;
  period: string;
  basis?: string;
  asOf?: string;
  note?: string;
  file: string;
  line: number;
  source?: { id: string; publisher: string; title: string; date: string; url?: string };
  /** Check notes about this fact: stale, superseded, conflicting. */
  notes: { severity: string; message: string; rule: string }[];
}

/** Every citation in the tree, in reading order (the order the layout places them). */
function citationsInOrder(doc: Document): Citation[] {
  const out: Citation[] = [];
  // Generic walk: the layout visits blocks and inlines in the order the tree stores them; a new node type is covered without a change here.
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const v of x) walk(v);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o['type'] === 'citation') out.push(o as unknown as Citation);
      else for (const [k, v] of Object.entries(o)) if (k !== 'position' && k !== 'spec' && k !== 'rendered') walk(v);
    }
  };
  walk(doc.children);
  return out;
}

/** The figures as a document may print them (long and short form, with and without the qualifier). */
export function printedForms(dataset: Dataset, locale: Locale, ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const f = dataset.facts[id];
    if (!f) continue;
    if (typeof f.value === 'string') {
      out.add(f.value);
      continue;
    }
    for (const form of ['long', 'short'] as const) {
      out.add(formatValue(f, locale, dataset.units, { form }));
      out.add(formatValue({ ...f, qualifier: undefined }, locale, dataset.units, { form }));
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const markerRe = /^\[(\d+)\]$/;

/** The page model's citation markers, in order, with their page. */
function markers(pages: PageModel): { page: number; item: TextItem; index: number; number: number }[] {
  const out: { page: number; item: TextItem; index: number; number: number }[] = [];
  for (const p of pages.pages) {
    p.items.forEach((it, index) => {
      if (it.type !== 'text' || !it.link || !('dest' in it.link) || !it.link.dest.startsWith('source-')) return;
      const m = markerRe.exec(it.text);
      if (m) out.push({ page: p.number, item: it, index, number: Number(m[1]) });
    });
  }
  return out;
}

/**
 * Pairs each marker drawn with the citation it draws: in order, per citation
 * number (a layout that moves a figure's citations still pairs them with the
 * same number's citations, in order).
 */
function pairCitations(doc: Document, drawn: ReturnType<typeof markers>): (Citation | undefined)[] {
  const queues = new Map<number, Citation[]>();
  for (const c of citationsInOrder(doc)) {
    const q = queues.get(c.number) ?? [];
    q.push(c);
    queues.set(c.number, q);
  }
  return drawn.map((m) => queues.get(m.number)?.shift());
}

/** `theme`: the fonts the pages were laid out with. */
export function pageProvenance(doc: Document, pages: PageModel, dataset: Dataset, theme: Theme = defaultTheme): MapEntry[] {
  const measure = (text: string, font: TextItem['font'], sizePt: number) => theme.fonts.measure(text, font, sizePt);
  const drawn = markers(pages);
  const cites = pairCitations(doc, drawn);
  const out: MapEntry[] = [];
  drawn.forEach((m, i) => {
    const facts = cites[i]?.factIds ?? [];
    if (facts.length === 0) return;
    const it = m.item;
    out.push({ page: m.page, x: it.x, y: it.y - it.sizePt, w: it.width, h: it.sizePt * 1.25, kind: 'marker', facts });
    const printed = printedForms(dataset, doc.meta.locale, facts);
    const items = pages.pages[m.page - 1]!.items;
    // The text just before the marker on its line holds the number…
    const prev = items[m.index - 1];
    const sameLine = prev && prev.type === 'text' && Math.abs(prev.x + prev.width - it.x) < 3 && Math.abs(prev.y - it.y) < prev.sizePt;
    const span = sameLine ? citedNumberSpan(prev.text, printed) : undefined;
    if (sameLine && span) {
      out.push({ page: m.page, x: prev.x + measure(prev.text.slice(0, span.start), prev.font, prev.sizePt), y: prev.y - prev.sizePt * 0.9, w: measure(prev.text.slice(span.start, span.end), prev.font, prev.sizePt), h: prev.sizePt * 1.2, kind: 'number', facts });
      return;
    }
    // …or, for a key figure, the value printed above its label.
    const above = items.find((x): x is TextItem => x.type === 'text' && printed.includes(x.text) && x.y < it.y && it.y - x.y < 60 && Math.abs(x.x - (prev && prev.type === 'text' ? prev.x : it.x)) < 2);
    if (above) out.push({ page: m.page, x: above.x, y: above.y - above.sizePt * 0.9, w: above.width, h: above.sizePt * 1.2, kind: 'number', facts });
  });
  return out;
}

/** Diagnostics that name a fact (`id` in backquotes) are notes about it. */
function notesFor(id: string, diagnostics: readonly Diagnostic[]): FactInfo['notes'] {
  const needle = `\`${id}\``;
  return diagnostics.filter((d) => d.message.includes(needle)).map((d) => ({ severity: d.severity, message: d.message, rule: d.rule }));
}

export function factInfo(dataset: Dataset, locale: Locale, ids: Iterable<string>, diagnostics: readonly Diagnostic[]): Record<string, FactInfo> {
  const out: Record<string, FactInfo> = Object.create(null);
  for (const id of ids) {
    const f = Object.hasOwn(dataset.facts, id) ? dataset.facts[id] : undefined;
    if (!f || Object.hasOwn(out, id)) continue;
    const src = Object.hasOwn(dataset.sources, f.source) ? dataset.sources[f.source] : undefined;
    const basis = f.basis && Object.hasOwn(dataset.bases, f.basis) ? dataset.bases[f.basis]!.label : f.basis;
    const info: FactInfo = {
      id,
      label: f.label,
      value: typeof f.value === 'number' ? `${f.value}${f.unit ? ` ${f.unit}` : ''}` : f.value,
      printed: formatValue(f, locale, dataset.units),
      period: f.period.text,
      file: f.position.file,
      line: f.position.line,
      notes: notesFor(id, diagnostics),
    };
    if (basis) info.basis = basis;
    if (f.asOf) info.asOf = f.asOf;
    if (f.note) info.note = f.note;
    if (src) info.source = { id: src.id, publisher: src.publisher, title: src.title, date: src.date, ...(src.url ? { url: src.url } : {}) };
    out[id] = info;
  }
  return out;
}
