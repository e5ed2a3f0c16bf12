// The one place that knows the order of the stages:
//
//   load brand → load facts → expand template → parse Markdown → document tree
//     → load images → provenance checks → render charts → lay out pages / slides → write PDF / PPTX (atomically)
//
// Each stage returns a value and diagnostics; the build stops before
// writing anything if any stage reported an error, so a failed build never
// touches an earlier good output. The stages after a failed one still run
// as far as they can, so one run reports the data, template and chart
// errors together.
import path from 'node:path';
import { chartCatalog } from './charts/chart-catalog.js';
import { renderCharts, type RenderChartsOptions } from './charts/render-charts.js';
import { brandFileOf, loadBrand } from './brand/load-brand.js';
import { loadReferenceDeck, referenceDeckFile, type LoadedReferenceDeck } from './brand/load-reference-deck.js';
import { layoutKind } from './render/pptx/layout-kinds.js';
import { loadDocumentImages } from './images/document-images.js';
import { hasErrors, type Diagnostic, type Position, type Result } from './diagnostics/diagnostic.js';
import { defaultTheme, withPaper, type Theme } from './theme/theme.js';
import { report } from './diagnostics/messages.js';
import { markdownToDocument } from './document/markdown-to-document.js';
import type { Document, ReferenceDeckConfig } from './document/nodes.js';
import type { Dataset } from './facts/dataset.js';
import { loadDataset } from './facts/load-dataset.js';
import type { Locale } from './format/locale.js';
import { documentToPages } from './render/pdf/document-to-pages.js';
import type { PageModel } from './render/pdf/page-model.js';
import { creationDate, pagesToPdf } from './render/pdf/pages-to-pdf.js';
import { documentToSlides, drawnAsPicture } from './render/pptx/document-to-slides.js';
import type { SlideModel } from './render/pptx/slide-model.js';
import { checkTemplateSet, expandTemplate, loadTemplateSet, type TemplateSet } from './template/expand-template.js';
import { templateFile } from './template/list-templates.js';
import type { FactUse } from './template/helpers/helper-env.js';
import { provenanceChecks, type CheckInput } from './check/check-project.js';
import { outputPath } from './output-path.js';
import { writeFileAtomic } from './util/atomic-write.js';
import { defaultLimits, type Limits } from './limits.js';
import { checkOutputDir, defaultRoot } from './util/project-files.js';
import { chartToPng } from './charts/chart-png.js';

export { outputPath } from './output-path.js';

export interface BuildRequest {
  /** The tool's limits (src/limits.ts); default: the built-in ones. */
  limits?: Limits;
  templatesDir: string;
  template: string;
  dataDir: string;
  outDir: string;
  /** Output file name without extension; default `<dataset id>-<template>`. */
  name?: string;
  locale?: Locale;
  /**
   * The project folder: every file the document is read from (dataset YAML
   * and CSV, templates and partials, chart specs) must lie inside it, by
   * real path, so a symlink counts by where it points (briefdeck's own
   * standard templates are trusted wherever it is installed). Default
   * (library callers): the deepest folder holding both `templatesDir` and
   * `dataDir`, which for `<project>/templates` and `<project>/data/x` is the
   * project.
   */
  root?: string;
  /**
   * Who chose `outDir`. `project` (briefdeck.yaml's `out:`, or the default
   * `out/`): outputs are written only inside `root`. `user` (`--out` on the
   * command line, and library callers by default): wherever it is.
   */
  outChosenBy?: 'project' | 'user';
  /** Where the project chose `outDir` (briefdeck.yaml's `out:`): where a refused output folder is reported. */
  outAt?: Position;
  /** Where the document was asked for (its briefdeck.yaml entry): where a refused main template is reported. */
  at?: Position;
  /**
   * The brand file (`_brand.yml`, src/brand), relative to `root` or
   * absolute. Default: `_brand.yml` at the root when there is one, else the
   * default look. A path (not a loaded theme) so that a request crosses to
   * a worker process as it is; the worker loads the brand itself.
   */
  brand?: string;
  /** briefdeck.yaml's `reference-deck:` (its file relative to `root`); a deck's front matter `reference-deck:` wins. */
  referenceDeck?: ReferenceDeckConfig & { at?: Position };
}

/** The project folder a request confines reading to (see `BuildRequest.root`). */
export function requestRoot(req: BuildRequest): string {
  return req.root ?? defaultRoot(req.templatesDir, req.dataDir);
}

export interface Prepared {
  dataset: Dataset;
  templates: TemplateSet;
  document: Document;
  markdown: string;
  /** Facts the template used, and how: what the stale-data checks read. */
  uses: FactUse[];
  /** The look (the project's brand, with the document's paper and slide shape). */
  theme: Theme;
}

/** Stages 1–3 plus the provenance checks: what `check` reports and what `build` runs first. */
export interface Checked {
  prepared?: Prepared;
  /** The document as far as it was made when a stage failed: its charts can still be checked. */
  partial?: Prepared;
  /** Set when the charts were rendered with the checks (their diagnostics are in `diagnostics`). */
  chartsRendered?: boolean;
  diagnostics: Diagnostic[];
}

export interface BuildOutcome {
  diagnostics: Diagnostic[];
  outputs: string[];
  prepared?: Prepared;
  pageModel?: PageModel;
  pdf?: Buffer;
  slideModel?: SlideModel;
  pptx?: Buffer;
}

export type { OutputFormat } from './document/front-matter.js';
import type { OutputFormat } from './document/front-matter.js';

/** What stages 1–3 made: the whole `value`, or as far as they got (`partial`, and the inputs that loaded) for the checks. */
export interface PrepareResult {
  value?: Prepared;
  partial?: Prepared;
  dataset?: Dataset;
  templates?: TemplateSet;
  diagnostics: Diagnostic[];
}

/** Dataset problems after which the dataset's content is unknown (a file that did not load), so template checks against it would only echo them. */
function datasetUnreadable(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' && /^(yaml|io)\/|^project\/missing-file$/.test(d.rule));
}

/**
 * When each request's document was started: `documentSeconds` counts from
 * its first stage (`prepareDocument`, which every entry point runs first),
 * and a rebuild of the same request (watch) starts the clock again.
 */
const startedMs = new WeakMap<BuildRequest, number>();

function limitsOf(req: BuildRequest): Limits {
  return req.limits ?? defaultLimits;
}

/** `performance.now()` after which `req`'s document is out of time. */
function deadlineOf(req: BuildRequest): number {
  let start = startedMs.get(req);
  if (start === undefined) startedMs.set(req, (start = performance.now()));
  return start + limitsOf(req).documentSeconds * 1000;
}

/**
 * The document's time (`documentSeconds`) is checked between stages: a
 * stage that ran over is let finish, and the next is not started. (Inside
 * the template the block helpers check it too; a single stage that never
 * returns is not stopped: that needs a worker, see README.)
 */
function outOfTime(req: BuildRequest, nextStage: string): Diagnostic | undefined {
  if (performance.now() <= deadlineOf(req)) return undefined;
  return report('limit/exceeded', req.at ?? { file: templateFile(req.templatesDir, req.template), line: 1, column: 1 }, { what: 'seconds one document may take', limit: limitsOf(req).documentSeconds, key: 'documentSeconds', detail: `out of time before ${nextStage}` });
}

/** The project's brand as a theme: the brand file the request names, or the root's `_brand.yml`, or the default look. */
function requestTheme(req: BuildRequest): Result<Theme> {
  const root = requestRoot(req);
  const file = brandFileOf(root, req.brand);
  return file ? loadBrand({ file, root, limits: limitsOf(req) }) : { value: defaultTheme, diagnostics: [] };
}

/** The brand's theme with what the document's front matter asks for (paper, slide shape). */
function documentTheme(theme: Theme, doc: Document): Theme {
  const papered = doc.meta.paper ? withPaper(theme, doc.meta.paper) : theme;
  return doc.meta.slides && doc.meta.slides !== papered.slides ? { ...papered, slides: doc.meta.slides } : papered;
}

/** Stages 1–3: dataset, template, document tree. No charts rendered, nothing written. */
export function prepareDocument(req: BuildRequest): PrepareResult {
  const diagnostics: Diagnostic[] = [];
  const root = requestRoot(req);
  startedMs.set(req, performance.now());
  const deadlineMs = deadlineOf(req);
  const brand = requestTheme(req);
  diagnostics.push(...brand.diagnostics);
  const data = loadDataset(req.dataDir, { root, seriesRows: limitsOf(req).seriesRows });
  diagnostics.push(...data.diagnostics);
  const templates = loadTemplateSet(req.templatesDir, req.template, { root, partialDepth: limitsOf(req).partialDepth, ...(req.at ? { at: req.at } : {}) });
  diagnostics.push(...templates.diagnostics);
  const dataset = data.value;
  const loaded = { ...(dataset ? { dataset } : {}), ...(templates.value ? { templates: templates.value } : {}) };
  if (!dataset || !templates.value) return { ...loaded, diagnostics };
  const locale = req.locale ?? dataset.locale;
  if (hasErrors(diagnostics)) {
    // The template is not run on a dataset with errors (its helpers would
    // repeat them), but its own mistakes are still reported in this run.
    if (!datasetUnreadable(diagnostics)) diagnostics.push(...checkTemplateSet(templates.value, dataset, locale));
    return { ...loaded, diagnostics };
  }
  const late = outOfTime(req, 'expanding the template');
  if (late) return { ...loaded, diagnostics: [...diagnostics, late] };
  const expanded = expandTemplate(templates.value, dataset, locale, { limits: limitsOf(req), deadlineMs });
  diagnostics.push(...expanded.diagnostics);
  if (!expanded.value) return { ...loaded, diagnostics };
  const lateMarkdown = outOfTime(req, 'reading the Markdown');
  if (lateMarkdown) return { ...loaded, diagnostics: [...diagnostics, lateMarkdown] };
  // A helper error leaves a marker in the text and the rest expanded: the
  // document is still made, for the checks and the chart errors (`partial`),
  // but not built.
  const failed = hasErrors(diagnostics);
  const doc = markdownToDocument({ ...expanded.value, dataset, locale, charts: chartCatalog(path.join(req.templatesDir, 'charts'), dataset, locale, root, limitsOf(req)) });
  // A failed helper's marker (`⟨fact⟩`) makes its line wrong for the
  // document stage too; that is an echo, the other lines' errors are news.
  const lineOf = (d: Diagnostic) => `${d.position.file}\u0000${d.position.line}`;
  const failedLines = new Set(diagnostics.filter((d) => d.severity === 'error').map(lineOf));
  diagnostics.push(...doc.diagnostics.filter((d) => !failedLines.has(lineOf(d))));
  diagnostics.push(...loadDocumentImages(doc.value, { root, limits: limitsOf(req) }));
  const prepared: Prepared = { dataset, templates: templates.value, document: doc.value, markdown: expanded.value.markdown, uses: expanded.value.uses, theme: documentTheme(brand.value, doc.value) };
  return failed ? { ...loaded, partial: prepared, diagnostics } : { ...loaded, value: prepared, diagnostics };
}

/** Stages 1–3, then every provenance check; the dataset and template checks run even when a later stage failed. */
export function checkDocument(req: BuildRequest): Checked {
  const prepared = prepareDocument(req);
  const diagnostics = [...prepared.diagnostics];
  const p = prepared.value ?? prepared.partial;
  const input: CheckInput = {};
  if (prepared.dataset) input.dataset = prepared.dataset;
  if (prepared.templates) input.templates = prepared.templates;
  if (p) input.document = { tree: p.document, uses: p.uses };
  diagnostics.push(...provenanceChecks(input));
  if (prepared.value) return { prepared: prepared.value, diagnostics };
  return prepared.partial ? { partial: prepared.partial, diagnostics } : { diagnostics };
}

/**
 * `checkDocument`, then the charts compiled and rendered too (stage 4), so
 * a Vega-Lite error is reported with the template errors rather than in a
 * second round; also for a partial document.
 */
export async function checkDocumentAndCharts(req: BuildRequest, charts: RenderChartsOptions = {}): Promise<Checked> {
  const checked = checkDocument(req);
  const doc = (checked.prepared ?? checked.partial)?.document;
  const late = doc && outOfTime(req, 'rendering the charts');
  if (late) checked.diagnostics.push(late);
  else if (doc) checked.diagnostics.push(...(await renderCharts(doc, { ...charts, theme: (checked.prepared ?? checked.partial)!.theme })));
  checked.chartsRendered = true;
  return checked;
}

/** What `validate` runs: the dataset with its dataset-level provenance checks (relations, conflicts), and the template against it. */
export function validateDocument(req: BuildRequest): Diagnostic[] {
  const prepared = prepareDocument(req);
  return [...prepared.diagnostics, ...(prepared.dataset ? provenanceChecks({ dataset: prepared.dataset }) : [])];
}

function writeOutput(req: BuildRequest, datasetId: string, ext: string, bytes: Buffer, outcome: BuildOutcome): void {
  const file = outputPath(req, datasetId, ext);
  if (req.outChosenBy === 'project') {
    const refused = checkOutputDir(req.outDir, { root: requestRoot(req), name: path.relative(requestRoot(req), req.outDir) || '.', ...(req.outAt ? { at: req.outAt } : {}) });
    if (refused) {
      outcome.diagnostics.push(refused);
      return;
    }
  }
  try {
    writeFileAtomic(file, bytes);
    outcome.outputs.push(file);
  } catch (e) {
    outcome.diagnostics.push(report('io/write-failed', { file, line: 1, column: 1 }, { detail: (e as Error).message }));
  }
}

/**
 * Every format: stages 1–3, charts, then `render` (document → model → bytes),
 * then the atomic write, which happens only if no stage reported an error.
 */
async function buildWith(req: BuildRequest, ext: OutputFormat, opts: BuildOptions, render: (doc: Document, theme: Theme, outcome: BuildOutcome) => Promise<Buffer>): Promise<BuildOutcome> {
  const charts = chartsDrawnBy(ext);
  const checked = opts.checked ?? (await checkDocumentAndCharts(req, charts));
  const outcome: BuildOutcome = { diagnostics: [...checked.diagnostics], outputs: [] };
  const prepared = checked.prepared;
  if (!prepared || hasErrors(outcome.diagnostics)) return outcome;
  outcome.prepared = prepared;
  if (!checked.chartsRendered) {
    const late = outOfTime(req, 'rendering the charts');
    outcome.diagnostics.push(...(late ? [late] : await renderCharts(prepared.document, { ...charts, theme: prepared.theme })));
  }
  if (hasErrors(outcome.diagnostics)) return outcome;
  const lateLayout = outOfTime(req, `laying out the ${ext === 'pptx' ? 'slides' : 'pages'}`);
  if (lateLayout) {
    outcome.diagnostics.push(lateLayout);
    return outcome;
  }
  const bytes = await render(prepared.document, prepared.theme, outcome);
  if (hasErrors(outcome.diagnostics)) return outcome;
  const lateWrite = outOfTime(req, `writing the ${ext === 'pptx' ? 'deck' : 'PDF'}`);
  if (lateWrite) outcome.diagnostics.push(lateWrite);
  else if (opts.write !== false) writeOutput(req, prepared.dataset.id, ext, bytes, outcome);
  return outcome;
}

/** Which charts a format draws from Vega: a deck draws its native charts itself, so Vega runs only for the ones it shows as pictures. */
export function chartsDrawnBy(format: OutputFormat): RenderChartsOptions {
  return format === 'pptx' ? { draws: drawnAsPicture } : {};
}

/** More pages or slides than the limit → the diagnostic (at the main template), before the file is made. */
function tooMany(req: BuildRequest, count: number, key: 'pages' | 'slides'): Diagnostic | undefined {
  const limit = limitsOf(req)[key];
  if (count <= limit) return undefined;
  const file = templateFile(req.templatesDir, req.template);
  return report('limit/exceeded', { file, line: 1, column: 1 }, { what: key === 'pages' ? 'pages of a PDF' : 'slides of a deck', limit, key, detail: `the document was laid out to ${count.toLocaleString('en')} ${key}` });
}

export interface BuildOptions {
  /** false: build in memory only (tests). */
  write?: boolean;
  /** The result of `checkDocument(req)` or `checkDocumentAndCharts(req)` when the caller ran the checks already. */
  checked?: Checked;
}

export function buildPdf(req: BuildRequest, opts: BuildOptions = {}): Promise<BuildOutcome> {
  return buildWith(req, 'pdf', opts, async (document, theme, outcome) => {
    const pages = documentToPages(document, theme);
    outcome.diagnostics.push(...pages.diagnostics);
    const refused = tooMany(req, pages.value.pages.length, 'pages');
    if (refused) {
      outcome.diagnostics.push(refused);
      return Buffer.alloc(0);
    }
    outcome.pageModel = pages.value;
    return (outcome.pdf = await pagesToPdf(pages.value, creationDate(pages.value.info.date), theme.fonts));
  });
}

export function buildPptx(req: BuildRequest, opts: BuildOptions = {}): Promise<BuildOutcome> {
  return buildWith(req, 'pptx', opts, async (document, theme, outcome) => {
    const reference = await requestReferenceDeck(req, document);
    outcome.diagnostics.push(...reference.diagnostics);
    if (hasErrors(reference.diagnostics)) return Buffer.alloc(0);
    const ref = reference.value;
    const slides = documentToSlides(document, theme, ref?.frame);
    outcome.diagnostics.push(...slides.diagnostics);
    const refused = tooMany(req, slides.value.slides.length, 'slides');
    if (refused) {
      outcome.diagnostics.push(refused);
      return Buffer.alloc(0);
    }
    outcome.slideModel = slides.value;
    // pptxgenjs and the zip libraries load only when a deck is built.
    const { slidesToPptx } = await import('./render/pptx/slides-to-pptx.js');
    const onReference = ref && { deck: ref.deck, layoutOf: (n: number) => ref.parts[layoutKind(slides.value.slides[n - 1]!)] };
    return (outcome.pptx = await slidesToPptx(slides.value, creationDate(document.meta.date), theme, (svg) => chartToPng(svg, 2, theme.fonts), onReference));
  });
}

/** The deck's reference deck: its front matter's, else briefdeck.yaml's, else none. */
async function requestReferenceDeck(req: BuildRequest, doc: Document): Promise<{ value?: LoadedReferenceDeck; diagnostics: Diagnostic[] }> {
  const main = templateFile(req.templatesDir, req.template);
  const own = doc.meta.referenceDeck;
  const config = own ?? req.referenceDeck;
  if (!config) return { diagnostics: [] };
  const root = requestRoot(req);
  const at = own ? { file: main, line: 1, column: 1 } : (req.referenceDeck?.at ?? { file: main, line: 1, column: 1 });
  return loadReferenceDeck(config, { root, file: referenceDeckFile(config, own ? 'front-matter' : 'project', main, root), at });
}

export function buildDocument(req: BuildRequest, format: OutputFormat, opts: BuildOptions = {}): Promise<BuildOutcome> {
  return format === 'pptx' ? buildPptx(req, opts) : buildPdf(req, opts);
}
