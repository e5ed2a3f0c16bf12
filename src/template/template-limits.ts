// The template limits (src/limits.ts): partial depth, checked statically on
// the include graph before anything runs; loop iterations, output size and
// time, counted while Handlebars runs by wrapping the block helpers.
import type Handlebars from 'handlebars';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Limits } from '../limits.js';

/** A `{{> name}}` in `file`, at its line and column (1-based). */
export interface IncludeEdge {
  name: string;
  file: string;
  line: number;
  column: number;
}

/**
 * Partials nested deeper than `maxDepth`, or including themselves (directly
 * or through others), → one diagnostic at the `{{> …}}` that goes too deep
 * or closes the loop, naming the chain ("a → b → a"). Handlebars would
 * otherwise recurse until "Maximum call stack size exceeded", or expand
 * 2^depth copies of a doubling partial. Heights are memoized, so a graph
 * where each partial includes the next one twice is linear work, not 2^n.
 */
export function checkPartialDepth(mainIncludes: IncludeEdge[], includesOf: (name: string) => IncludeEdge[] | undefined, maxDepth: number): Diagnostic | undefined {
  /** Longest chain of partials starting at a partial (itself included), and its first step. */
  const height = new Map<string, { depth: number; next?: IncludeEdge }>();
  const onPath = new Set<string>();
  let found: Diagnostic | undefined;
  const refuse = (at: IncludeEdge, chain: string[], loop: boolean) => {
    const detail = loop ? `${chain.join(' → ')} includes itself, which never ends, whatever the limit` : chain.join(' → ');
    found = report('limit/exceeded', { file: at.file, line: at.line, column: at.column }, { what: 'partials nested in partials', limit: maxDepth, key: 'partialDepth', detail });
  };
  // Depth-first along `path` (the partials open above `edge`); stops at the first refusal.
  const visit = (edge: IncludeEdge, path: string[]): number => {
    if (found) return 0;
    const name = edge.name;
    const chain = [...path, name];
    if (onPath.has(name)) {
      refuse(edge, chain.slice(chain.indexOf(name)), true);
      return 0;
    }
    if (chain.length > maxDepth) {
      refuse(edge, chain, false);
      return 0;
    }
    const known = height.get(name);
    if (known) {
      if (path.length + known.depth > maxDepth) {
        // Below here was fine on its own; with what is above, the deepest chain goes over.
        const full = [...chain];
        let last = edge;
        for (let e = known.next; e && full.length <= maxDepth; e = height.get(e.name)?.next) {
          full.push(e.name);
          last = e;
        }
        refuse(last, full, false);
      }
      return known.depth;
    }
    const edges = includesOf(name);
    if (!edges) return 0; // Not a loaded partial: reported as unknown elsewhere.
    onPath.add(name);
    let best: { depth: number; next?: IncludeEdge } = { depth: 1 };
    for (const e of edges) {
      const d = visit(e, chain);
      if (found) break;
      if (d + 1 > best.depth) best = { depth: d + 1, next: e };
    }
    onPath.delete(name);
    height.set(name, best);
    return best.depth;
  };
  for (const e of mainIncludes) {
    visit(e, []);
    if (found) break;
  }
  return found;
}

/** Thrown inside Handlebars to stop it; caught in `expandTemplate` and turned into its diagnostic. */
export class LimitExceeded extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

type Loc = { source?: string; start: { line: number; column: number } };

/** What the counting helpers share over one expansion. */
export interface RunBudget {
  limits: Pick<Limits, 'loopIterations' | 'templateOutputChars' | 'documentSeconds'>;
  /** `performance.now()` after which the document is out of time. */
  deadlineMs: number;
  iterations: number;
  defaultFile: string;
}

function at(budget: RunBudget, loc: Loc | undefined): Position {
  return { file: loc?.source ?? budget.defaultFile, line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1 };
}

/** Output too long: stop with the limit at `position`. */
/** `detail` is written only when the limit is exceeded (this runs for every partial and helper call). */
export function checkOutputChars(budget: RunBudget, chars: number, position: Position, detail: () => string): void {
  if (chars > budget.limits.templateOutputChars) {
    throw new LimitExceeded(report('limit/exceeded', position, { what: 'characters a template may expand to', limit: budget.limits.templateOutputChars, key: 'templateOutputChars', detail: detail() }));
  }
}

/**
 * Wrap the block helpers so that each run of their block counts as one
 * iteration against `loopIterations` (over the whole document, so nested
 * loops multiply), the text one helper call builds is checked against
 * `templateOutputChars` as it grows, and every 256 iterations the clock.
 * The built-in `each` and `with` are delegated to, not rewritten.
 */
export function countBlockHelpers(hb: typeof Handlebars, names: readonly string[], budget: RunBudget): void {
  for (const name of names) {
    const helper = hb.helpers[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!helper) continue;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args.at(-1) as { fn?: (...a: unknown[]) => string; loc?: Loc } | undefined;
      const fn = options?.fn;
      if (!options || typeof fn !== 'function') return helper.apply(this, args);
      let chars = 0;
      const counted = function (this: unknown, ...a: unknown[]) {
        if (++budget.iterations > budget.limits.loopIterations) {
          throw new LimitExceeded(report('limit/exceeded', at(budget, options.loc), { what: 'iterations of `{{#each}}` and the other block helpers in one document', limit: budget.limits.loopIterations, key: 'loopIterations', detail: `\`${name}\` went over it here` }));
        }
        if ((budget.iterations & 255) === 0 && performance.now() > budget.deadlineMs) {
          throw new LimitExceeded(report('limit/exceeded', at(budget, options.loc), { what: 'seconds one document may take', limit: budget.limits.documentSeconds, key: 'documentSeconds', detail: `still expanding the template at \`${name}\`` }));
        }
        const out = fn.apply(this, a);
        chars += typeof out === 'string' ? out.length : 0;
        checkOutputChars(budget, chars, at(budget, options.loc), () => `\`${name}\` built more than that here`);
        return out;
      };
      Object.assign(counted, fn);
      args[args.length - 1] = { ...options, fn: counted };
      return helper.apply(this, args);
    } as Handlebars.HelperDelegate);
  }
}
