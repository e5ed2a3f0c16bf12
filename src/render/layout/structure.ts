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
  /** What a link leads to, in words, when its text alone does not say (`[3]` → "Source 3: publisher"). */
  describeLink?: (target: LinkTarget) => string | undefined;
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
 * text), runs in another language into a Span with that Lang, the rest
 * into the context's element. Runs of one link or language span share one
 * object (inline-runs makes one per node), which keys its element.
 */
export function runTagger(runs: readonly Run[], ctx: StructContext): RunTagger {
  const nodes = new Map<object, StructNode>();
  const ids = new Map<object, number>();
  for (const r of runs) {
    const key = r.link ?? r.language;
    if (!key) continue;
    let node = nodes.get(key);
    if (!node) {
      node = r.link ? { role: 'Link', parent: ctx.struct, contents: '' } : { role: 'Span', parent: ctx.struct };
      if (r.language) node.lang = r.language.code;
      ctx.structure.push(node);
      nodes.set(key, node);
      ids.set(key, ctx.structure.length - 1);
    }
    if (node.contents !== undefined) node.contents += r.text;
  }
  for (const [key, node] of nodes) {
    if (node.contents === undefined) continue;
    const text = node.contents.replace(/\s+/g, ' ').trim();
    node.contents = ('url' in key || 'dest' in key ? ctx.describeLink?.(key as LinkTarget) : undefined) ?? text;
  }
  return (run) => {
    const key = run.link ?? run.language;
    return (key && ids.get(key)) ?? ctx.struct;
  };
}
