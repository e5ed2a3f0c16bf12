// Static checks on a parsed template, before it runs: unknown helpers,
/// <reference types="handlebars" />
// partials and top-level fields, and literal fact ids that do not exist.
// Runs over every branch (an `{{#if}}` not taken at run time is still
// checked) and reports everything at once.
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset } from '../facts/dataset.js';
import { queryFacts } from './helpers/fact-query.js';
import { suggest } from './helpers/helper-env.js';

const builtins = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
/** Helpers whose positional arguments (by index) or hash keys name facts. */
const factArgs: Record<string, number[]> = { fact: [0], change: [0, 1], keyFigure: [0] };
const factHashKeys = ['growth', 'from'];
/** Helpers whose block changes the context (`this`), so field names inside are not root fields. */
const contextChanging = new Set(['each', 'with', 'eachFact', 'eachMeasure']);

export interface CheckInput {
  ast: hbs.AST.Program;
  file: string;
  helpers: readonly string[];
  partials: readonly string[];
  rootFields: readonly string[];
  dataset: Dataset;
}

type Expr = hbs.AST.Expression;

/**
 * Names every object (or string, array, function) has from its prototype.
 * Handlebars refuses them at run time, but only with a console warning, and
 * they are the raw material of template exploits (CVE-2021-23369:
 * `{{#with "constructor"}}{{#with split as |a|}}…`). Our data has no fields
 * by these names, so a template naming one is refused before it runs. A
 * fact or source whose id is one of them is still found under `facts.` and
 * `sources.` (their records have no prototype).
 */
const prototypeNames = new Set(
  [Object.prototype, String.prototype, Array.prototype, Function.prototype, Number.prototype, Boolean.prototype]
    .flatMap((p) => Object.getOwnPropertyNames(p))
    .concat(['prototype', '__proto__'])
    // `length` of a list is data; a function's `name` is harmless and a common word.
    .filter((n) => n !== 'length' && n !== 'name'),
);

export function checkTemplate(input: CheckInput): Diagnostic[] {
  const { file, dataset } = input;
  const diagnostics: Diagnostic[] = [];
  const known = new Set([...builtins, ...input.helpers]);
  const pos = (loc: hbs.AST.SourceLocation): Position => ({ file, line: loc.start.line, column: loc.start.column + 1 });

  // Reported at the call, as the helper itself would at run time, so the two dedupe.
  const checkFactId = (e: Expr, call: hbs.AST.SourceLocation) => {
    if (e.type !== 'StringLiteral') return;
    const id = (e as hbs.AST.StringLiteral).value;
    if (!dataset.facts[id]) diagnostics.push(report('template/unknown-fact', pos(call), { id, suggestions: suggest(id, Object.keys(dataset.facts)) }));
  };

  // A query with literal arguments is answered now, so a conflict in a branch not taken is still reported.
  const checkQuery = (hash: hbs.AST.Hash, call: hbs.AST.SourceLocation) => {
    const literal: Record<string, unknown> = {};
    for (const p of hash.pairs) {
      const v = p.value as hbs.AST.Literal;
      if (!['StringLiteral', 'BooleanLiteral', 'NumberLiteral'].includes(v.type)) return;
      literal[p.key] = (v as hbs.AST.StringLiteral).value;
    }
    queryFacts({ dataset, diagnostics, uses: [], defaultFile: file }, { hash: literal, loc: { source: file, start: call.start } });
  };

  const checkCall = (node: { path: Expr; params: Expr[]; hash?: hbs.AST.Hash; loc: hbs.AST.SourceLocation }, isBlock: boolean, depth: number) => {
    node.params.forEach((p) => visitExpr(p, depth));
    node.hash?.pairs.forEach((p) => visitExpr(p.value, depth));
    if (node.path.type !== 'PathExpression') return;
    const path = node.path as hbs.AST.PathExpression;
    const name = path.original;
    if (!known.has(name)) checkPath(path);
    // `lookup x "constructor"` reaches the same names by a string.
    if (name === 'lookup' && node.params[1]?.type === 'StringLiteral') {
      const field = (node.params[1] as hbs.AST.StringLiteral).value;
      if (prototypeNames.has(field) && !Object.hasOwn(dataset.facts, field) && !Object.hasOwn(dataset.sources, field)) diagnostics.push(report('template/prototype-access', pos(node.loc), { name: field }));
    }
    const isCall = isBlock || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (isCall) {
      if (!known.has(name)) diagnostics.push(report('template/unknown-helper', pos(node.loc), { name, known: [...known].sort() }));
    } else if (depth === 0 && path.depth === 0 && !path.data && !known.has(name) && path.parts.length > 0 && !input.rootFields.includes(path.parts[0]!)) {
      diagnostics.push(report('template/unknown-helper', pos(node.loc), { name, known: [...known].sort() }));
    }
    // With `measure=` the helper takes no fact id (its first argument is a field name).
    const byMeasure = node.hash?.pairs.some((p) => p.key === 'measure') ?? false;
    if (!byMeasure) for (const i of factArgs[name] ?? []) if (node.params[i]) checkFactId(node.params[i]!, node.loc);
    if (name === 'cite' && node.params[0]?.type === 'StringLiteral') {
      const id = (node.params[0] as hbs.AST.StringLiteral).value;
      if (!dataset.facts[id] && !dataset.sources[id]) diagnostics.push(report('template/unknown-source', pos(node.loc), { id, suggestions: suggest(id, [...Object.keys(dataset.facts), ...Object.keys(dataset.sources)]) }));
    }
    for (const pair of node.hash?.pairs ?? []) if (factHashKeys.includes(pair.key)) checkFactId(pair.value, node.loc);
    if (byMeasure && (name === 'fact' || name === 'keyFigure')) checkQuery(node.hash!, node.loc);
  };

  const visitExpr = (e: Expr, depth: number) => {
    if (e.type === 'SubExpression') checkCall(e as hbs.AST.SubExpression, false, depth);
    else if (e.type === 'PathExpression') checkPath(e as hbs.AST.PathExpression);
  };

  const isUserId = (parts: readonly string[], i: number) => i === 1 && ((parts[0] === 'facts' && Object.hasOwn(dataset.facts, parts[1]!)) || (parts[0] === 'sources' && Object.hasOwn(dataset.sources, parts[1]!)));
  const checkPath = (p: hbs.AST.PathExpression) => {
    const i = p.parts.findIndex((name, i) => prototypeNames.has(name) && !isUserId(p.parts, i));
    if (i >= 0) diagnostics.push(report('template/prototype-access', pos(p.loc), { name: p.parts[i]! }));
  };

  const visit = (nodes: hbs.AST.Statement[] | undefined, depth: number): void => {
    for (const node of nodes ?? []) {
      switch (node.type) {
        case 'MustacheStatement':
          checkCall(node as hbs.AST.MustacheStatement, false, depth);
          break;
        case 'BlockStatement': {
          const b = node as hbs.AST.BlockStatement;
          checkCall(b, true, depth);
          const name = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
          const inner = contextChanging.has(name) ? depth + 1 : depth;
          visit(b.program?.body, inner);
          visit(b.inverse?.body, depth);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const p = node as hbs.AST.PartialStatement;
          const name = p.name.type === 'PathExpression' ? (p.name as hbs.AST.PathExpression).original : String((p.name as unknown as hbs.AST.StringLiteral).value);
          if (!input.partials.includes(name)) diagnostics.push(report('template/unknown-partial', pos(p.loc), { name, known: [...input.partials] }));
          if (node.type === 'PartialBlockStatement') visit((node as hbs.AST.PartialBlockStatement).program?.body, depth);
          break;
        }
        case 'Decorator':
        case 'DecoratorBlock': {
          // Decorators run code at compile time and are deprecated in Handlebars; `{{#*inline}}` is one too.
          const d = node as unknown as { path: hbs.AST.PathExpression; loc: hbs.AST.SourceLocation };
          const construct = node.type === 'Decorator' ? `the decorator \`{{* ${d.path.original}}}\`` : `the decorator block \`{{#* ${d.path.original}}}\``;
          diagnostics.push(report('template/unsupported', pos(d.loc), { construct }));
          break;
        }
        default:
          break;
      }
    }
  };
  visit(input.ast.body, 0);
  return diagnostics;
}
