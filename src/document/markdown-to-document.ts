// Stage 3: Markdown (after template expansion) → our document tree.
// Validates every directive once, numbers citations by first use, and maps
// every node's position back to the template line it came from.
import type { PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset } from '../facts/dataset.js';
import { words, type Locale } from '../format/locale.js';
import { formatDate } from '../format/period.js';
import type { LineOrigin } from '../template/line-markers.js';
import type { ChartCatalog } from '../charts/chart-catalog.js';
import { readFrontMatter } from './front-matter.js';
import { factAnnexTable } from './fact-annex.js';
import type { Block, Callout, CalloutKind, Chart, Citation, Document, Image, Inline, KeyFigure, ListItem, SourceEntry, SourcesList, Table, TableCell, FootnoteList } from './nodes.js';
import { parseMarkdown } from './parse-markdown.js';
import { plainText } from './plain-text.js';
import { decideLink } from './safe-link.js';
import { drawingSpec } from '../charts/drawing-spec.js';
import { formatNumber } from '../format/number.js';

export interface ConvertInput {
  markdown: string;
  origins: readonly LineOrigin[];
  file: string;
  dataset: Dataset;
  locale: Locale;
  charts: ChartCatalog;
}

const blockDirectives = ['key-points', 'callout', 'key-figures', 'notes', 'chart', 'image', 'pagebreak', 'sources', 'fact-annex', 'figure'];
const calloutKinds: CalloutKind[] = ['key-points', 'note', 'warning', 'success', 'danger'];

class Converter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly citationNumbers = new Map<string, number>();
  readonly sources: SourceEntry[] = [];
  private readonly sourcesLists: SourcesList[] = [];
  /** Facts the document cites or charts, in order of first use: what `::fact-annex` lists. */
  readonly usedFacts = new Set<string>();
  private readonly annexes: Table[] = [];
  private readonly footnoteNumbers = new Map<string, number>();
  private readonly footnoteDefs = new Map<string, RootContent[]>();
  private readonly slugs = new Set<string>();

  constructor(private readonly input: ConvertInput) {}

  position(node: { position?: { start: { line: number; column: number } } | undefined }): Position {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const origin = this.input.origins[start.line - 1];
    if (!origin) return { file: this.input.file, line: start.line, column: start.column };
    return { file: origin.file, line: origin.line, column: Math.max(1, start.column - origin.outputColumn + 1) };
  }

  cite(sourceId: string, factIds: string[], position: Position): Citation {
    let number = this.citationNumbers.get(sourceId);
    if (number === undefined) {
      const s = this.input.dataset.sources[sourceId];
      if (!s) this.diagnostics.push(report('document/citation-outside-sources', position, { id: sourceId }));
      number = this.sources.length + 1;
      this.citationNumbers.set(sourceId, number);
      const entry: SourceEntry = { number, sourceId, publisher: s?.publisher ?? sourceId, title: s?.title ?? '', date: s ? formatDate(s.date, this.input.locale) : '' };
      if (s?.url) {
        const link = this.link(s.url, s.urlPosition ?? s.position);
        // Not live: printed as text after the title (the renderers link only `url`).
        if (link !== undefined) entry.url = link;
        else entry.title = entry.title ? `${entry.title} (${s.url})` : s.url;
      }
      this.sources.push(entry);
    }
    for (const id of factIds) this.usedFacts.add(id);
    return { type: 'citation', number, sourceId, factIds, position };
  }

  /** The URL to link to, or undefined (with a warning) when safe-link.ts says it is not made live. */
  link(url: string, position: Position): string | undefined {
    const decision = decideLink(url);
    if (decision.live) return decision.url;
    this.diagnostics.push(report('link/unsafe-scheme', position, { url: url.length > 200 ? `${url.slice(0, 200)}…` : url, scheme: decision.scheme }));
    return undefined;
  }

  // Inline content

  inlines(nodes: readonly PhrasingContent[]): Inline[] {
    const out: Inline[] = [];
    for (const n of nodes) this.inline(n, out);
    return mergeCitations(out);
  }

  private inline(n: PhrasingContent, out: Inline[]): void {
    const position = this.position(n);
    switch (n.type) {
      case 'text':
        out.push({ type: 'text', value: n.value.normalize('NFC'), position });
        return;
      case 'strong':
        out.push({ type: 'strong', children: this.inlines(n.children), position });
        return;
      case 'emphasis':
        out.push({ type: 'emphasis', children: this.inlines(n.children), position });
        return;
      case 'delete':
        out.push(...this.inlines(n.children));
        return;
      case 'link': {
        const url = this.link(n.url, position);
        if (url !== undefined) out.push({ type: 'link', url, children: this.inlines(n.children), position });
        else out.push(...this.inlines(n.children));
        return;
      }
      case 'inlineCode':
        out.push({ type: 'text', value: n.value.normalize('NFC'), position });
        return;
      case 'break':
        out.push({ type: 'break', position });
        return;
      case 'footnoteReference': {
        let number = this.footnoteNumbers.get(n.identifier);
        if (number === undefined) this.footnoteNumbers.set(n.identifier, (number = this.footnoteNumbers.size + 1));
        out.push({ type: 'footnote-ref', number, position });
        return;
      }
      case 'textDirective':
        this.textDirective(n, out, position);
        return;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'linkReference':
        this.diagnostics.push(report('document/unsupported-markdown', position, { kind: n.type === 'html' ? 'Raw HTML' : n.type === 'linkReference' ? 'A reference-style link' : 'An image' }));
        if ('children' in n) out.push(...this.inlines(n.children));
        return;
      default:
        // Footnote definitions and other block-only nodes never appear inline.
        return;
    }
  }

  private textDirective(n: TextDirective, out: Inline[], position: Position): void {
    if (n.name === 'cite') {
      const source = n.attributes?.['source'];
      if (!source) {
        this.diagnostics.push(report('document/missing-attribute', position, { directive: ':cite', attribute: 'source' }));
        return;
      }
      const fact = n.attributes?.['fact'];
      out.push(this.cite(source, fact ? [fact] : [], position));
      return;
    }
    if (n.name === 'lang') {
      const code = n.attributes?.['code'];
      if (!code) this.diagnostics.push(report('document/missing-attribute', position, { directive: ':lang', attribute: 'code' }));
      else if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) this.diagnostics.push(report('document/bad-attribute', position, { directive: ':lang', attribute: 'code', found: code, expected: 'a language tag such as en, vi or zh-Hans' }));
      else {
        out.push({ type: 'lang', lang: code, children: this.inlines(n.children), position });
        return;
      }
      out.push(...this.inlines(n.children));
      return;
    }
    // `:word` in prose that is not one of ours ("ratio 3:1", "Note:this") stays text.
    const label = n.children.length ? `[${this.inlines(n.children).map(plainText).join('')}]` : '';
    out.push({ type: 'text', value: `:${n.name}${label}`, position });
  }

  // Blocks

  blocks(nodes: readonly RootContent[]): Block[] {
    const out: Block[] = [];
    for (const n of nodes) this.block(n, out);
    return out;
  }

  private block(n: RootContent, out: Block[]): void {
    const position = this.position(n);
    switch (n.type) {
      case 'heading': {
        const children = this.inlines(n.children);
        const level = Math.min(4, n.depth) as 1 | 2 | 3 | 4;
        out.push({ type: 'heading', level, id: this.slug(children.map(plainText).join('')), children, position });
        return;
      }
      case 'paragraph': {
        const image = this.imageParagraph(n.children, position);
        if (image) out.push(image);
        else out.push({ type: 'paragraph', children: this.inlines(n.children), position });
        return;
      }
      case 'list':
        out.push({
          type: 'list',
          ordered: n.ordered ?? false,
          start: n.start ?? 1,
          items: n.children.map((li): ListItem => ({ type: 'list-item', children: this.blocks(li.children), position: this.position(li) })),
          position,
        });
        return;
      case 'table':
        out.push(this.table(n, position));
        return;
      case 'blockquote':
        out.push({ type: 'callout', kind: 'note', title: '', children: this.blocks(n.children), position });
        return;
      case 'thematicBreak':
        out.push({ type: 'thematic-break', position });
        return;
      case 'footnoteDefinition':
        this.footnoteDefs.set(n.identifier, n.children);
        return;
      case 'yaml':
      case 'definition':
        return;
      case 'containerDirective':
        this.container(n, out, position);
        return;
      case 'leafDirective':
        this.leaf(n, out, position);
        return;
      case 'code':
      case 'html':
        this.diagnostics.push(report('document/unsupported-markdown', position, { kind: n.type === 'code' ? 'A code block' : 'Raw HTML' }));
        return;
      default:
        this.diagnostics.push(report('document/unsupported-markdown', position, { kind: `Markdown \`${n.type}\`` }));
        return;
    }
  }

  /**
   * A paragraph that is one image, with optional attributes after it
   * (`![alt](images/map.png "Caption"){width=60%}`), is an image block; an
   * image among other text stays unsupported (reported by `inline`).
   */
  private imageParagraph(children: readonly PhrasingContent[], position: Position): Image | undefined {
    const [first, ...rest] = children;
    if (first?.type !== 'image') return undefined;
    const after = rest.map((c) => (c.type === 'text' ? c.value : '\u0000')).join('').trim();
    const attrs = /^(?:\{([^{}]*)\})?$/.exec(after);
    if (!attrs) return undefined;
    const given: Record<string, string> = Object.create(null);
    for (const m of (attrs[1] ?? '').matchAll(/([A-Za-z-]+)\s*=\s*("[^"]*"|[^\s"]+)/g)) given[m[1]!] = m[2]!.replace(/^"|"$/g, '');
    const caption: Inline[] = first.title ? [{ type: 'text', value: first.title, position }] : [];
    return this.image({ src: first.url, alt: first.alt ?? '', ...given }, caption, position, '![…](…){…}');
  }

  /** An image block from its attributes (`src`, `alt`, `width`), checked. */
  private image(a: Record<string, string | null | undefined>, caption: Inline[], position: Position, directive: string): Image | undefined {
    const src = a['src'];
    if (!src) {
      this.diagnostics.push(report('document/missing-attribute', position, { directive, attribute: 'src' }));
      return undefined;
    }
    for (const k of Object.keys(a)) if (!['src', 'alt', 'width'].includes(k)) this.diagnostics.push(report('document/bad-attribute', position, { directive, attribute: k, found: a[k] ?? '', expected: 'one of `src`, `alt`, `width`' }));
    const image: Image = { type: 'image', src, alt: (a['alt'] ?? '').normalize('NFC').trim(), caption, position };
    const width = a['width'];
    if (width !== undefined && width !== null) {
      const m = /^(\d+(?:\.\d+)?)%$/.exec(width.trim());
      const pct = m ? Number(m[1]) : NaN;
      if (pct >= 10 && pct <= 100) image.widthPercent = pct;
      else this.diagnostics.push(report('document/bad-attribute', position, { directive, attribute: 'width', found: width, expected: 'a share of the text width from `10%` to `100%`' }));
    }
    if (!image.alt) this.diagnostics.push(report('image/missing-alt', position, { path: src }));
    return image;
  }

  private table(n: MdTable, position: Position): Block {
    const cells = (row: MdTable['children'][number]): TableCell[] => row.children.map((c) => ({ type: 'table-cell', children: this.inlines(c.children), position: this.position(c) }));
    const [head, ...body] = n.children;
    return {
      type: 'table',
      align: (n.align ?? []).map((a) => a ?? 'left'),
      header: head ? cells(head) : [],
      rows: body.map(cells),
      position,
    };
  }

  /** The label of a container directive (`:::callout[Title]`) is its first paragraph, flagged. */
  private splitLabel(n: ContainerDirective): { label?: string; children: RootContent[] } {
    const [first, ...rest] = n.children;
    if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
      return { label: this.inlines(first.children).map(plainText).join(''), children: rest };
    }
    return { children: n.children };
  }

  private container(n: ContainerDirective, out: Block[], position: Position): void {
    const { label, children } = this.splitLabel(n);
    switch (n.name) {
      case 'key-points':
        out.push({ type: 'callout', kind: 'key-points', title: label ?? n.attributes?.['title'] ?? words[this.input.locale]['keyPoints']!, children: this.blocks(children), position });
        return;
      case 'callout': {
        const kind = (n.attributes?.['kind'] ?? 'note') as CalloutKind;
        if (!calloutKinds.includes(kind)) this.diagnostics.push(report('document/bad-attribute', position, { directive: ':::callout', attribute: 'kind', found: kind, expected: calloutKinds.join(' or ') }));
        const callout: Callout = { type: 'callout', kind: calloutKinds.includes(kind) ? kind : 'note', title: label ?? n.attributes?.['title'] ?? '', children: this.blocks(children), position };
        out.push(callout);
        return;
      }
      case 'key-figures': {
        const figures: KeyFigure[] = [];
        for (const c of children) {
          if (c.type === 'leafDirective' && c.name === 'figure') {
            const f = this.figure(c);
            if (f) figures.push(f);
          } else if (!(c.type === 'paragraph' && c.children.every((x) => x.type === 'text' && x.value.trim() === ''))) {
            this.diagnostics.push(report('document/bad-attribute', this.position(c), { directive: ':::key-figures', attribute: 'content', found: c.type, expected: '`::figure` lines only (use the `keyFigure` helper)' }));
          }
        }
        out.push({ type: 'key-figures', figures, position });
        return;
      }
      case 'notes':
        out.push({ type: 'notes', children: this.blocks(children), position });
        return;
      default:
        this.diagnostics.push(report('document/unknown-directive', position, { name: `:::${n.name}`, known: blockDirectives }));
    }
  }

  private figure(n: LeafDirective): KeyFigure | undefined {
    const position = this.position(n);
    const a = n.attributes ?? {};
    for (const attr of ['value', 'label']) {
      if (!a[attr]) {
        this.diagnostics.push(report('document/missing-attribute', position, { directive: '::figure', attribute: attr }));
        return undefined;
      }
    }
    const citations: Citation[] = [];
    if (a['source']) citations.push(this.cite(a['source'], a['fact'] ? [a['fact']] : [], position));
    if (a['changeSource']) {
      const c = this.cite(a['changeSource'], a['changeFact'] ? [a['changeFact']] : [], position);
      // One marker for one source, but it names both facts: the change is cited too.
      const same = citations.find((x) => x.number === c.number);
      if (!same) citations.push(c);
      else for (const id of c.factIds) if (!same.factIds.includes(id)) same.factIds.push(id);
    }
    const figure: KeyFigure = { type: 'key-figure', value: a['value']!, label: a['label']!, period: a['period'] ?? '', citations, position };
    if (a['change']) figure.change = a['change'];
    return figure;
  }

  private leaf(n: LeafDirective, out: Block[], position: Position): void {
    switch (n.name) {
      case 'pagebreak':
        out.push({ type: 'page-break', position });
        return;
      case 'sources': {
        const list: SourcesList = { type: 'sources-list', title: n.attributes?.['title'] ?? words[this.input.locale]['sources']!, entries: [], position };
        this.sourcesLists.push(list);
        out.push(list);
        return;
      }
      case 'chart': {
        const chart = this.chart(n, position);
        if (chart) out.push(chart);
        return;
      }
      case 'image': {
        const image = this.image(n.attributes ?? {}, this.inlines(n.children), position, '::image');
        if (image) out.push(image);
        return;
      }
      case 'fact-annex': {
        // Filled in at the end, when every use is known.
        const table: Table = { type: 'table', align: [], header: [], rows: [], position };
        this.annexes.push(table);
        out.push(table);
        return;
      }
      case 'figure':
        this.diagnostics.push(report('document/bad-attribute', position, { directive: '::figure', attribute: 'place', found: 'outside a strip', expected: 'inside `:::key-figures`' }));
        return;
      default:
        this.diagnostics.push(report('document/unknown-directive', position, { name: `::${n.name}`, known: blockDirectives }));
    }
  }

  private chart(n: LeafDirective, position: Position): Chart | undefined {
    // `spec=` names a spec file; `series=` draws the series (with its spec file if one is named like it).
    const specName = n.attributes?.['spec'];
    const seriesId = n.attributes?.['series'];
    if (specName && seriesId) {
      this.diagnostics.push(report('document/bad-attribute', position, { directive: '::chart', attribute: 'series', found: seriesId, expected: 'either `spec=` or `series=`, not both' }));
      return undefined;
    }
    const name = specName || seriesId;
    if (!name) {
      this.diagnostics.push(report('document/missing-attribute', position, { directive: '::chart', attribute: 'spec` or `series' }));
      return undefined;
    }
    const resolved = specName ? this.input.charts.resolve(name, position) : this.input.charts.resolveSeries(name, position);
    this.diagnostics.push(...resolved.diagnostics);
    const r = resolved.value;
    if (!r) return undefined;
    const sourceLine: Inline[] = [{ type: 'text', value: `${words[this.input.locale]['source']}: `, position }];
    r.sourceIds.forEach((id, i) => {
      const s = this.input.dataset.sources[id];
      sourceLine.push({ type: 'text', value: `${i > 0 ? '; ' : ''}${s?.publisher ?? id}`, position });
      sourceLine.push(this.cite(id, [], position));
    });
    for (const rows of Object.values((r.spec['datasets'] ?? {}) as Record<string, Record<string, unknown>[]>)) for (const row of rows) if (typeof row['fact'] === 'string') this.usedFacts.add(row['fact']);
    const chart: Chart = { type: 'chart', name, title: n.attributes?.['title'] ?? r.title, unitLine: r.unitLine, sourceLine, spec: r.spec, seriesId: r.seriesId, decimals: r.decimals, position };
    if (r.qualifiers) chart.qualifiers = r.qualifiers;
    if (r.noteLine) chart.noteLine = `${words[this.input.locale]['note']}: ${r.noteLine}`;
    const drawing = drawingSpec(r.spec, r.seriesId);
    if (drawing) {
      chart.drawing = drawing;
      const n = (v: number) => formatNumber(v, this.input.locale, 0);
      if (drawing.drawn < drawing.total) chart.drawing.note = `${words[this.input.locale]['drawnThrough']!.replace('{drawn}', n(drawing.drawn)).replace('{total}', n(drawing.total))}.`;
    }
    return chart;
  }

  private slug(text: string): string {
    const base =
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'section';
    let slug = base;
    for (let i = 2; this.slugs.has(slug); i++) slug = `${base}-${i}`;
    this.slugs.add(slug);
    return slug;
  }

  finish(children: Block[]): Block[] {
    if (this.footnoteNumbers.size > 0) {
      const items = [...this.footnoteNumbers.entries()].map(([id, number]) => ({ number, children: this.blocks(this.footnoteDefs.get(id) ?? []) }));
      const list: FootnoteList = { type: 'footnote-list', items, position: { file: this.input.file, line: 1, column: 1 } };
      // Notes go before the sources list, if there is one at the end.
      const at = children.findIndex((b) => b.type === 'sources-list');
      children.splice(at === -1 ? children.length : at, 0, list);
    }
    for (const annex of this.annexes) {
      const ids = [...this.usedFacts];
      Object.assign(annex, factAnnexTable(ids, this.input.dataset, this.input.locale, (source, fact) => this.cite(source, [fact], annex.position), annex.position));
    }
    for (const list of this.sourcesLists) list.entries = this.sources;
    return children;
  }
}

/** Two markers for the same source side by side (`[1][1]`) read as one. */
function mergeCitations(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'citation' && prev?.type === 'citation' && prev.number === n.number) {
      prev.factIds = [...new Set([...prev.factIds, ...n.factIds])];
      continue;
    }
    out.push(n);
  }
  return out;
}

export function markdownToDocument(input: ConvertInput): Result<Document> {
  const root: Root = parseMarkdown(input.markdown);
  const c = new Converter(input);
  const yaml = root.children[0]?.type === 'yaml' ? root.children[0] : undefined;
  const fm = readFrontMatter(yaml?.value, c.position(yaml ?? {}), { date: input.dataset.date ?? input.dataset.asOf, dataAsOf: input.dataset.asOf, title: input.dataset.title, subtitle: input.dataset.subtitle, locale: input.locale });
  c.diagnostics.push(...fm.diagnostics);
  const children = c.finish(c.blocks(root.children));
  return { value: { meta: fm.meta, children, sources: c.sources, facts: [...c.usedFacts] }, diagnostics: c.diagnostics };
}

