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
import { outlineView } from '../template/outline.js';
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

/** Fact ids a document shows anywhere: printed by a helper (cited or not), cited, or drawn as a chart row. */
function shownFacts(document: NonNullable<CheckInput['document']>): Set<string> {
  return new Set([...document.uses.map((u) => u.factId), ...document.tree.facts]);
}

export function provenanceChecks(input: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (input.dataset) out.push(...conflictDiagnostics(input.dataset), ...relationDiagnostics(input.dataset), ...outlineView(input.dataset, input.dataset.locale).diagnostics);
  if (input.templates) for (const t of [input.templates.main, ...input.templates.partials]) out.push(...findTypedNumbers(t));
  if (input.dataset && input.document) out.push(...staleFactDiagnostics(input.dataset, input.document.uses, shownFacts(input.document), input.document.tree.meta));
  return out;
}
