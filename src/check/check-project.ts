// The provenance checks, run by `briefdeck check` and before every build:
// conflicting figures and broken relations in the dataset, numbers typed by
// hand into templates, and stale or superseded facts quoted by the document.
// (Conflicts a template leaves unresolved, undeclared mixed charts and
// unchecked growth claims are reported where they happen: by the helpers
// and the chart stage.)
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Document } from '../document/nodes.js';
import type { Dataset } from '../facts/dataset.js';
import type { TemplateSet } from '../template/expand-template.js';
import type { FactUse } from '../template/helpers/helper-env.js';
import { conflictDiagnostics } from './conflicts.js';
import { relationDiagnostics } from './relations.js';
import { staleFactDiagnostics } from './stale-facts.js';
import { findTypedNumbers } from './typed-numbers.js';

export interface CheckInput {
  dataset?: Dataset;
  templates?: TemplateSet;
  /** Present only when the template expanded and the document was built. */
  document?: { tree: Document; uses: readonly FactUse[] };
}

/** Fact ids a document shows anywhere: through helpers, or as rows of its charts. */
export function shownFacts(uses: readonly FactUse[], doc: Document): Set<string> {
  const shown = new Set(uses.map((u) => u.factId));
  for (const b of doc.children) {
    if (b.type !== 'chart') continue;
    const datasets = (b.spec['datasets'] ?? {}) as Record<string, Record<string, unknown>[]>;
    for (const rows of Object.values(datasets)) for (const r of rows) if (typeof r['fact'] === 'string') shown.add(r['fact']);
  }
  return shown;
}

export function provenanceChecks(input: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (input.dataset) out.push(...conflictDiagnostics(input.dataset), ...relationDiagnostics(input.dataset));
  if (input.templates) for (const t of [input.templates.main, ...input.templates.partials]) out.push(...findTypedNumbers(t));
  if (input.dataset && input.document) out.push(...staleFactDiagnostics(input.dataset, input.document.uses, shownFacts(input.document.uses, input.document.tree), input.document.tree.meta));
  return out;
}
