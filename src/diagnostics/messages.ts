// The one message catalog. Every diagnostic the tool can emit is declared
// here with its rule id, severity and wording; tests assert against these
// functions rather than copying strings.
import type { Diagnostic, Position, Severity } from './diagnostic.js';

interface MessageSpec<A> {
  severity: Severity;
  text: (args: A) => string;
  hint?: (args: A) => string | undefined;
}

function define<A>(severity: Severity, text: (args: A) => string, hint?: (args: A) => string | undefined): MessageSpec<A> {
  return hint ? { severity, text, hint } : { severity, text };
}

const list = (items: readonly string[], max = 8): string =>
  items.length === 0 ? '(none)' : items.slice(0, max).map((s) => `\`${s}\``).join(', ') + (items.length > max ? ', …' : '');

/** A size in MiB, one decimal: `20.0 MiB`. */
const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** A multi-line hint (a YAML snippet) indented under the `hint:` line. */
const indent = (text: string, n: number): string => text.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

export const messages = {
  // Project and files
  'project/missing-file': define<{ what: string }>('error', (a) => `${a.what} not found`, () => 'check the path, or run `briefdeck --help`'),
  'project/no-dataset-matches': define<{ pattern: string }>('error', (a) => `\`data: ${a.pattern}\` matches no dataset folder`, () => 'a dataset folder holds a dataset.yaml; the pattern is relative to briefdeck.yaml'),
  'project/name-for-many': define<{ why: string }>('error', (a) => `\`name:\` names one document, but this entry makes several (${a.why})`, () => 'remove `name:`: each output is then named <dataset id>-<template>'),
  'project/duplicate-output': define<{ output: string; other: string }>('error', (a) => `two documents would write ${a.output}: this one and ${a.other}`, () => 'give one of them its own `name:` in briefdeck.yaml, or list each template and dataset pair once'),
  'project/reserved-name': define<{ name: string; what: string }>('error', (a) => `${a.what} \`${a.name}\` is a device name on Windows (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9), with or without an extension`, () => 'choose another name: a file by that name cannot be written on Windows'),
  'project/schema': define<{ path: string; detail: string }>('error', (a) => `${a.path}: ${a.detail}`, () => 'see "The project file" in the README for the fields an entry takes'),
  'io/read-failed': define<{ detail: string }>('error', (a) => `cannot read file: ${a.detail}`),
  // The confinement rules (src/util/project-files.ts): what may be read and written.
  'io/outside-project': define<{ what: string; path: string; real: string; root: string; write: boolean }>(
    'error',
    (a) => `${a.what} \`${a.path}\` ${a.real === a.path ? 'is' : `resolves to ${a.real}, which is`} outside the project folder ${a.root}; briefdeck ${a.write ? 'writes' : 'reads'} nothing outside it`,
    (a) =>
      a.write
        ? 'make it a folder inside the project (not a symlink out of it), or name the folder on the command line with --out DIR to write there on purpose'
        : 'keep the file inside the project (a symlink counts by where it points): copy it in, or run with --project DIR for a folder that holds it',
  ),
  'io/too-big': define<{ what: string; path: string; bytes: number; limit: number }>(
    'error',
    (a) => `${a.what} \`${a.path}\` is ${mib(a.bytes)}, more than the limit of ${mib(a.limit)} for a ${a.what}`,
    () => 'a file this large is not hand-made input: split it, or check that the path names the file you meant',
  ),
  'io/not-a-file': define<{ what: string; path: string }>('error', (a) => `${a.what} \`${a.path}\` is a folder or a device, not a file`, () => 'name a file'),
  'io/permission-denied': define<{ what: string; path: string }>('error', (a) => `${a.what} \`${a.path}\` cannot be read: permission denied`, () => 'give the user running briefdeck read access to the file'),
  'io/write-failed': define<{ detail: string }>('error', (a) => `cannot write output: ${a.detail}`, () => 'the earlier output, if any, was left as it was'),

  'watch/nothing-to-build': define<{ detail: string }>('error', (a) => `nothing to preview: ${a.detail}`, () => 'list documents in briefdeck.yaml, or run `briefdeck watch --data DIR`; the preview updates when you save'),
  'internal/error': define<{ detail: string }>('error', (a) => `internal error: ${a.detail}`, () => 'this is a bug in briefdeck (please report it); the other documents were still made'),
  'internal/crash': define<{ detail: string; debug?: boolean }>('error', (a) => `internal error: ${a.detail}`, (a) => `this is a bug in briefdeck; please report it${a.debug ? ' with the stack below' : ' (run again with --debug to see where it happened)'}`),
  // The tool's limits (src/limits.ts; briefdeck.yaml `limits:`)
  'limit/exceeded': define<{ what: string; limit: number; key: string; detail?: string }>(
    'error',
    (a) => `limit exceeded: ${a.what} (${a.limit.toLocaleString('en')})${a.detail ? `: ${a.detail}` : ''}`,
    (a) => `make it smaller, or raise \`limits: { ${a.key}: … }\` in briefdeck.yaml if you trust the input`,
  ),

  // `briefdeck new`
  'scaffold/exists': define<{ path: string }>('error', (a) => `${a.path} exists already; nothing was written`, () => 'choose another name, or move the existing folder away first'),
  'scaffold/bad-name': define<{ name: string; rule: string }>('error', (a) => `\`${a.name}\` cannot be used as a name`, (a) => `use ${a.rule}`),
  'scaffold/unknown-template': define<{ name: string; known: string[] }>('error', (a) => `no template \`${a.name}\` to copy`, (a) => `templates: ${list(a.known, 20)}`),

  // YAML and CSV syntax
  'yaml/syntax': define<{ detail: string }>('error', (a) => `YAML syntax error: ${a.detail}`, () => 'fix the YAML syntax at this position'),
  'yaml/duplicate-key': define<{ key: string }>('error', (a) => `duplicate key \`${a.key}\``, () => 'each key may appear once in a mapping; remove or rename one'),
  'yaml/alias-limit': define<{ detail: string }>('error', (a) => `too many YAML alias expansions (${a.detail})`, () => 'write the values out instead of using anchors and aliases'),
  'csv/syntax': define<{ detail: string }>('error', (a) => `CSV syntax error: ${a.detail}`, () => 'one row per line, fields separated by commas; a field holding a comma or a quote is written in double quotes, each quote inside it doubled ("")'),
  'csv/not-a-number': define<{ column: string; found: string }>('error', (a) => `column \`${a.column}\` must be a number, found \`${a.found}\``, () => 'write plain numbers with a dot for decimals and no thousands separators'),
  'csv/missing-column': define<{ column: string; file: string }>('error', (a) => `series file ${a.file} has no \`${a.column}\` column`, () => 'add the column to the header row'),

  // Dataset schema and references
  'facts/schema': define<{ path: string; detail: string }>('error', (a) => `${a.path}: ${a.detail}`),
  'facts/duplicate-id': define<{ kind: string; id: string }>('error', (a) => `duplicate ${a.kind} id \`${a.id}\``, () => 'ids must be unique within a dataset'),
  'facts/unknown-source': define<{ id: string; owner: string; known: string[] }>('error', (a) => `${a.owner} cites unknown source \`${a.id}\``, (a) => `add it to sources.yaml or use one of ${list(a.known)}`),
  'facts/missing-source': define<{ owner: string }>('error', (a) => `${a.owner} has no source`, () => 'every fact needs `source:` naming an entry of sources.yaml'),
  'facts/unknown-basis': define<{ id: string; owner: string; known: string[] }>('error', (a) => `${a.owner} uses unknown basis \`${a.id}\``, (a) => `declare it under \`bases:\` in dataset.yaml, or use one of ${list(a.known)}`),
  'facts/unknown-unit': define<{ unit: string; known: string[]; example: string }>(
    'error',
    (a) => `unknown unit \`${a.unit}\``,
    (a) => `declare it in dataset.yaml, e.g.\n${indent(a.example, 6)}\n    or use one of ${list(a.known, 20)}`,
  ),
  'facts/negative-value': define<{ owner: string; value: number; unit: string }>('error', (a) => `${a.owner} has the negative value ${a.value}, but unit \`${a.unit}\` does not allow negative values`, () => 'fix the value, or allow negatives for the unit in dataset.yaml (`negative: true`)'),
  'facts/imprecise-number': define<{ found: string; problem: 'infinite' | 'unsafe-integer' | 'digits'; read: string }>(
    'error',
    (a) => `the number \`${a.found}\` cannot be kept as written: ${a.problem === 'infinite' ? 'it is too large for a number' : a.problem === 'unsafe-integer' ? `whole numbers beyond 9007199254740991 lose their last digits (it reads as ${a.read})` : `it has more significant digits than a number keeps (it reads as ${a.read})`}`,
    () => 'write at most 15 significant digits, or use a larger unit (e.g. `USD bn` instead of `USD`)',
  ),
  'facts/decimals-on-text': define<{ id: string }>('error', (a) => `fact \`${a.id}\` has a text value but \`decimals:\``, () => '`decimals:` sets how many decimals a number prints; remove it'),
  'facts/bad-period': define<{ period: string }>('error', (a) => `cannot read period \`${a.period}\``, () => 'write `2024`, `2025-Q1`, `2024-10`, `2024-10-31` or a range such as `2024-01..2024-10`'),
  'facts/bad-date': define<{ date: string }>('error', (a) => `cannot read date \`${a.date}\``, () => 'write `YYYY-MM-DD`, `YYYY-MM` or `YYYY`'),
  'facts/text-with-unit': define<{ id: string }>('error', (a) => `fact \`${a.id}\` has a text value but a unit`, () => 'remove `unit:` or give a numeric value'),
  'facts/number-without-unit': define<{ id: string }>('error', (a) => `fact \`${a.id}\` has a numeric value but no unit`, () => 'add `unit:` (for a plain number use `count`)'),
  'facts/series-source-mismatch': define<{ series: string; source: string }>('error', (a) => `series \`${a.series}\` has a row citing \`${a.source}\`, which is not in the series' \`sources\``, () => 'list every source the rows use in series.yaml'),
  'facts/series-unknown-fact': define<{ series: string; id: string }>('error', (a) => `series \`${a.series}\` has a row naming unknown fact \`${a.id}\``, () => 'the `fact` column holds the id of the fact the row repeats'),
  'facts/series-fact-mismatch': define<{ series: string; id: string; field: string; row: string; fact: string }>('error', (a) => `series \`${a.series}\` row says ${a.field} \`${a.row}\` but fact \`${a.id}\` says \`${a.fact}\``, () => 'a row and the fact it repeats must agree: fix one of them'),
  'facts/relation-unknown-fact': define<{ id: string; role: string }>('error', (a) => `relation names unknown fact \`${a.id}\` as its ${a.role}`, () => 'use the id of a fact in facts.yaml'),
  'facts/relation-not-a-number': define<{ id: string; role: string }>('error', (a) => `relation uses fact \`${a.id}\` (its ${a.role}), which is not a number`),
  'facts/outline-unknown': define<{ kind: 'fact' | 'measure' | 'series'; id: string; suggestions: string[] }>(
    'error',
    (a) => `unknown ${a.kind} \`${a.id}\``,
    (a) => (a.suggestions.length ? `did you mean ${list(a.suggestions)}?` : a.kind === 'series' ? 'use the id of a series in series.yaml' : a.kind === 'measure' ? 'use a `measure:` of facts.yaml, or its first part (`trade.` selects every `trade.…`)' : 'use the id of a fact in facts.yaml'),
  ),
  'facts/series-unknown-column': define<{ series: string; column: string; columns: string[] }>('error', (a) => `series \`${a.series}\` has no column \`${a.column}\``, (a) => `columns: ${list(a.columns)}`),
  'facts/unused-basis': define<{ id: string }>('info', (a) => `basis \`${a.id}\` is declared but not used`),

  // Text from data (src/facts/clean-text.ts)
  'text/control-character': define<{ where: string; found: string[] }>('warning', (a) => `${a.where} holds ${a.found.join(', ')} (control characters or unpaired surrogates): removed`, () => 'these characters do not print and break the XML of a deck; delete them from the data'),
  'text/bidi-control': define<{ where: string; found: string[] }>('warning', (a) => `${a.where} holds the bidi control ${a.found.join(', ')}: removed`, () => 'bidi overrides and isolates can make text read differently from what it says; delete them from the data'),
  'text/too-long': define<{ where: string; length: number; max: number }>('error', (a) => `${a.where} is ${a.length} characters long; at most ${a.max} are allowed`, () => 'shorten it: long text belongs in the template, not in one cell or field'),

  // Links (src/document/safe-link.ts)
  'link/unsafe-scheme': define<{ url: string; scheme: string }>(
    'warning',
    (a) => `link to \`${a.url}\` is not made live: ${a.scheme ? `\`${a.scheme}:\`` : 'a link without a scheme'} is not followed`,
    () => 'only http:, https: and mailto: links are live; the text is printed without a link',
  ),

  // Templates
  'template/unknown-template': define<{ name: string; known: string[] }>('error', (a) => `template \`${a.name}\` not found`, (a) => `templates: ${list(a.known, 20)} (a template is a folder NAME/ holding document.md.hbs)`),
  'template/syntax': define<{ detail: string }>('error', (a) => `template syntax error: ${a.detail}`),
  'template/unsupported': define<{ construct: string }>('error', (a) => `${a.construct} is not supported in briefdeck templates`, () => 'use a helper or a partial (`{{> name}}`) instead'),
  'template/prototype-access': define<{ name: string }>('error', (a) => `\`${a.name}\` names a property of every JavaScript object, not a field of the data`, () => 'templates read only the fields of the data (facts, sources, dataset, words); check the name'),
  'template/runtime': define<{ detail: string }>('error', (a) => `the template failed while running: ${a.detail}`, () => 'check the helper or block at this position and the values it is given'),
  'template/unknown-fact': define<{ id: string; suggestions: string[] }>('error', (a) => `unknown fact \`${a.id}\``, (a) => (a.suggestions.length ? `did you mean ${list(a.suggestions)}?` : 'check the id in facts.yaml')),
  'template/unknown-source': define<{ id: string; suggestions: string[] }>('error', (a) => `unknown fact or source \`${a.id}\``, (a) => (a.suggestions.length ? `did you mean ${list(a.suggestions)}?` : '`cite` takes the id of a fact in facts.yaml or of a source in sources.yaml')),
  'template/empty-query': define<{ helper: string; query: string; prefix: string; suggestions: string[] }>(
    'warning',
    (a) => `\`${a.helper}\` ${a.query}: no fact has a measure \`${a.prefix}\` or \`${a.prefix.replace(/\.$/, '')}.…\`, so it prints nothing`,
    (a) => `${a.suggestions.length ? `did you mean ${list(a.suggestions)}? ` : ''}a measure prefix matches whole parts: \`trade.\` selects \`trade.bilateral.total\`, but \`s\` does not select \`s01\``,
  ),
  'template/unknown-helper': define<{ name: string; known: string[] }>('error', (a) => `unknown helper or field \`${a.name}\``, (a) => `helpers: ${list(a.known, 30)}`),
  'template/unknown-field': define<{ name: string }>('error', (a) => `unknown field \`${a.name}\``, () => 'check the spelling, or the context this expression runs in'),
  'template/unknown-fact-field': define<{ field: string; id: string; known: string[] }>('error', (a) => `fact \`${a.id}\` has no field \`${a.field}\``, (a) => `fields: ${list(a.known)}`),
  'template/unknown-partial': define<{ name: string; known: string[] }>('error', (a) => `unknown partial \`${a.name}\``, (a) => `partials: ${list(a.known)}`),
  'template/bad-argument': define<{ helper: string; detail: string }>('error', (a) => `\`${a.helper}\`: ${a.detail}`),
  'template/not-a-number': define<{ id: string }>('error', (a) => `fact \`${a.id}\` is not a number`, () => 'use a numeric fact here, or print it with `fact`'),
  'template/unknown-measure': define<{ measure: string; suggestions: string[] }>('error', (a) => `no fact measures \`${a.measure}\``, (a) => (a.suggestions.length ? `did you mean ${list(a.suggestions)}?` : 'check `measure:` in facts.yaml')),
  'template/no-fact-for-period': define<{ measure: string; period: string; periods: string[] }>('error', (a) => `no fact for \`${a.measure}\` in period \`${a.period}\``, (a) => `periods in the dataset: ${list(a.periods)}`),
  'template/no-fact-for-choice': define<{ measure: string; period: string; key: string; value: string; available: string[] }>('error', (a) => `no fact for \`${a.measure}\` (${a.period}) with ${a.key} \`${a.value}\``, (a) => `${a.key === 'basis' ? 'bases' : 'sources'} available: ${list(a.available)}`),
  'template/conflicting-figures': define<{ measure: string; period: string; candidates: string[]; bases: string[] }>(
    'error',
    (a) => `\`${a.measure}\` (${a.period}) has ${a.candidates.length} conflicting figures and the query does not say which it means: ${a.candidates.join('; ')}`,
    (a) => `pick one with ${a.bases.length ? `basis="${a.bases[0]}"` : 'source="…"'}, or show them side by side with ${a.bases.length > 1 ? `basis="${a.bases.slice(0, 2).join(',')}"` : 'all=true'}`,
  ),
  'template/claim-mismatch': define<{ claim: string; detail: string; hint?: string }>('error', (a) => `${a.claim} does not match the facts: ${a.detail}`, (a) => a.hint ?? 'use `from="earlier-fact"` to compute the change, or fix the facts'),
  'template/change-across-bases': define<{ a: string; b: string; basisA: string; basisB: string }>('error', (x) => `change from \`${x.a}\` (${x.basisA}) to \`${x.b}\` (${x.basisB}) mixes statistical bases`, () => 'compare two facts of one basis, or say it on purpose with `mixedBases=true`'),
  'template/unit-mismatch': define<{ a: string; b: string; unitA: string; unitB: string }>('error', (x) => `cannot compare \`${x.a}\` (${x.unitA}) with \`${x.b}\` (${x.unitB})`, () => 'compare facts that share a unit'),

  // Markdown → document tree
  'document/unknown-directive': define<{ name: string; known: string[] }>('error', (a) => `unknown directive \`${a.name}\``, (a) => `directives: ${list(a.known, 20)}`),
  'document/missing-attribute': define<{ directive: string; attribute: string }>('error', (a) => `\`${a.directive}\` needs \`${a.attribute}=…\``),
  'document/bad-attribute': define<{ directive: string; attribute: string; found: string; expected: string }>('error', (a) => `\`${a.directive}\`: \`${a.attribute}\` expected ${a.expected}, found \`${a.found}\``),
  'document/unsupported-markdown': define<{ kind: string }>('warning', (a) => `${a.kind} is not supported in briefs and was left out`, () => 'use a paragraph, list, table or directive instead'),
  'document/bad-front-matter': define<{ detail: string }>('error', (a) => `front matter: ${a.detail}`),
  'document/bad-format': define<{ found: string; expected: string[] }>('error', (a) => `front matter \`format:\` must be ${a.expected.map((e) => `\`${e}\``).join(' or ')}, found \`${a.found}\``, () => 'write the format literally (it is read before Handlebars runs), or choose it in briefdeck.yaml or with --format'),
  'document/citation-outside-sources': define<{ id: string }>('error', (a) => `citation of unknown source \`${a.id}\``),

  // Charts
  'chart/unknown-spec': define<{ name: string; known: string[] }>('error', (a) => `no chart spec \`${a.name}\``, (a) => `specs in templates/charts: ${list(a.known)}`),
  'chart/bad-json': define<{ detail: string }>('error', (a) => `chart spec is not valid JSON: ${a.detail}`),
  'chart/regex-forbidden': define<{ key: string; expression: string }>(
    'error',
    (a) => `chart expression \`${a.key}\` uses a regular expression: ${a.expression}`,
    () => 'charts may not use regular expressions (`test(`, `regexp(`, `/…/`): one slow pattern cannot be stopped; compare with `indexof`, `slice` or `==` instead, or make the column in the data',
  ),
  'chart/url-forbidden': define<{ path: string }>('error', (a) => `chart spec has a \`url\` at ${a.path}; charts read data only from the dataset`, () => 'use "data": {"name": "<series-id>"} instead'),
  'chart/href-forbidden': define<{ path: string }>('error', (a) => `chart spec has an \`href\` at ${a.path}; a chart's links come only from the dataset's sources`, () => 'remove the `href` channel or mark property; the chart note cites the sources'),
  'chart/duplicate-key': define<{ key: string }>('error', (a) => `duplicate key \`${a.key}\` in the chart spec`, () => 'each key may appear once in an object (JSON keeps only the last); remove or merge one'),
  'chart/negative-slice': define<{ series: string; field: string; value: number }>('error', (a) => `a pie or arc chart cannot show the negative value ${a.value} (series \`${a.series}\`, field \`${a.field}\`)`, () => 'a slice is a share of a whole: chart this series as bars, or fix the value'),
  'chart/no-series': define<{ path: string }>('error', (a) => `chart spec needs "data": {"name": "<series-id>"} (at ${a.path})`),
  'chart/unknown-series': define<{ id: string; known: string[] }>('error', (a) => `chart names unknown series \`${a.id}\``, (a) => `series in the dataset: ${list(a.known)}`),
  'chart/schema': define<{ pointer: string; detail: string }>('error', (a) => `chart spec does not fit the Vega-Lite schema at ${a.pointer}: ${a.detail}`, () => 'see https://vega.github.io/vega-lite/docs/ for the shape of a mark, an encoding channel and data'),
  'chart/compile-failed': define<{ detail: string }>('error', (a) => `Vega-Lite could not compile the spec: ${a.detail}`),
  'chart/render-failed': define<{ detail: string }>('error', (a) => `Vega could not render the chart: ${a.detail}`),
  'chart/empty-series': define<{ series: string }>('warning', (a) => `series \`${a.series}\` has no rows: the chart is drawn as a "No data" placeholder`, () => 'add rows to its CSV file, or leave the chart out until there are some'),
  'chart/vega-warning': define<{ detail: string }>('warning', (a) => `Vega-Lite: ${a.detail}`),
  'chart/mixed-bases': define<{ series: string; bases: string[] }>('error', (a) => `chart of series \`${a.series}\` mixes statistical bases: ${a.bases.join('; ')}`, () => 'chart one basis, or say it on purpose with "usermeta": {"mixes": ["bases"]} in the spec (for a chart drawn from a series alone, `mixes: [bases]` on the series in series.yaml); the note line then says so'),
  'chart/mixed-periods': define<{ series: string }>('error', (a) => `chart of series \`${a.series}\` mixes full-year and part-year values`, () => 'chart comparable periods, or say it on purpose with "usermeta": {"mixes": ["partial-years"]} in the spec (for a chart drawn from a series alone, `mixes: [partial-years]` on the series in series.yaml); the note line then says so'),
  'chart/bad-mixes': define<{ found: string; known: string[] }>('error', (a) => `unknown entry \`${a.found}\` in "usermeta.mixes"`, (a) => `entries: ${list(a.known)}`),
  'chart/no-category': define<{ series: string; columns: string[] }>('error', (a) => `series \`${a.series}\` has no column to chart along (columns: ${list(a.columns)})`, () => 'add a `period` column or a text column (e.g. `country`), or name one with `chart: { x: column }` in series.yaml'),
  'chart/unknown-field': define<{ field: string; series: string; columns: string[] }>('error', (a) => `chart uses field \`${a.field}\`, which series \`${a.series}\` does not have`, (a) => `columns: ${list(a.columns)}`),

  // Provenance checks (`briefdeck check`)
  'check/conflict': define<{ measure: string; period: string; values: string }>('info', (a) => `conflicting figures for \`${a.measure}\` (${a.period}): ${a.values}`, () => 'keep each value with its source and basis; in a template, name the one you mean (or show both)'),
  'check/relation-mismatch': define<{ relation: string; stated: string; computed: string; difference: string; tolerance: string }>(
    'error',
    (a) => `${a.relation} does not hold: stated ${a.stated}, computed ${a.computed} (off by ${a.difference}, tolerance ${a.tolerance})`,
    () => 'one of the facts is wrong or from another basis or period; fix it, or widen `tolerance:` if the sources round differently',
  ),
  'check/relation-qualified': define<{ relation: string; id: string }>('warning', (a) => `${a.relation} cannot be checked: \`${a.id}\` is not an exact figure (it has a qualifier)`),
  'check/stale-fact': define<{ fact: string; age: number; limit: number }>('warning', (a) => `${a.fact} is ${a.age} months old at the document date (limit ${a.limit} months)`, () => 'use a newer fact, set `staleAfter:` in the front matter, or mark an old figure on purpose with `historical=true`'),
  'check/newer-value': define<{ fact: string; newer: string; measure: string }>('warning', (a) => `${a.fact} is quoted, but the dataset has a newer value of \`${a.measure}\`: ${a.newer}`, () => 'quote the newer fact (or both), or mark this one `historical=true`'),
  'check/typed-number': define<{ text: string }>('warning', (a) => `number typed by hand: “${a.text}”`, () => 'print it from a fact with `{{fact "id"}}`, or keep it on purpose with `{{literal "…"}}`'),

  // The brand file (_brand.yml, src/brand) and images (src/images)
  'brand/schema': define<{ path: string; detail: string }>('error', (a) => `${a.path}: ${a.detail}`, () => 'see "Your organisation\'s look" in the README for the fields _brand.yml takes'),
  'brand/unknown-field': define<{ path: string; known: string[] }>('warning', (a) => `\`${a.path}\` is not a field briefdeck reads; it is ignored`, (a) => `fields here: ${list(a.known, 12)}`),
  'brand/unknown-color': define<{ name: string; palette: string[] }>('error', (a) => `\`${a.name}\` is neither a colour (#rrggbb, #rgb) nor a name in \`color.palette\``, (a) => `palette names: ${list(a.palette, 12)}`),
  'brand/unknown-font': define<{ family: string; known: string[] }>('error', (a) => `font family \`${a.family}\` has no files in \`typography.fonts\``, (a) => `add it with \`source: file\` and its TTF/OTF files, or use one of ${list(a.known)}; the bundled Be Vietnam Pro is used otherwise`),
  'brand/bad-font': define<{ path: string; detail: string }>('error', (a) => `font file \`${a.path}\` cannot be used: ${a.detail}`, () => 'give a TrueType (.ttf) or OpenType (.otf) file inside the project'),
  'brand/unknown-logo': define<{ name: string; known: string[] }>('error', (a) => `logo \`${a.name}\` is neither a file nor a name in \`logo.images\``, (a) => `images: ${list(a.known)}`),
  'brand/bad-reference-deck': define<{ path: string; detail: string }>('error', (a) => `reference deck \`${a.path}\` cannot be used: ${a.detail}`, () => 'give a .pptx or .potx saved by PowerPoint, LibreOffice Impress or Keynote, inside the project'),
  'brand/missing-layout': define<{ path: string; name: string; kind: string; used: string; known: string[] }>(
    'warning',
    (a) => `reference deck \`${a.path}\` has no layout named \`${a.name}\`; ${a.kind} slides go on \`${a.used}\``,
    (a) => `its layouts: ${list(a.known, 12)}; choose one under \`reference-deck: { layouts: { ${a.kind}: … } }\``,
  ),
  'image/bad': define<{ path: string; detail: string }>('error', (a) => `image \`${a.path}\` cannot be used: ${a.detail}`, () => 'give a PNG, JPEG or SVG file inside the project'),
  'image/missing-alt': define<{ path: string }>('warning', (a) => `image \`${a.path}\` has no alt text: a screen reader cannot describe it`, () => 'write what the image shows between the brackets: ![A map of the border crossings](images/map.png)'),

  // Rendering
  'render/missing-glyph': define<{ char: string; code: string; font: string }>('warning', (a) => `the font ${a.font} cannot draw \`${a.char}\` (${a.code}); it will show as a blank box`, () => 'use another character, or choose a font that covers it in the theme'),
  'render/overflow': define<{ what: string; detail: string }>('warning', (a) => `${a.what} does not fit: ${a.detail}`),
  'render/heading-level-skipped': define<{ level: number; previous: number }>('warning', (a) => `a level-${a.level} heading follows a level-${a.previous} heading: the tagged PDF skips a level, which screen readers take as a missing section (PDF/UA)`, (a) => `use ${'#'.repeat(a.previous + 1)} here, or add the missing heading; the brief's title counts as level 1`),
} as const;

export type Rule = keyof typeof messages;
type ArgsOf<R extends Rule> = (typeof messages)[R] extends MessageSpec<infer A> ? A : never;

/** Build a diagnostic from the catalog. */
export function report<R extends Rule>(rule: R, position: Position, args: ArgsOf<R>): Diagnostic {
  const spec = messages[rule] as unknown as MessageSpec<ArgsOf<R>>;
  const hint = spec.hint?.(args);
  const d: Diagnostic = { severity: spec.severity, rule, message: spec.text(args), position };
  if (hint) d.hint = hint;
  return d;
}
