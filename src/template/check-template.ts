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
        default:
          break;
      }
    }
  };
  visit(input.ast.body, 0);
  return diagnostics;
}
