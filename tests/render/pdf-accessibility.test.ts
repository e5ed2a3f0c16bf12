// Tagged PDF (issue 14), on the example brief and every fixture brief:
// the structure tree read back with pdfjs-dist covers all content but
// artifacts, in reading order; headings nest; tables have header cells and
// stay one Table over pages; charts are Figures with Alt made from their
// data; links are in the tree; the catalog and XMP say what PDF/UA asks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/build.js';
import { documentCharts } from '../../src/charts/render-charts.js';
import { prepareDocument } from '../../src/build.js';
import { copyFixture, edit, fixtures, root } from '../helpers.js';
import { readPdf } from './read-pdf.js';
import { elements, elementText, contentIds, readStructure, type StructElement } from './read-pdf-structure.js';

const hasPdfinfo = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const cases = [
  { name: 'the example brief', req: { templatesDir: path.join(root, 'templates'), template: 'brief', dataDir: path.join(root, 'data', 'vietnam-china') } },
  // brand: a logo, a brand's fonts and colours, and images with alt text and captions.
  ...['mini', 'fidelity', 'units', 'empty-series', 'brand'].map((f) => ({ name: `fixture ${f}`, req: { templatesDir: path.join(fixtures, f, 'templates'), template: 'brief', dataDir: path.join(fixtures, f, 'data') } })),
  // The standard brief on invented Chile–Korea figures, in Vietnamese too.
  { name: 'fixture standard', req: { templatesDir: path.join(fixtures, 'standard', 'templates'), template: 'standard-brief', dataDir: path.join(fixtures, 'standard', 'data') } },
  { name: 'fixture standard (vi)', req: { templatesDir: path.join(fixtures, 'standard', 'templates'), template: 'standard-brief', dataDir: path.join(fixtures, 'standard', 'data'), locale: 'vi' as const } },
];

const headingLevel = (role: string) => (/^H([1-6])$/.exec(role) ? Number(role[1]) : undefined);
/** The raw dictionaries of the file (pdfkit writes them uncompressed, outside object streams). */
const objects = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\d+ 0 obj\s*(<<[\s\S]*?>>)\s*endobj/g)].map((m) => m[1]!);

describe.each(cases)('tagged PDF: $name', async ({ req }) => {
  const outcome = await buildPdf({ ...req, outDir: '/nonexistent' }, { write: false });
  const pdf = outcome.pdf!;
  const model = outcome.pageModel!;
  const pages = await readStructure(pdf);
  const raw = pdf.toString('latin1');
  const dicts = objects(pdf);

  it('builds', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('puts every piece of page content in the tree or marks it an artifact', () => {
    for (const page of pages) {
      expect(page.untaggedText).toBe('');
      const inTree = new Set(contentIds(page.tree));
      for (const id of page.streamOrder) expect(inTree.has(id), id).toBe(true);
      // Running header and footer are artifacts, never in the tree.
      expect(page.artifactText).toMatch(/\d/);
    }
  });

  it('reads in document order: the text of the tree, in order, is the text of the page', () => {
    for (const page of pages) {
      const pageText = page.streamOrder.map((id) => page.textById.get(id) ?? '').join('');
      expect(elementText(page.tree, page)).toBe(pageText);
      expect(pageText.length).toBeGreaterThan(0);
    }
  });

  it('has one Document with sections, and headings that nest (no level skipped)', () => {
    for (const page of pages) expect(page.tree.children.map((k) => ('role' in k ? k.role : k.type))).toEqual(['Document']);
    const levels = pages.flatMap((p) => elements(p.tree).flatMap((e) => headingLevel(e.role) ?? []));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => {
      if (i > 0) expect(l).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
    expect(model.structure.filter((n) => n.role === 'Sect').length).toBeGreaterThan(0);
  });

  it('gives each table header cells scoped to their column, and one Table however many pages it spans', () => {
    const tables = model.structure.flatMap((n, i) => (n.role === 'Table' ? [i] : []));
    const parentOf = (i: number) => model.structure[i]!.parent;
    const within = (i: number, table: number): boolean => (i < 0 ? false : i === table || within(parentOf(i), table));
    for (const t of tables) {
      const th = model.structure.filter((n, i) => n.role === 'TH' && within(i, t));
      expect(th.length).toBeGreaterThan(0);
      expect(th.every((n) => n.scope === 'Column')).toBe(true);
    }
    for (const page of pages) {
      for (const table of elements(page.tree).filter((e) => e.role === 'Table')) {
        const sections = table.children.filter((k): k is StructElement => 'role' in k).map((k) => k.role);
        expect(sections.every((r) => r === 'THead' || r === 'TBody')).toBe(true);
      }
    }
    // In the file: as many Table elements as tables, and a scope on every TH.
    expect(dicts.filter((d) => /\/S \/Table\b/.test(d)).length).toBe(tables.length);
    const thDicts = dicts.filter((d) => /\/S \/TH\b/.test(d));
    expect(thDicts.every((d) => /\/Scope \/Column/.test(d))).toBe(true);
  });

  it('makes each chart a Figure whose Alt says what it shows', () => {
    const prepared = prepareDocument({ ...req, outDir: '/nonexistent' });
    const doc = prepared.value!.document;
    const drawn = documentCharts(doc).length;
    const figures = pages.flatMap((p) => elements(p.tree).filter((e) => e.role === 'Figure'));
    const charted = model.pages.flatMap((p) => p.items.filter((it) => it.type === 'svg')).length;
    // Images in the text are Figures too, with the alt text their directive gives; a logo is an artifact.
    const pictured = model.pages.flatMap((p) => p.items.filter((it) => it.type === 'image' && it.struct !== undefined)).length;
    expect(figures.length).toBe(charted + pictured);
    expect(charted).toBeLessThanOrEqual(drawn);
    const chartAlts = figures.filter((f) => /^(Bar chart|Line chart|Area chart|Pie chart|Dot chart|Biểu đồ \S+)/.test(f.alt ?? ''));
    expect(chartAlts).toHaveLength(charted);
    for (const f of chartAlts) expect(f.alt).toMatch(/\d/);
    for (const f of figures) expect(f.alt?.trim()).toBeTruthy();
  });

  it('puts every link annotation in the tree, with a description', () => {
    const links = dicts.filter((d) => /\/Subtype \/Link/.test(d));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l).toMatch(/\/StructParent \d+/);
      expect(l).toMatch(/\/Contents /);
    }
    // Pages with annotations visit them in structure order (PDF/UA 7.18.3).
    for (const page of dicts.filter((d) => /\/Type \/Page\b/.test(d) && /\/Annots/.test(d))) expect(page).toMatch(/\/Tabs \/S/);
    const linkElements = pages.flatMap((p) => elements(p.tree).filter((e) => e.role === 'Link'));
    // A citation's annotation says which source it leads to, not just "[3]"; the text in the flow stays "[3]".
    const described = model.structure.filter((n) => n.role === 'Link').map((n) => n.contents ?? '');
    expect(described.length).toBeGreaterThan(0);
    for (const c of described) expect(c).not.toMatch(/^\[\d+\]$/);
    expect(linkElements.every((e) => e.alt === undefined)).toBe(true);
    expect(linkElements.every((e) => e.children.some((k) => 'type' in k && k.type === 'object'))).toBe(true);
  });

  it('uses only standard structure types, each where ISO 32000-1 allows it (tables, lists)', () => {
    const standard = new Set(['Document', 'Sect', 'Div', 'H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Figure', 'Link', 'Note', 'Span']);
    const parents: Record<string, string[]> = { THead: ['Table'], TBody: ['Table'], TR: ['THead', 'TBody', 'Table'], TH: ['TR'], TD: ['TR'], LI: ['L'], Lbl: ['LI'], LBody: ['LI'] };
    for (const page of pages) {
      const walk = (e: StructElement, parent: string) => {
        expect(standard.has(e.role), e.role).toBe(true);
        const allowed = parents[e.role];
        if (allowed) expect(allowed, `${e.role} in ${parent}`).toContain(parent);
        for (const k of e.children) if ('role' in k) walk(k, e.role);
      };
      for (const k of page.tree.children) if ('role' in k) walk(k, '');
    }
    expect(raw).not.toMatch(/\/Suspects true/);
    const noteIds = model.structure.filter((n) => n.role === 'Note').map((n) => n.id);
    expect(new Set(noteIds).size).toBe(noteIds.length);
  });

  it('says its language, shows its title, and claims PDF/UA-1 in XMP with the title', () => {
    expect(raw).toMatch(new RegExp(`/Lang \\(${model.info.lang}\\)`));
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(raw).toContain('<dc:title>');
    // Footnotes are Notes with an ID (PDF/UA 7.9), listed in the ID tree.
    for (const d of dicts.filter((x) => /\/S \/Note\b/.test(x))) expect(d).toMatch(/\/ID \(/);
  });

  it.skipIf(!hasPdfinfo)('is reported Tagged by pdfinfo', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-a11y-'));
    try {
      const file = path.join(dir, 'brief.pdf');
      writeFileSync(file, pdf);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tagged PDF: what the checks above must find', async () => {
  const build = (dir: string, template = 'brief', dataDir = path.join(dir, 'data'), templatesDir = path.join(dir, 'templates')) => buildPdf({ templatesDir, template, dataDir, outDir: '/nonexistent' }, { write: false });

  it('a table continued on the next page is one Table, its repeated header an artifact', async () => {
    const outcome = await build(root, 'brief', path.join(root, 'data', 'vietnam-china'));
    const model = outcome.pageModel!;
    const table = model.structure.findIndex((n) => n.role === 'Table');
    const inTable = (i: number | undefined): boolean => i !== undefined && i >= 0 && (i === table || inTable(model.structure[i]!.parent));
    const pagesOf = model.pages.filter((p) => p.items.some((it) => it.type !== 'dest' && inTable(it.struct))).map((p) => p.number);
    expect(pagesOf.length).toBeGreaterThan(1);
    const pages = await readStructure(outcome.pdf!);
    const second = pages[pagesOf[1]! - 1]!;
    // The header is drawn again on the next page, but read once.
    expect(second.artifactText).toContain('Indicator');
    expect(elements(second.tree).filter((e) => e.role === 'TH' && e.children.length > 0)).toEqual([]);
    expect(elements(second.tree).filter((e) => e.role === 'Table')).toHaveLength(1);
  });

  it('a footnote is a Note with an ID, its number opening its paragraph', async () => {
    const outcome = await build(path.join(fixtures, 'fidelity'));
    const pages = await readStructure(outcome.pdf!);
    const notes = pages.flatMap((p) => elements(p.tree).filter((e) => e.role === 'Note').map((e) => ({ e, p })));
    expect(notes).toHaveLength(1);
    const [{ e, p }] = notes as [{ e: StructElement; p: (typeof pages)[number] }];
    expect(e.children.filter((k): k is StructElement => 'role' in k).map((k) => k.role)).toEqual(['P']);
    expect(elementText(e, p)).toMatch(/^1\.\s*Landings are counted at the quay/);
    expect(outcome.pdf!.toString('latin1')).toMatch(/\/IDTree <<\s*\/Names \[\s*\(note-1\)/);
    // Its number in the text is a Link described as the note it leads to.
    const links = outcome.pageModel!.structure.filter((x) => x.role === 'Link').map((x) => x.contents);
    expect(links).toContain('Note 1');
    expect(links.some((a) => /^Source \d+: /.test(a ?? ''))).toBe(true);
    expect(outcome.pdf!.toString('latin1')).toMatch(/\/Contents \(Note 1\)/);
  });

  it('a run the text marks as another language (`:lang`) is a Span with that Lang', async () => {
    const outcome = await build(path.join(fixtures, 'fidelity'));
    const pages = await readStructure(outcome.pdf!);
    const spans = pages.flatMap((p) => elements(p.tree).filter((e) => e.role === 'Span').map((e) => ({ e, p })));
    expect(spans.map(({ e, p }) => [e.lang, elementText(e, p).trim()])).toEqual([['vi', 'Cảng Hải Phòng']]);
  });

  it('lists are L > LI > Lbl + LBody, the source list too', async () => {
    const outcome = await build(path.join(fixtures, 'mini'));
    const pages = await readStructure(outcome.pdf!);
    const items = pages.flatMap((p) => elements(p.tree).filter((e) => e.role === 'LI'));
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.children.filter((k): k is StructElement => 'role' in k).map((k) => k.role)).toEqual(['Lbl', 'LBody']);
  });
});

describe('tagged PDF: metadata that needs escaping', () => {
  it('writes a title with & and < into well-formed XMP, and as written into Info', async () => {
    const dir = copyFixture('mini');
    edit(dir, 'templates/brief/document.md.hbs', 'title: Mini brief – Lạng Sơn', "title: 'Trade & <routes> – Lạng Sơn'");
    const outcome = await buildPdf({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: '/nonexistent' }, { write: false });
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const xmp = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(outcome.pdf!.toString('utf8'))![0];
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Trade &amp; &lt;routes&gt; – Lạng Sơn</rdf:li>');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    const pdf = await readPdf(outcome.pdf!);
    expect(pdf.info['Title']).toBe('Trade & <routes> – Lạng Sơn');
  });
});

describe('tagged PDF: headings the template skips a level of', () => {
  it('are a warning at the heading, naming the level to use', async () => {
    const dir = copyFixture('mini');
    edit(dir, 'templates/brief/document.md.hbs', '## Trade', '#### Trade');
    const outcome = await buildPdf({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: '/nonexistent' }, { write: false });
    const skipped = outcome.diagnostics.filter((d) => d.rule === 'render/heading-level-skipped');
    expect(skipped.map((d) => [d.severity, d.position.line, d.hint])).toEqual([['warning', 18, 'use ## here, or add the missing heading; the brief\'s title counts as level 1']]);
    expect(outcome.pdf).toBeDefined();
  });
});
