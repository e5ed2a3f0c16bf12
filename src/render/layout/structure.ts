// Structure elements made during layout, for the tagged PDF: a context
// opens a child element for a block, and text items point at the element
// of their run (a Link element for a linked run, one per link).
import type { LinkTarget, StructNode, StructRole } from '../pdf/page-model.js';
import type { Run } from './inline-runs.js';

export interface StructContext {
  /** The tree being built, shared by every context of one document. */
  structure: StructNode[];
  /** The element that content laid out in this context belongs to. */
  struct: number;
}

/** A context whose content goes into a new child element of the current one. */
export function openStruct<C extends StructContext>(ctx: C, role: StructRole, attrs: Omit<StructNode, 'role' | 'parent'> = {}): C {
  ctx.structure.push({ role, parent: ctx.struct, ...attrs });
  return { ...ctx, struct: ctx.structure.length - 1 };
}

/** Which element a run's text belongs to. */
export type RunTagger = (run: Run) => number;

/**
 * The tagger for `runs` laid out in `ctx`: linked runs go into a Link
 * element (one per link even when it wraps over lines, described by its
 * text), the rest into the context's element. Runs of one link share one
 * target object (inline-runs makes one per link node).
 */
export function runTagger(runs: readonly Run[], ctx: StructContext): RunTagger {
  const links = new Map<LinkTarget, StructNode & { alt: string }>();
  const ids = new Map<LinkTarget, number>();
  for (const r of runs) {
    if (!r.link) continue;
    let node = links.get(r.link);
    if (!node) {
      node = { role: 'Link', parent: ctx.struct, alt: '' };
      ctx.structure.push(node);
      links.set(r.link, node);
      ids.set(r.link, ctx.structure.length - 1);
    }
    node.alt += r.text;
  }
  for (const node of links.values()) node.alt = node.alt.replace(/\s+/g, ' ').trim();
  return (run) => (run.link && ids.get(run.link)) ?? ctx.struct;
}
