// Stage 2: a Handlebars template + dataset → Markdown with directives, and
// for each Markdown line the template file and line it came from.
//
// Handlebars is run with our own rules: no HTML escaping (the context is
// pre-escaped for Markdown instead), strict field lookup, helpers that
// record diagnostics instead of throwing, and a static check first so that
// every unknown helper, partial and fact is reported in one run.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset } from '../facts/dataset.js';
import type { Locale } from '../format/locale.js';
import { contentHash, diskMemo } from '../util/disk-memo.js';
import { builtinTemplatesDir } from '../util/package-dir.js';
import { isDiagnostic, maxTextBytes, readProjectFile } from '../util/project-files.js';
import { defaultLimits, type Limits } from '../limits.js';
import { checkTemplate } from './check-template.js';
import { checkOutputChars, checkPartialDepth, countBlockHelpers, LimitExceeded, type IncludeEdge, type RunBudget } from './template-limits.js';
import { templateContext } from './context.js';
import { factHelpers } from './helpers/fact-helpers.js';
import { formatHelpers } from './helpers/format-helpers.js';
import { measureHelpers } from './helpers/measure-helpers.js';
import type { FactUse, HelperEnv } from './helpers/helper-env.js';
import { addLineMarkers, extractLineOrigins, type LineOrigin } from './line-markers.js';

export interface TemplateFile {
  /** Partial name, or the document name for the main template. */
  name: string;
  file: string;
  text: string;
}

export interface TemplateSet {
  main: TemplateFile;
  /** The partials the template includes (directly or through other partials). */
  partials: TemplateFile[];
  /** Every partial name it could include: for "did you mean". */
  available?: string[];
}

export interface Expanded {
  markdown: string;
  /** Facts the helpers printed or computed from, with where and how. */
  uses: FactUse[];
  origins: LineOrigin[];
  file: string;
}

import { knownTemplates, templateExtension, templateHome } from './list-templates.js';
import { LRUCache } from 'lru-cache';


export { templateExtension };

/** Partial names (files `NAME.md.hbs`) in a folder, without reading them. */
function partialFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No partials folder.
  }
  for (const n of names.filter((n) => n.endsWith(templateExtension)).sort()) out.set(n.slice(0, -templateExtension.length), path.join(dir, n));
  return out;
}

/** A partial a template includes: its name and where the `{{> name}}` is (line and column, 1-based). */
interface Inclusion {
  name: string;
  line: number;
  column: number;
}

/** Partial inclusions by template text: a rebuild in the same process does not parse again. */
const includedByText = new LRUCache<string, Inclusion[]>({ max: 128 });

/** Partials a template includes by name (`{{> name}}`), in every branch. */
function includedPartials(text: string): Inclusion[] {
  const hit = includedByText.get(text);
  if (hit) return [...hit];
  const found: Inclusion[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; name?: { type: string; original?: string }; loc?: { start: { line: number; column: number } } };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression' && n.name.original) {
      found.push({ name: n.name.original, line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 });
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') visit(v);
  };
  try {
    visit(Handlebars.parse(text));
  } catch {
    // A syntax error is reported when the template is compiled.
  }
  includedByText.set(text, found);
  return [...found];
}

export interface TemplateOptions {
  /**
   * The project folder: every template file read must lie inside it (real
   * paths, so symlinks count), or inside briefdeck's own templates folder
   * (the standard templates are trusted wherever briefdeck is installed).
   * Default: the parent of `templatesDir`.
   */
  root?: string;
  /** Where the template was asked for (its briefdeck.yaml entry): where a refused main template is reported. */
  at?: Position;
  /** Partials nested in partials (`limits.partialDepth`); default: the built-in limit. */
  partialDepth?: number;
}

/**
 * `templates/<name>/document.md.hbs`, with the partials it uses from
 * `templates/<name>/partials/` or the shared `templates/partials/`. Only
 * partials that are included are read: another document's partial is
 * neither read nor checked.
 */
export function loadTemplateSet(templatesDir: string, name: string, opts: TemplateOptions = {}): Result<TemplateSet | undefined> {
  const home = templateHome(templatesDir, name);
  const file = path.join(home ?? templatesDir, name, `document${templateExtension}`);
  if (!home) return { value: undefined, diagnostics: [report('template/unknown-template', { file, line: 1, column: 1 }, { name, known: knownTemplates(templatesDir) })] };
  const confine = { root: opts.root ?? path.dirname(path.resolve(templatesDir)), maxBytes: maxTextBytes, trusted: [builtinTemplatesDir()] };
  const main = readProjectFile(file, { ...confine, what: 'template', name: path.relative(templatesDir, file), ...(opts.at ? { at: opts.at } : {}) });
  if (isDiagnostic(main)) return { value: undefined, diagnostics: [main] };
  const text = main.text;
  // A document's own partials override shared ones of the same name.
  const available = new Map([...partialFiles(path.join(home, 'partials')), ...partialFiles(path.join(home, name, 'partials'))]);
  const partials: TemplateFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const queue = includedPartials(text).map((inclusion) => ({ inclusion, from: file }));
  const seen = new Set<string>();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { inclusion, from } = next;
    const p = inclusion.name;
    const partialFile = available.get(p);
    if (seen.has(p) || !partialFile) continue;
    seen.add(p);
    const read = readProjectFile(partialFile, { ...confine, what: 'partial', name: path.relative(templatesDir, partialFile), at: { file: from, line: inclusion.line, column: inclusion.column } });
    if (isDiagnostic(read)) {
      diagnostics.push(read);
      continue;
    }
    partials.push({ name: p, file: partialFile, text: read.text });
    queue.push(...includedPartials(read.text).map((i) => ({ inclusion: i, from: partialFile })));
  }
  // A partial that may not be read leaves the set incomplete: nothing is expanded from it.
  if (diagnostics.length) return { value: undefined, diagnostics };
  const edges = (t: TemplateFile): IncludeEdge[] => includedPartials(t.text).map((i) => ({ ...i, file: t.file }));
  const byName = new Map(partials.map((p) => [p.name, p]));
  const tooDeep = checkPartialDepth(edges({ name, file, text }), (p) => (byName.has(p) ? edges(byName.get(p)!) : undefined), opts.partialDepth ?? defaultLimits.partialDepth);
  if (tooDeep) return { value: undefined, diagnostics: [tooDeep] };
  return { value: { main: { name, file, text }, partials, available: [...available.keys()] }, diagnostics };
}

/**
 * A Handlebars syntax error → a diagnostic at its line and column. Errors
 * about a node carry `lineNumber`/`column` (0-based); the parser's own
 * ("Parse error on line 3: …text {{x=}}\n-----^") gives only the line, and
 * a caret under the last 20 characters read with the newlines removed, so
 * the column is where that text ends on the line.
 */
export function parseError(file: string, text: string, e: Error & { lineNumber?: number; column?: number }): Diagnostic {
  if (typeof e.lineNumber === 'number' && typeof e.column === 'number') {
    const detail = e.message.replace(/ - \d+:\d+$/, '');
    return report('template/syntax', { file, line: e.lineNumber, column: e.column + 1 }, { detail });
  }
  const m = /line (\d+)/.exec(e.message);
  const line = m ? Number(m[1]) : 1;
  const messageLines = e.message.split('\n');
  const detail = messageLines.filter((l) => l.startsWith('Expecting') || l.startsWith('Parse error') === false).pop() ?? e.message;
  let column = 1;
  const caret = messageLines.findIndex((l) => /^-*\^$/.test(l));
  const lineText = text.split(/\r?\n/)[line - 1];
  if (caret > 0 && lineText !== undefined) {
    const before = messageLines[caret - 1]!.slice(0, messageLines[caret]!.length - 1).replace(/^\.\.\./, '');
    // The text read lies within the line (`...` cut its start), or starts on an earlier line.
    let k = before.length > 0 ? lineText.length : -1;
    while (k >= before.length && !lineText.slice(0, k).endsWith(before)) k--;
    if (k < before.length) for (k = Math.min(lineText.length, before.length); k > 0 && !before.endsWith(lineText.slice(0, k)); k--);
    column = Math.max(k, 0) + 1;
  }
  return report('template/syntax', { file, line, column }, { detail: detail.trim() });
}

const compileOptions = { strict: true, noEscape: true };

/** Static errors after which Handlebars would throw instead of running. */
const blocking = new Set(['template/syntax', 'template/unknown-helper', 'template/unknown-partial', 'template/unsupported', 'template/prototype-access']);

interface CompiledFile {
  /** Parsed without line markers: what the static checks read. */
  ast: hbs.AST.Program;
  /** Precompiled template (with line markers), independent of any Handlebars environment. */
  spec: TemplateSpecification;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

// Compiling is the slow part of Handlebars; templates change less often than
// data, so a rebuild in the same process reuses the compiled form.
const compiledFiles = new LRUCache<string, CompiledFile>({ max: 128 });

/** Precompiled code → the template it makes, or undefined if it makes none (a damaged cache entry). */
function templateSpec(source: string): TemplateSpecification | undefined {
  try {
    const spec = new Function(`return ${source};`)() as { main?: unknown; compiler?: unknown } | undefined;
    return typeof spec?.main === 'function' && Array.isArray(spec.compiler) ? (spec as TemplateSpecification) : undefined;
  } catch {
    return undefined;
  }
}

/** A compiled template as the disk cache keeps it: its tree, and what Handlebars.precompile wrote (which starts so). */
function isCompiledEntry(v: unknown): boolean {
  const e = v as { ast?: { type?: unknown; body?: unknown }; source?: unknown };
  return e?.ast?.type === 'Program' && Array.isArray(e.ast.body) && typeof e.source === 'string' && e.source.startsWith('{"compiler":');
}

/** Whether a template's syntax tree reads back from JSON as it is: a number literal JSON cannot hold (`1e999`, `-0`) would come back as null or 0. */
function jsonFaithful(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(jsonFaithful);
  if (!node || typeof node !== 'object') return true;
  const n = node as { type?: unknown; value?: unknown; original?: unknown };
  if (n.type === 'NumberLiteral' && [n.value, n.original].some((v) => typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))) return false;
  return Object.values(node).every(jsonFaithful);
}

function compileFile(t: TemplateFile, fileIndex: number): CompiledFile | Diagnostic {
  const key = `${t.file}\u0000${fileIndex}\u0000${t.text}`;
  const hit = compiledFiles.get(key);
  if (hit) return hit;
  try {
    const text = t.text.normalize('NFC');
    // Parsed and precompiled once for the next process too (the disk cache):
    // a cold build compiled its templates in about 40 ms. The precompiled
    // JavaScript is run, so it is kept only in the project's own cache (as
    // trusted as its node_modules), never in a shared BRIEFDECK_CACHE_DIR.
    // An entry read back is used only if its code makes a template (`spec` is then set); else it is compiled afresh, and replaced.
    let spec: TemplateSpecification | undefined;
    const { ast, source } = diskMemo(
      'templates',
      contentHash('handlebars', t.file, String(fileIndex), text),
      () => {
        const marked = Handlebars.parse(text, { srcName: t.file });
        addLineMarkers(marked, fileIndex);
        return { ast: Handlebars.parse(text, { srcName: t.file }), source: Handlebars.precompile(marked, compileOptions) as string };
      },
      (c) => jsonFaithful(c.ast),
      { projectOnly: true, valid: (v) => isCompiledEntry(v) && (spec = templateSpec((v as { source: string }).source)) !== undefined },
    );
    spec ??= new Function(`return ${source};`)() as TemplateSpecification;
    const compiled = { ast, spec };
    compiledFiles.set(key, compiled);
    return compiled;
  } catch (e) {
    return parseError(t.file, t.text.normalize('NFC'), e as Error);
  }
}

interface CompiledSet {
  hb: typeof Handlebars;
  env: HelperEnv;
  context: ReturnType<typeof templateContext>;
  compiled: (CompiledFile | undefined)[];
  diagnostics: Diagnostic[];
}

/** Compile every file of the set and run the static checks on it; nothing is run yet. */
function compileSet(set: TemplateSet, dataset: Dataset, locale: Locale): CompiledSet {
  const hb = Handlebars.create();
  const diagnostics: Diagnostic[] = [];
  const env: HelperEnv = { hb, dataset, locale, diagnostics, uses: [], defaultFile: set.main.file };
  const helpers = { ...factHelpers(env), ...measureHelpers(env), ...formatHelpers(env) };
  hb.registerHelper(helpers);
  const context = templateContext(dataset, locale);

  const files = [set.main, ...set.partials];
  const compiled = files.map((t, i) => {
    const c = compileFile(t, i);
    if ('ast' in c) return c;
    diagnostics.push(c);
    return undefined;
  });
  const partialNames = set.partials.map((p) => p.name);
  const knownPartials = set.available ?? partialNames;
  compiled.forEach((c, i) => {
    if (c) diagnostics.push(...checkTemplate({ ast: c.ast, file: files[i]!.file, helpers: Object.keys(helpers), partials: knownPartials, rootFields: Object.keys(context), dataset }));
  });
  return { hb, env, context, compiled, diagnostics };
}

/**
 * The static checks alone (syntax, helpers, partials, fields, literal fact
 * ids), without running the template: what can still be said about a
 * template when its dataset loaded with errors.
 */
export function checkTemplateSet(set: TemplateSet, dataset: Dataset, locale: Locale): Diagnostic[] {
  return dedupe(compileSet(set, dataset, locale).diagnostics);
}

export interface ExpandOptions {
  /** Default: the built-in limits. */
  limits?: Limits;
  /** `performance.now()` after which the document is out of time (`documentSeconds`); default: that many seconds from now. */
  deadlineMs?: number;
}

/** The block helpers counted against `loopIterations`: Handlebars' own and ours. */
const countedHelpers = ['each', 'with', 'eachFact', 'eachMeasure'] as const;

export function expandTemplate(set: TemplateSet, dataset: Dataset, locale: Locale, opts: ExpandOptions = {}): Result<Expanded | undefined> {
  const { hb, env, context, compiled, diagnostics } = compileSet(set, dataset, locale);
  const files = [set.main, ...set.partials];
  // Run the template unless it cannot run: a helper given an unknown fact or a
  // conflicted query reports it again (deduplicated) and leaves a marker, so
  // the rest still expands and the document-level checks still see it.
  if (diagnostics.some((d) => blocking.has(d.rule))) return { value: undefined, diagnostics };

  const limits = opts.limits ?? defaultLimits;
  const budget: RunBudget = { limits, deadlineMs: opts.deadlineMs ?? performance.now() + limits.documentSeconds * 1000, iterations: 0, defaultFile: set.main.file };
  set.partials.forEach((p, i) => {
    const partial = hb.template(compiled[i + 1]!.spec);
    // A partial's text is checked as it is made, so a partial repeated many times stops early.
    const checked = (context: unknown, options?: Handlebars.RuntimeOptions) => {
      const out = partial(context, options);
      checkOutputChars(budget, out.length, { file: p.file, line: 1, column: 1 }, () => `partial \`${p.name}\` expanded to ${out.length.toLocaleString('en')} characters`);
      return out;
    };
    hb.registerPartial(p.name, Object.assign(checked, partial) as unknown as Handlebars.Template);
  });
  countBlockHelpers(hb, countedHelpers, budget);
  locateHelperErrors(hb);
  let output: string;
  try {
    output = hb.template(compiled[0]!.spec)(context, runtimeOptions);
    checkOutputChars(budget, output.length, { file: set.main.file, line: 1, column: 1 }, () => `the template expanded to ${output.length.toLocaleString('en')} characters`);
  } catch (e) {
    if (e instanceof LimitExceeded) {
      diagnostics.push(e.diagnostic);
      return { value: undefined, diagnostics };
    }
    // Strict mode throws on the first missing field: `"x" not defined in [object Object] - 3:4`.
    const message = (e as Error).message;
    const m = /^"?([^"]+)"? not defined in .* - (\d+):(\d+)/.exec(message);
    const loc = (e as { [helperLoc]?: hbs.AST.SourceLocation })[helperLoc];
    const file = (e as { loc?: { source?: string } }).loc?.source ?? loc?.source ?? set.main.file;
    if (m) diagnostics.push(report('template/unknown-field', { file, line: Number(m[2]), column: Number(m[3]) + 1 }, { name: m[1]! }));
    else diagnostics.push(report('template/runtime', { file, line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1 }, { detail: message }));
    return { value: undefined, diagnostics };
  }
  const { text, origins } = extractLineOrigins(output, files.map((f) => f.file), set.main.file);
  return { value: { markdown: text, origins, file: set.main.file, uses: env.uses }, diagnostics: dedupe(diagnostics) };
}

/**
 * Prototype access stays off, whatever Handlebars' defaults become: a
 * template reads own fields of the data only (see also check-template.ts).
 */
const runtimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, allowedProtoProperties: {}, allowedProtoMethods: {} };

/** Where the innermost helper call that threw was written: set on the error as it passes through. */
const helperLoc = Symbol('helperLoc');

/**
 * Every helper (ours and the built-in `with`, `each`, `lookup`…) tags an
 * error thrown inside it with its position, so a template that makes
 * Handlebars or a helper fail ("function is not iterable") is an error at
 * its line and column, not a crash.
 */
function locateHelperErrors(hb: typeof Handlebars): void {
  for (const [name, helper] of Object.entries(hb.helpers)) {
    if ((helper as { [helperLoc]?: true })[helperLoc]) continue;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      try {
        return (helper as (...a: unknown[]) => unknown).apply(this, args);
      } catch (e) {
        const options = args.at(-1) as { loc?: hbs.AST.SourceLocation } | undefined;
        if (e && typeof e === 'object' && !(helperLoc in e) && options?.loc) Object.assign(e, { [helperLoc]: options.loc });
        throw e;
      }
    };
    Object.assign(wrapped, { [helperLoc]: true });
    hb.registerHelper(name, wrapped as Handlebars.HelperDelegate);
  }
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.rule}|${d.position.file}|${d.position.line}|${d.position.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
