// Conflicting figures: numeric facts about the same measure and period whose
// values differ (other sources, other statistical bases). They are kept side
// by side in the dataset; `check` lists them so templates choose knowingly.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset, Fact } from '../facts/dataset.js';
import { describeFact } from '../facts/describe-fact.js';

export interface Conflict {
  measure: string;
  period: string;
  facts: Fact[];
}

export function findConflicts(dataset: Dataset): Conflict[] {
  const groups = new Map<string, Fact[]>();
  for (const f of Object.values(dataset.facts)) {
    // Text facts on one measure (three railway lines) are a list, not a disagreement.
    if (typeof f.value !== 'number') continue;
    const key = `${f.measure}\u0000${f.period.text}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: Conflict[] = [];
  for (const facts of groups.values()) {
    const distinct = new Set(facts.map((f) => `${f.value}${f.qualifier ?? ''}`));
    if (distinct.size > 1) out.push({ measure: facts[0]!.measure, period: facts[0]!.period.text, facts });
  }
  return out;
}

export function conflictDiagnostics(dataset: Dataset): Diagnostic[] {
  return findConflicts(dataset).map((c) =>
    report('check/conflict', c.facts[0]!.position, {
      measure: c.measure,
      period: c.period,
      values: c.facts
        .map((f) => describeFact(dataset, f))
        .join('; '),
    }),
  );
}
