#!/usr/bin/env node
// `briefdeck` command line: argument parsing and printing only; the jobs are
// planned and run by src/batch/, the work is in build.ts. Exit codes: 0
// success, 1 errors in the input, 2 bad usage, 70 a bug (internal error).
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Job, JobResult } from './batch/job.js';
import type { Shard } from './batch/shard.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnostic, summarize } from './diagnostics/format-diagnostic.js';
import { internalErrorExitCode, internalErrorText } from './diagnostics/internal-error.js';
import { outputFormats, type OutputFormat } from './document/front-matter.js';
import { isLocale } from './format/locale.js';
import { loadProject } from './project.js';

const mainUsage = `briefdeck: facts with sources + templates + Vega-Lite charts → briefing PDFs

Usage: briefdeck <command> [options]

Commands:
  build       build the documents listed in briefdeck.yaml (or those of one
              dataset, with --data) into PDF briefs and PowerPoint decks
  validate    check datasets and the templates paired with them, without building
  check       provenance report: conflicting figures, broken relations, stale
              facts, mixed charts, numbers typed by hand, and every error a
              build would stop on (--json for machines)
  watch       rebuild on save and show the brief and deck in the browser, each
              cited number's source one click away
  new         start a dataset (\`new data NAME\`) or a template of your own
              (\`new template NAME --from standard-brief\`)

Run \`briefdeck <command> --help\` for the options of a command.`;

const choosing = `Which documents (the same for build, validate and check):
  - no options: every document in briefdeck.yaml;
  - --data DIR: the documents briefdeck.yaml pairs with that dataset folder,
    or, if it pairs none, the standard templates (standard-brief as PDF,
    standard-deck as PowerPoint);
  - --template NAME: only that template (with --data: that template and
    that dataset, listed or not).
Each document's format is --format if given, else the entry's \`format:\`
in briefdeck.yaml, else the template's front matter \`format:\`, else pdf.`;

const buildUsage = `Usage: briefdeck build [--data DIR] [--template NAME] [--format pdf|pptx] [--out DIR] [--locale en|vi] [--jobs N] [--shard K/N] [--force] [--quiet] [--verbose]

Builds documents into out/<dataset id>-<template>.pdf (or .pptx). Each
document is first checked as \`briefdeck check\` does, then built; a document
with errors writes nothing and its earlier output stays as it was, and the
other documents are still built. The run ends with a summary
("built 38 of 40 documents; failed: data/x (brief: 3 errors)") and exits 1
if any document failed. A document none of whose inputs changed since it
was last built (its dataset and template files, briefdeck.yaml, briefdeck
itself, the day) and whose output is as it was written is not built again
("up to date out/…"); --force builds it anyway.

${choosing}

Options:
  --data DIR          dataset folder
  --template NAME     template folder under templates/
  --format pdf|pptx   output format for every document built
  --out DIR           output folder, anywhere (default: out, or briefdeck.yaml's
                      out:, which must be inside the project)
  --locale en|vi      language of numbers, dates and labels (default: the dataset's)
  --project DIR       project folder holding briefdeck.yaml (default: .); files
                      are read only from inside it
  --jobs N            documents built at once, on worker processes (default: up
                      to one per core, more than one only for a batch long
                      enough to gain from it)
  --shard K/N         only the K-th of N equal shares of the documents (sorted
                      by name), to spread a batch over machines
  --force             build every document, up to date or not
  --quiet             no progress and no \`wrote\` lines: problems and the summary only
  --verbose           also print information (e.g. the dataset's conflicting
                      figures); errors and warnings are always printed
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

const validateUsage = `Usage: briefdeck validate [--data DIR] [--template NAME] [--quiet] [--verbose]

Loads and checks each dataset (dataset.yaml, sources.yaml, facts.yaml,
series.yaml and its CSV files) with every dataset check a build runs
(declared relations, conflicting figures), reports every problem with file,
line and column, and checks that the templates paired with it expand
without errors. Exits 1 if there is any error.

${choosing}

Options:
  --data DIR          dataset folder
  --template NAME     template folder under templates/
  --format pdf|pptx   accepted for symmetry with build
  --locale en|vi      language the templates are expanded in
  --project DIR       project folder holding briefdeck.yaml (default: .); files
                      are read only from inside it
  --jobs N            documents built at once, on worker processes (default: up
                      to one per core, more than one only for a batch long
                      enough to gain from it)
  --shard K/N         only the K-th of N equal shares of the documents (sorted
                      by name), to spread a batch over machines
  --quiet             no progress and no \`ok\` line: problems and the summary only
  --verbose           also print information (e.g. the dataset's conflicting
                      figures); errors and warnings are always printed
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

const checkUsage = `Usage: briefdeck check [--data DIR] [--template NAME] [--json]

Runs the provenance checks without building (a build runs them first):
  - conflicting figures in the dataset (same measure and period, different
    values), and templates that ask for one without naming a basis or source;
  - declared relations between facts (sums, growth, shares) that do not hold;
  - growth claims the data contradicts, and changes across statistical bases;
  - charts mixing statistical bases or part-year with full-year values,
    unless the spec declares it, and charts Vega-Lite cannot compile;
  - facts older than the document's staleAfter, or quoted when a newer
    value of the same measure is in the dataset;
  - numbers typed by hand into templates instead of printed from facts (keep
    one on purpose with {{literal "…"}});
  - every error a build would report.
Prints a report grouped by severity with file:line for each item, information
included (build and validate show it only with --verbose), or JSON with --json. Exits 1 if there is any error.

${choosing}

Options:
  --data DIR          dataset folder
  --template NAME     template folder under templates/
  --format pdf|pptx   accepted for symmetry with build
  --locale en|vi      language the templates are expanded in
  --jobs N            documents built at once, on worker processes (default: up
                      to one per core, more than one only for a batch long
                      enough to gain from it)
  --shard K/N         only the K-th of N equal shares of the documents (sorted
                      by name), to spread a batch over machines
  --json              print the diagnostics as JSON
  --project DIR       project folder holding briefdeck.yaml (default: .); files
                      are read only from inside it
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

const newUsage = `Usage: briefdeck new data NAME
       briefdeck new template NAME [--from TEMPLATE]

new data NAME writes data/NAME/ with every file of a dataset (dataset.yaml,
sources.yaml, facts.yaml, series.yaml, a series CSV), every field shown and
commented, and a few example figures that build at once:
  briefdeck build --data data/NAME
makes out/NAME-standard-brief.pdf and out/NAME-standard-deck.pptx. Then
replace the example figures with yours.

new template NAME copies a template (default: standard-brief) to
templates/NAME/ to customise; build it with --template NAME.

Neither overwrites anything: if the folder exists, nothing is written.

Options:
  --from TEMPLATE     the template to copy (default: standard-brief)
  --project DIR       project folder holding briefdeck.yaml (default: .); files
                      are read only from inside it
  --debug             on an internal error (a bug), also print where it happened
  -h, --help          show this help`;

const watchUsage = `Usage: briefdeck watch [--data DIR] [--template NAME] [--port N] [--open]

Builds the documents (chosen as for build), serves a live preview on
http://127.0.0.1 (a free port unless --port), and rebuilds only the
documents a saved file touches. The page updates itself: the brief's pages
drawn from the PDF, the deck's slides drawn from the slide model (a preview,
not PowerPoint), errors over the last good preview, the check warnings, and
each cited number's fact and source on hover. Outputs in out/ are replaced
atomically, as by build. Ctrl-C stops.

${choosing}

Options:
  --data DIR          dataset folder
  --template NAME     template folder under templates/
  --format pdf|pptx   output format for every document
  --locale en|vi      language of numbers, dates and labels
  --port N            port on 127.0.0.1 (default: a free one, printed)
  --open              open the preview in the default browser
  --project DIR       project folder holding briefdeck.yaml (default: .)
  -h, --help          show this help`;

const allOptions = {
  from: { type: 'string' },
  data: { type: 'string' },
  template: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  locale: { type: 'string' },
  project: { type: 'string' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  force: { type: 'boolean' },
  verbose: { type: 'boolean' },
  debug: { type: 'boolean' },
  port: { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof allOptions;
type Values = { [K in OptionName]?: (typeof allOptions)[K]['type'] extends 'string' ? string : boolean };

interface Command {
  usage: string;
  options: readonly OptionName[];
  /** Words after the command (`new data NAME`): how many it takes; none when absent. */
  positionals?: number;
  run(values: Values, positionals: string[]): Promise<number>;
}

// One entry per command: a new command (`briefdeck new`) is one more entry.
const commands: Record<string, Command> = {
  build: { usage: buildUsage, options: ['data', 'template', 'format', 'out', 'locale', 'project', 'jobs', 'shard', 'force', 'quiet', 'verbose', 'debug', 'help'], run: (v) => runDocuments('build', v) },
  validate: { usage: validateUsage, options: ['data', 'template', 'format', 'locale', 'project', 'jobs', 'shard', 'quiet', 'verbose', 'debug', 'help'], run: (v) => runDocuments('validate', v) },
  check: { usage: checkUsage, options: ['data', 'template', 'format', 'locale', 'project', 'jobs', 'shard', 'json', 'debug', 'help'], run: (v) => runDocuments('check', v) },
  watch: { usage: watchUsage, options: ['data', 'template', 'format', 'locale', 'project', 'port', 'open', 'debug', 'help'], run: (v) => runWatchCommand(v) },
  new: { usage: newUsage, options: ['from', 'project', 'debug', 'help'], positionals: 2, run: (v, p) => runNew(v, p) },
};

/** A usage error: the message, then the main usage or where a command's options are listed. */
function fail(message: string, command?: string): number {
  process.stderr.write(`briefdeck: ${message}\n\n${command ? `Run \`briefdeck ${command} --help\` for its options.` : mainUsage}\n`);
  return 2;
}

/** The options of one command, or a usage error: unknown options, and an option that takes one value given twice. */
function parseOptions(command: Command, args: string[]): { values: Values; positionals: string[] } | string {
  const options = Object.fromEntries(command.options.map((name) => [name, allOptions[name]]));
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: command.positionals !== undefined, strict: true, tokens: true });
  } catch (e) {
    return (e as Error).message;
  }
  if (!parsed.values['help'] && command.positionals !== undefined && parsed.positionals.length !== command.positionals) return `expected ${command.positionals} words after the command, found ${parsed.positionals.length}`;
  // parseArgs keeps the last of `--data a --data b`: a silent choice the user did not make.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || allOptions[token.name as OptionName]?.type !== 'string') continue;
    if (seen.has(token.name)) return `option --${token.name} was given more than once; it takes one value`;
    seen.add(token.name);
  }
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

/** Diagnostics in file order, each on its own line with its hint; information only when asked for (`--verbose`). */
function printDiagnostics(diagnostics: readonly Diagnostic[], showInfo: boolean): void {
  for (const d of sortDiagnostics(diagnostics).filter((x) => showInfo || x.severity !== 'info')) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** The `check` report: errors, then warnings, then information, each with file:line. */
function printReport(diagnostics: readonly Diagnostic[]): void {
  const heads = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;
  for (const severity of ['error', 'warning', 'info'] as const) {
    const items = sortDiagnostics(diagnostics).filter((d) => d.severity === severity);
    process.stdout.write(`${heads[severity]} (${items.length})\n`);
    for (const d of items) process.stdout.write(`  ${formatDiagnostic(d).replace(/\n/g, '\n  ')}\n`);
  }
  process.stdout.write(`${summarize(diagnostics)}\n`);
}

async function runDocuments(command: 'build' | 'validate' | 'check', values: Values): Promise<number> {
  if (values.locale !== undefined && !isLocale(values.locale)) return fail(`--locale must be en or vi, found ${values.locale}`, command);
  if (values.format !== undefined && !(outputFormats as readonly string[]).includes(values.format)) return fail(`--format must be ${outputFormats.join(' or ')}, found ${values.format}`, command);
  const workers = values.jobs === undefined ? os.availableParallelism() : /^[1-9]\d{0,2}$/.test(values.jobs) ? Number(values.jobs) : undefined;
  if (workers === undefined) return fail(`--jobs must be a whole number from 1 to 999, found ${values.jobs}`, command);
  const { parseShard } = await import('./batch/shard.js');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') return fail(shard, command);
  const workerFile = fileURLToPath(new URL('./cli.js', import.meta.url));
  const { dropSpareWorker } = await import('./batch/worker-pool.js');
  try {
    return await runPlanned(command, values, { workers, workerFile, shard });
  } finally {
    dropSpareWorker();
  }
}

/** `runDocuments` once the options are known good: plan, run the documents on workers, print. */
async function runPlanned(command: 'build' | 'validate' | 'check', values: Values, run: { workers: number; workerFile: string; shard: Shard | undefined }): Promise<number> {
  const { workers, workerFile, shard } = run;
  const quiet = values.quiet ?? false;
  // build and validate print errors and warnings; information (the dataset's conflict listing…) with --verbose. check shows all.
  const verbose = values.verbose ?? false;
  const project = loadProject(path.resolve(values.project ?? '.'));
  if (!project.value) {
    printDiagnostics(project.diagnostics, true);
    process.stderr.write(`${summarize(project.diagnostics)}\n`);
    return 1;
  }
  const { startSpareWorker } = await import('./batch/worker-pool.js');
  // A worker loads its bundle while this process plans (with the project's memory limit, so the batch can take it).
  startSpareWorker(workerFile, project.value.limits.documentMemoryMb, values.debug ?? false);
  const { planJobs } = await import('./batch/plan-jobs.js');
  const { batchContext } = await import('./batch/batch-context.js');
  const { shardJobs } = await import('./batch/shard.js');
  const { runBatchInWorkers } = await import('./batch/worker-pool.js');
  const { batchSummary, errorCount } = await import('./batch/summary.js');
  const { jobLabel } = await import('./batch/job.js');
  const { noProgress, progressOn } = await import('./batch/progress.js');
  const outDir = values.out ? path.resolve(values.out) : project.value.outDir;
  const request = {
    ...(values.data !== undefined ? { data: path.resolve(values.data) } : {}),
    ...(values.template !== undefined ? { template: values.template } : {}),
    ...(values.format !== undefined ? { format: values.format as OutputFormat } : {}),
    ...(values.locale !== undefined ? { locale: values.locale as 'en' | 'vi' } : {}),
  };
  const plan = planJobs(project.value, request, outDir);
  if ('usage' in plan) return fail(plan.usage, command);
  if (hasErrors(plan.diagnostics)) {
    printDiagnostics(plan.diagnostics, true);
    process.stderr.write(`${summarize(plan.diagnostics)}\nnothing was ${command === 'build' ? 'built' : 'checked'}\n`);
    return 1;
  }

  const jobs = shard ? shardJobs(plan.jobs, shard, project.value.root) : plan.jobs;
  const progress = jobs.length > 1 && !quiet && !values.json ? progressOn(process.stderr) : noProgress;
  // A problem several documents share (their dataset's) is listed once, under the first.
  const listed = new Set<string>();
  const all: Diagnostic[] = [];
  // Files are read only from inside the project; outputs are written there too, unless --out names a folder on purpose.
  const context = batchContext(project.value, outDir, values.out !== undefined);
  // Each document in a worker process, even alone: a stage that runs away is stopped there (documentSeconds, documentMemoryMb), not in this process.
  const { upToDate } = await import('./batch/up-to-date.js');
  const skip = command === 'build' && !values.force ? (job: Job) => upToDate(job, context) : undefined;
  const results: JobResult[] = await runBatchInWorkers(command, jobs, context, { workers, adaptive: values.jobs === undefined, workerFile, debug: values.debug ?? false, ...(skip ? { skip } : {}) }, {
    start: (job, i, n) => progress.start(jobLabel(job), i, n),
    done: (result, i, n) => {
      const fresh = result.diagnostics.filter((d) => !listed.has(formatDiagnostic(d)));
      for (const d of fresh) listed.add(formatDiagnostic(d));
      all.push(...fresh);
      progress.clear();
      progress.done(jobLabel(result.job), i, n, errorCount(result));
      if (command !== 'check') printDiagnostics(fresh, verbose);
      if (!quiet) for (const f of result.outputs) process.stdout.write(`${result.upToDate ? 'up to date' : 'wrote'} ${path.relative(process.cwd(), f)}\n`);
    },
  });
  progress.clear();

  const failed = results.some((r) => r.failed) || hasErrors(all);
  const summary = batchSummary(command, results);
  if (command === 'check') {
    if (values.json) process.stdout.write(`${diagnosticsToJson(sortDiagnostics(all))}\n`);
    else {
      printReport(all);
      process.stdout.write(`${summary}\n`);
    }
    return failed ? 1 : 0;
  }
  const shown = all.filter((d) => verbose || d.severity !== 'info');
  const hidden = all.length - shown.length;
  if (shown.length) process.stderr.write(`${summarize(all)}\n`);
  if (hidden && !quiet) process.stderr.write(`${hidden} information message${hidden === 1 ? '' : 's'} not shown (--verbose shows ${hidden === 1 ? 'it' : 'them'}; \`briefdeck check\` lists everything)\n`);
  if (failed) {
    process.stderr.write(`${summary}\n`);
    if (command === 'build') process.stderr.write('a failed document writes nothing: its earlier output, if any, was left as it was\n');
    return 1;
  }
  if (!quiet) process.stdout.write(command === 'validate' ? `ok: no errors (${summary})\n` : `${summary}\n`);
  return 0;
}

/** `briefdeck watch`: runs until Ctrl-C. */
async function runWatchCommand(values: Values): Promise<number> {
  if (values.locale !== undefined && !isLocale(values.locale)) return fail(`--locale must be en or vi, found ${values.locale}`, 'watch');
  if (values.format !== undefined && !(outputFormats as readonly string[]).includes(values.format)) return fail(`--format must be ${outputFormats.join(' or ')}, found ${values.format}`, 'watch');
  if (values.port !== undefined && !(/^\d{1,5}$/.test(values.port) && Number(values.port) <= 65535)) return fail(`--port must be a port number, found ${values.port}`, 'watch');
  const { editorDetected, runWatch } = await import('./watch/run-watch.js');
  return runWatch({
    root: path.resolve(values.project ?? '.'),
    plan: {
      ...(values.data !== undefined ? { data: path.resolve(values.data) } : {}),
      ...(values.template !== undefined ? { template: values.template } : {}),
      ...(values.format !== undefined ? { format: values.format as OutputFormat } : {}),
      ...(values.locale !== undefined ? { locale: values.locale as 'en' | 'vi' } : {}),
    },
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
    editorLinks: editorDetected(),
    open: values.open ?? false,
  });
}

/** `briefdeck new data NAME` / `new template NAME [--from T]`. */
async function runNew(values: Values, [kind, name]: string[]): Promise<number> {
  if (kind !== 'data' && kind !== 'template') return fail(`\`new\` makes \`data\` or \`template\`, found \`${kind}\``, 'new');
  if (kind === 'data' && values.from !== undefined) return fail('--from is for `new template`', 'new');
  const root = path.resolve(values.project ?? '.');
  const project = loadProject(root);
  if (!project.value) {
    printDiagnostics(project.diagnostics, true);
    return 1;
  }
  const { newDataset, newTemplate } = await import('./scaffold/new-project-files.js');
  const made = kind === 'data' ? newDataset(path.join(root, 'data'), name!, new Date().toISOString().slice(0, 10)) : newTemplate(project.value.templatesDir, name!, values.from ?? 'standard-brief', root);
  if (hasErrors(made.diagnostics)) {
    printDiagnostics(made.diagnostics, true);
    return 1;
  }
  const rel = (f: string) => path.relative(process.cwd(), f) || '.';
  for (const f of made.value) process.stdout.write(`wrote ${rel(f)}\n`);
  const next =
    kind === 'data'
      ? `Next: replace the example figures in ${rel(path.join(root, 'data', name!))}/ with yours, then\n  briefdeck build --data ${rel(path.join(root, 'data', name!))}`
      : `Next: edit ${rel(path.join(made.value[0]!, 'document.md.hbs'))}, then\n  briefdeck build --data DIR --template ${name}`;
  process.stdout.write(`${next}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainUsage}\n`);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) return fail(`unknown command \`${name}\``);
  const parsed = parseOptions(command, rest);
  if (typeof parsed === 'string') return fail(parsed, name);
  // The batch runner and the last guard below read it from the environment, as BRIEFDECK_DEBUG=1 always could.
  if (parsed.values.debug) process.env['BRIEFDECK_DEBUG'] = '1';
  if (parsed.values.help) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(parsed.values, parsed.positionals);
}

/** The last guard: a bug anywhere (also in a callback outside main's promise) is one message and exit 70, not a stack dump. */
function stopOnBug(e: unknown): void {
  process.stderr.write(internalErrorText(e));
  process.exit(internalErrorExitCode);
}
process.on('uncaughtException', stopOnBug);
process.on('unhandledRejection', stopOnBug);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, stopOnBug);
