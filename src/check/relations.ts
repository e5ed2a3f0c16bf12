// Declared relations between facts (facts.yaml `relations:`), checked with
// interval arithmetic: each figure stands for every value that rounds to it
// (260.65 means 260.645…260.655), so a relation holds when the stated
// figure and the computed range overlap, widened by the declared tolerance.
// A sum of parts rounded to 0.1 may then differ from a total rounded to
// 0.01 by the rounding alone, and is not reported for it.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset, Fact, Relation } from '../facts/dataset.js';
import { decimalsOf } from '../format/number.js';

interface Range {
  lo: number;
  hi: number;
}

/** The values a stated figure may stand for, given its written decimals (1.40 → 1.395…1.405). */
export function rangeOf(n: number, decimals = decimalsOf(n)): Range {
  const half = 0.5 * 10 ** -decimals;
  return { lo: n - half, hi: n + half };
}

/** A numeric fact's range at the precision it was written with (`fact.decimals`). */
export function factRange(f: Fact): Range {
  return rangeOf(f.value as number, f.decimals);
}

const add = (a: Range, b: Range): Range => ({ lo: a.lo + b.lo, hi: a.hi + b.hi });
/** a / b × 100 for positive ranges. */
const percentOf = (a: Range, b: Range): Range => ({ lo: (a.lo / b.hi) * 100, hi: (a.hi / b.lo) * 100 });
const mid = (r: Range) => (r.lo + r.hi) / 2;

function round(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

interface Evaluated {
  name: string;
  stated: Fact;
  computed: Range;
  unit: string;
}

function evaluate(r: Relation, fact: (id: string) => Fact): Evaluated {
  const v = (id: string) => factRange(fact(id));
  switch (r.kind) {
    case 'sum':
      return { name: `\`${r.total}\` = ${r.parts.map((p) => `\`${p}\``).join(' + ')}`, stated: fact(r.total), computed: r.parts.map(v).reduce(add), unit: fact(r.total).unit ?? '' };
    case 'growth': {
      const g = percentOf(v(r.to), v(r.from));
      return { name: `\`${r.growth}\` = change from \`${r.from}\` to \`${r.to}\``, stated: fact(r.growth), computed: { lo: g.lo - 100, hi: g.hi - 100 }, unit: 'percentage points' };
    }
    case 'share':
      return { name: `\`${r.share}\` = \`${r.part}\` / \`${r.total}\``, stated: fact(r.share), computed: percentOf(v(r.part), v(r.total)), unit: 'percentage points' };
  }
}

function factIds(r: Relation): string[] {
  switch (r.kind) {
    case 'sum':
      return [r.total, ...r.parts];
    case 'growth':
      return [r.growth, r.from, r.to];
    case 'share':
      return [r.share, r.part, r.total];
  }
}

export function relationDiagnostics(dataset: Dataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of dataset.relations) {
    const ids = factIds(r);
    const facts = ids.map((id) => dataset.facts[id]);
    // Unknown or non-numeric facts were reported when the dataset was loaded.
    if (facts.some((f) => !f || typeof f.value !== 'number')) continue;
    const fact = (id: string) => dataset.facts[id]!;
    const e = evaluate(r, fact);
    const qualified = facts.find((f) => f!.qualifier);
    if (qualified) {
      out.push(report('check/relation-qualified', r.position, { relation: e.name, id: qualified.id }));
      continue;
    }
    const stated = factRange(e.stated);
    const tolerance = r.tolerance ?? 0;
    if (stated.hi + tolerance >= e.computed.lo && stated.lo - tolerance <= e.computed.hi) continue;
    const computed = mid(e.computed);
    out.push(
      report('check/relation-mismatch', r.position, {
        relation: e.name,
        // As written: a stated 10.0 is quoted as 10.0.
        stated: e.stated.decimals === undefined ? round(e.stated.value as number) : (e.stated.value as number).toFixed(e.stated.decimals),
        computed: round(computed),
        difference: `${round(Math.abs(computed - (e.stated.value as number)))} ${e.unit}`.trim(),
        tolerance: `${round(tolerance)} ${e.unit}`.trim(),
      }),
    );
  }
  return out;
}

/** The declared growth relation a pair of facts belongs to, if any: `change` checks its result against it. */
export function growthRelation(dataset: Dataset, from: string, to: string): Extract<Relation, { kind: 'growth' }> | undefined {
  return dataset.relations.find((r): r is Extract<Relation, { kind: 'growth' }> => r.kind === 'growth' && r.from === from && r.to === to);
}
