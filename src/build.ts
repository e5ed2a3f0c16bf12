// The one place that knows the order of the stages:
//
//   load facts → expand template → parse Markdown → document tree
//     → render charts → lay out pages → write PDF (atomically)
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
import { pagesToPdf } from './render/pdf/pages-to-pdf.js';
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
}

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

export async function buildPdf(req: BuildRequest, opts: { write?: boolean } = {}): Promise<BuildOutcome> {
  const prepared = prepareDocument(req);
  const diagnostics = [...prepared.diagnostics];
  if (!prepared.value || hasErrors(diagnostics)) return { diagnostics, outputs: [] };
  const { document, dataset } = prepared.value;
  diagnostics.push(...(await renderCharts(document)));
  if (hasErrors(diagnostics)) return { diagnostics, outputs: [], prepared: prepared.value };
  const pages = documentToPages(document);
  diagnostics.push(...pages.diagnostics);
  const pdf = await pagesToPdf(pages.value);
  const outcome: BuildOutcome = { diagnostics, outputs: [], prepared: prepared.value, pageModel: pages.value, pdf };
  if (hasErrors(diagnostics) || opts.write === false) return outcome;
  const file = outputPath(req, dataset.id, 'pdf');
  try {
    writeFileAtomic(file, pdf);
    outcome.outputs.push(file);
  } catch (e) {
    diagnostics.push(report('io/write-failed', { file, line: 1, column: 1 }, { detail: (e as Error).message }));
  }
  return outcome;
}
