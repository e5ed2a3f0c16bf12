#!/usr/bin/env node
// `briefdeck` command line: argument parsing and printing only; the work is
// in build.ts. Exit codes: 0 success, 1 errors in the input, 2 bad usage.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { formatDiagnostic, summarize } from './diagnostics/format-diagnostic.js';
import { isLocale } from './format/locale.js';
import { loadProject, type Project } from './project.js';

const usage = {
  main: `briefdeck: facts with sources + templates + Vega-Lite charts → briefing PDFs

Usage: briefdeck <command> [options]

Commands:
  build       build the documents listed in briefdeck.yaml (or one, with --template)
              into PDF briefs and PowerPoint decks
  validate    check a dataset (and the project's templates) without building
  check       provenance report: conflicting figures, broken relations, stale
              facts, mixed charts, numbers typed by hand, and every error a
              build would stop on (--json for machines)

Run \`briefdeck <command> --help\` for the options of a command.`,
  build: `Usage: briefdeck build [--data DIR] [--template NAME] [--out DIR] [--locale en|vi]

Builds every document in briefdeck.yaml, or, with --template or --data, one
document from templates/NAME/document.md.hbs and the dataset in DIR.
Output goes to out/<dataset>-<template>.pdf (or .pptx for decks). Every
document is first checked as \`briefdeck check\` does; nothing is written if
there are errors, and an earlier output stays as it was.

Options:
  --data DIR        dataset folder (default: the project's first document's)
  --template NAME   template folder under templates/ (default: brief)
  --out DIR         output folder (default: out)
  --locale en|vi    language of numbers, dates and labels (default: the dataset's)
  --project DIR     project folder holding briefdeck.yaml (default: .)
  --quiet           print errors and warnings only
  -h, --help        show this help`,
  validate: `Usage: briefdeck validate [--data DIR]

Loads and checks a dataset (dataset.yaml, sources.yaml, facts.yaml,
series.yaml and its CSV files), reports every problem with file, line and
column, and checks that the project's templates expand without errors.
Exits 1 if there is any error.

Options:
  --data DIR        dataset folder (default: every dataset in briefdeck.yaml)
  --project DIR     project folder holding briefdeck.yaml (default: .)
  -h, --help        show this help`,
  check: `Usage: briefdeck check [--data DIR] [--template NAME] [--json]

Runs the provenance checks without building (a build runs them first):
  - conflicting figures in the dataset (same measure and period, different
    values), and templates that ask for one without naming a basis or source;
  - declared relations between facts (sums, growth, shares) that do not hold;
  - growth claims the data contradicts, and changes across statistical bases;
  - charts mixing statistical bases or part-year with full-year values,
    unless the spec declares it;
  - facts older than the document's staleAfter, or quoted when a newer
    value of the same measure is in the dataset;
  - numbers typed by hand into templates instead of printed from facts (keep
    one on purpose with {{literal "…"}});
  - every error a build would report.
Prints a report grouped by severity with file:line for each item, or JSON
with --json. Exits 1 if there is any error.

Options:
  --data DIR        dataset folder (default: every document in briefdeck.yaml)
  --template NAME   template folder under templates/
  --json            print the diagnostics as JSON
  --project DIR     project folder holding briefdeck.yaml (default: .)
  -h, --help        show this help`,
} as const;

const options = {
  json: { type: 'boolean' },
  data: { type: 'string' },
  template: { type: 'string' },
  out: { type: 'string' },
  locale: { type: 'string' },
  project: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function print(diagnostics: readonly Diagnostic[], quiet: boolean): void {
  const shown = sortDiagnostics(diagnostics).filter((d) => !quiet || d.severity !== 'info');
  for (const d of shown) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (shown.length) process.stderr.write(`${summarize(diagnostics)}\n`);
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

function fail(message: string): number {
  process.stderr.write(`briefdeck: ${message}\n\n${usage.main}\n`);
  return 2;
}

interface Job {
  template: string;
  data: string;
  format: 'pdf' | 'pptx';
  name?: string;
  locale?: 'en' | 'vi';
}

function jobsFor(project: Project, values: { data?: string; template?: string; locale?: string }): Job[] | string {
  if (values.locale !== undefined && !isLocale(values.locale)) return `--locale must be en or vi, found ${values.locale}`;
  const locale = values.locale as 'en' | 'vi' | undefined;
  if (values.data || values.template) {
    const first = project.documents[0];
    const data = values.data ? path.resolve(values.data) : first?.data;
    if (!data) return 'no dataset: pass --data DIR or list documents in briefdeck.yaml';
    const template = values.template ?? 'brief';
    // A template named like a deck builds a deck unless the project says otherwise.
    const listed = project.documents.find((d) => d.template === template);
    const job: Job = { template, data, format: listed?.format ?? (template === 'deck' ? 'pptx' : 'pdf') };
    if (locale) job.locale = locale;
    return [job];
  }
  if (project.documents.length === 0) return 'briefdeck.yaml lists no documents; pass --template and --data';
  return project.documents.map((d) => {
    const job: Job = { template: d.template, data: d.data, format: d.format };
    if (d.name) job.name = d.name;
    const l = locale ?? d.locale;
    if (l) job.locale = l;
    return job;
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage.main}\n`);
    return command ? 0 : 2;
  }
  if (command !== 'build' && command !== 'validate' && command !== 'check') return fail(`unknown command \`${command}\``);
  let values;
  try {
    values = parseArgs({ args: rest, options, allowPositionals: false, strict: true }).values;
  } catch (e) {
    return fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${usage[command]}\n`);
    return 0;
  }
  const root = path.resolve(values.project ?? '.');
  const project = loadProject(root);
  if (!project.value) {
    print(project.diagnostics, false);
    return 1;
  }
  const jobs = jobsFor(project.value, values);
  if (typeof jobs === 'string') return fail(jobs);
  const outDir = values.out ? path.resolve(values.out) : project.value.outDir;
  const quiet = values.quiet ?? false;
  const { buildDocument, checkDocument, prepareDocument } = await import('./build.js');
  const all: Diagnostic[] = [];
  const written: string[] = [];
  const requests = jobs.map((job) => ({ job, req: { templatesDir: project.value!.templatesDir, template: job.template, dataDir: job.data, outDir, ...(job.name ? { name: job.name } : {}), ...(job.locale ? { locale: job.locale } : {}) } }));
  if (command === 'validate') for (const { req } of requests) all.push(...prepareDocument(req).diagnostics);
  else {
    // `check`, and the first half of `build`: every document is checked before any is written.
    const checked = requests.map(({ req }) => checkDocument(req));
    const checkDiagnostics = checked.flatMap((c) => c.diagnostics);
    // A build's outcome repeats its check diagnostics; they are listed from there.
    if (command !== 'build' || hasErrors(checkDiagnostics)) all.push(...checkDiagnostics);
    else {
      for (const [i, { job, req }] of requests.entries()) {
        const outcome = await buildDocument(req, job.format, { checked: checked[i]! });
        all.push(...outcome.diagnostics);
        written.push(...outcome.outputs);
        if (!quiet) for (const f of outcome.outputs) process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`);
      }
    }
  }
  const unique = [...new Map(all.map((d) => [formatDiagnostic(d), d])).values()];
  if (command === 'check') {
    if (values.json) process.stdout.write(`${JSON.stringify(sortDiagnostics(unique), null, 2)}\n`);
    else printReport(unique);
    return hasErrors(unique) ? 1 : 0;
  }
  print(unique, quiet);
  if (hasErrors(unique)) {
    // Checks stop every document before any is written; a later stage (a chart that will not render) stops only its own.
    if (command === 'build') process.stderr.write(written.length ? `build failed: ${written.length} of ${requests.length} outputs written; the others were left as they were\n` : 'build failed: nothing was written\n');
    return 1;
  }
  if (command === 'validate' && !quiet) process.stdout.write('ok: no errors\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`briefdeck: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
