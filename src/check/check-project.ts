// `briefdeck check`: the provenance checks, without building. Conflicting
// figures in the dataset, numbers typed by hand into templates, and every
// error the build itself would report.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { prepareDocument, type BuildRequest } from '../build.js';
import { loadDataset } from '../facts/load-dataset.js';
import { loadTemplateSet } from '../template/expand-template.js';
import { conflictDiagnostics } from './conflicts.js';
import { findTypedNumbers } from './typed-numbers.js';

export function checkDocument(req: BuildRequest): Diagnostic[] {
  const prepared = prepareDocument(req);
  const diagnostics = [...prepared.diagnostics];
  // The build stops at the first failing stage; the dataset checks still run if only a template failed.
  const dataset = prepared.value?.dataset ?? loadDataset(req.dataDir).value;
  if (dataset) diagnostics.push(...conflictDiagnostics(dataset));
  const set = loadTemplateSet(req.templatesDir, req.template).value;
  if (set) for (const t of [set.main, ...set.partials]) diagnostics.push(...findTypedNumbers(t));
  return diagnostics;
}
