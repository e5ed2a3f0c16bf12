// The one place that knows the order of the stages:
//
//   load facts → expand template → parse Markdown → document tree
//     → render charts → lay out pages / slides → write PDF / PPTX (atomically)
//
// Each stage returns a value and diagnostics; the build stops before
// writing anything if any stage reported an error, so a failed build never
// touches an earlier good output.
import path from 'node:path';
import { chartCatalog } from './charts/chart-catalog.js';
import { renderCharts } from './charts/render-charts.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { report } from './diagnostics/messages.js';
import { markdownToDocument } from './document/markdown-to-document.js';
import type { Document } from './document/nodes.js';
import type { Dataset } from './facts/dataset.js';
import { loadDataset } from './facts/load-dataset.js';
import type { Locale } from './format/locale.js';
import { documentToPages } from './render/pdf/document-to-pages.js';
import type { PageModel } from './render/pdf/page-model.js';
import { creationDate, pagesToPdf } from './render/pdf/pages-to-pdf.js';
import { documentToSlides } from './render/pptx/document-to-slides.js';
import type { SlideModel } from './render/pptx/slide-model.js';
import { expandTemplate, loadTemplateSet } from './template/expand-template.js';
import { writeFileAtomic } from './util/atomic-write.js';

export interface BuildRequest {
  templatesDir: string;
  template: string;
  dataDir: string;
  outDir: string;
  /** Output file name without extension; default `<dataset id>-<template>`. */
  name?: string;
  locale?: Locale;
}

export interface Prepared {
  dataset: Dataset;
  document: Document;
  markdown: string;
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

export type OutputFormat = 'pdf' | 'pptx';

/** Stages 1–3: dataset, template, document tree. No charts rendered, nothing written. */
export function prepareDocument(req: BuildRequest): { value?: Prepared; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const data = loadDataset(req.dataDir);
  diagnostics.push(...data.diagnostics);
  const templates = loadTemplateSet(req.templatesDir, req.template);
  diagnostics.push(...templates.diagnostics);
  const dataset = data.value;
  if (!dataset || !templates.value || hasErrors(diagnostics)) return { diagnostics };
  const locale = req.locale ?? dataset.locale;
  const expanded = expandTemplate(templates.value, dataset, locale);
  diagnostics.push(...expanded.diagnostics);
  if (!expanded.value || hasErrors(diagnostics)) return { diagnostics };
  const doc = markdownToDocument({ ...expanded.value, dataset, locale, charts: chartCatalog(path.join(req.templatesDir, 'charts'), dataset, locale) });
  diagnostics.push(...doc.diagnostics);
  return { value: { dataset, document: doc.value, markdown: expanded.value.markdown }, diagnostics };
}

export function outputPath(req: BuildRequest, datasetId: string, ext: string): string {
  return path.join(req.outDir, `${req.name ?? `${datasetId}-${req.template}`}.${ext}`);
}

function writeOutput(req: BuildRequest, datasetId: string, ext: string, bytes: Buffer, outcome: BuildOutcome): void {
  const file = outputPath(req, datasetId, ext);
  try {
    writeFileAtomic(file, bytes);
    outcome.outputs.push(file);
  } catch (e) {
    outcome.diagnostics.push(report('io/write-failed', { file, line: 1, column: 1 }, { detail: (e as Error).message }));
  }
}

/** Stages 1–3 plus charts: what every output format starts from. */
async function prepareWithCharts(req: BuildRequest): Promise<{ outcome: BuildOutcome; ok: boolean }> {
  const prepared = prepareDocument(req);
  const diagnostics = [...prepared.diagnostics];
  if (!prepared.value || hasErrors(diagnostics)) return { outcome: { diagnostics, outputs: [] }, ok: false };
  diagnostics.push(...(await renderCharts(prepared.value.document)));
  return { outcome: { diagnostics, outputs: [], prepared: prepared.value }, ok: !hasErrors(diagnostics) };
}

export async function buildPptx(req: BuildRequest, opts: { write?: boolean } = {}): Promise<BuildOutcome> {
  const { outcome, ok } = await prepareWithCharts(req);
  if (!ok) return outcome;
  const { document, dataset } = outcome.prepared!;
  const slides = documentToSlides(document);
  outcome.diagnostics.push(...slides.diagnostics);
  outcome.slideModel = slides.value;
  const { slidesToPptx } = await import('./render/pptx/slides-to-pptx.js');
  outcome.pptx = await slidesToPptx(slides.value, creationDate(document.meta.date));
  if (!hasErrors(outcome.diagnostics) && opts.write !== false) writeOutput(req, dataset.id, 'pptx', outcome.pptx, outcome);
  return outcome;
}

export function buildDocument(req: BuildRequest, format: OutputFormat, opts: { write?: boolean } = {}): Promise<BuildOutcome> {
  return format === 'pptx' ? buildPptx(req, opts) : buildPdf(req, opts);
}

export async function buildPdf(req: BuildRequest, opts: { write?: boolean } = {}): Promise<BuildOutcome> {
  const { outcome, ok } = await prepareWithCharts(req);
  if (!ok) return outcome;
  const { document, dataset } = outcome.prepared!;
  const pages = documentToPages(document);
  outcome.diagnostics.push(...pages.diagnostics);
  outcome.pageModel = pages.value;
  outcome.pdf = await pagesToPdf(pages.value);
  if (!hasErrors(outcome.diagnostics) && opts.write !== false) writeOutput(req, dataset.id, 'pdf', outcome.pdf, outcome);
  return outcome;
}
