// What every helper can reach: the dataset, the locale, and the diagnostics
// list it appends to (helpers never throw on bad input).
import type Handlebars from 'handlebars';
import type { Diagnostic, Position } from '../../diagnostics/diagnostic.js';
import { report } from '../../diagnostics/messages.js';
import type { Dataset, Fact } from '../../facts/dataset.js';
import type { Locale } from '../../format/locale.js';
import { escapeAttribute } from '../escape-markdown.js';
import { suggest } from '../../util/suggest.js';

export { suggest };

/**
 * How a template used a fact, for the provenance checks that run after
 * expansion: a `claim` states the figure as current; a `baseline` is the
 * earlier value a change is measured from; `listed` is a row of a table or
 * loop; `historical` is a claim the author marked as deliberately old.
 */
export type FactRole = 'claim' | 'baseline' | 'listed' | 'historical';

export interface FactUse {
  factId: string;
  role: FactRole;
  position: Position;
}

export interface HelperEnv {
  hb: typeof Handlebars;
  dataset: Dataset;
  locale: Locale;
  diagnostics: Diagnostic[];
  /** Every fact a helper printed or computed from, in template order. */
  uses: FactUse[];
  /** Template file a helper call without `loc.source` belongs to. */
  defaultFile: string;
}

export interface HelperOptions {
  hash: Record<string, unknown>;
  loc?: { source?: string; start: { line: number; column: number } };
  fn?: (context: unknown) => string;
  inverse?: (context: unknown) => string;
  data?: unknown;
  name?: string;
}

export function positionOfCall(env: Pick<HelperEnv, 'defaultFile'>, options: HelperOptions): Position {
  const loc = options.loc;
  return { file: loc?.source ?? env.defaultFile, line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1 };
}

/** Helpers receive their Handlebars options object as the last argument. */
export function splitArgs(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

/** The role a use plays unless the call says `historical=true`. */
export function roleOf(options: HelperOptions, role: FactRole): FactRole {
  return options.hash['historical'] === true && role === 'claim' ? 'historical' : role;
}

export function recordUse(env: Pick<HelperEnv, 'uses' | 'defaultFile'>, fact: Fact, options: HelperOptions, role: FactRole): void {
  env.uses.push({ factId: fact.id, role: roleOf(options, role), position: positionOfCall(env, options) });
}

/** The fact named `id`, recorded as used in `role` (`null`: a label or period, not a use of the figure). */
export function lookupFact(env: HelperEnv, id: unknown, options: HelperOptions, role: FactRole | null = 'claim'): Fact | undefined {
  const fact = typeof id === 'string' ? env.dataset.facts[id] : undefined;
  if (!fact) env.diagnostics.push(report('template/unknown-fact', positionOfCall(env, options), { id: String(id), suggestions: suggest(String(id), Object.keys(env.dataset.facts)) }));
  else if (role) recordUse(env, fact, options, role);
  return fact;
}

/** The citation marker the document stage turns into a numbered citation. */
export function citeMarker(sourceId: string, factId?: string): string {
  return factId ? `:cite{source="${escapeAttribute(sourceId)}" fact="${escapeAttribute(factId)}"}` : `:cite{source="${escapeAttribute(sourceId)}"}`;
}

export function safe(env: HelperEnv, markdown: string): Handlebars.SafeString {
  return new env.hb.SafeString(markdown);
}

export function numberOption(env: HelperEnv, options: HelperOptions, key: string): number | undefined {
  const v = options.hash[key];
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10) return v;
  env.diagnostics.push(report('template/bad-argument', positionOfCall(env, options), { helper: options.name ?? 'helper', detail: `\`${key}\` must be a whole number from 0 to 10, found \`${String(v)}\`` }));
  return undefined;
}

export function unknownMarker(what: string): string {
  return `⟨${what}⟩`;
}

/** A block helper called without a block (`{{eachFact …}}`): reported, and the caller prints nothing. */
export function missingBlock(env: HelperEnv, options: HelperOptions, helper: string): boolean {
  if (options.fn) return false;
  env.diagnostics.push(report('template/bad-argument', positionOfCall(env, options), { helper, detail: `is a block helper: \`{{#${helper} …}}…{{/${helper}}}\`` }));
  return true;
}
