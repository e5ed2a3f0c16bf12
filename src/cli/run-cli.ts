// `briefdeck` command line: argument parsing and printing only; the jobs are
// planned and run by src/batch/, the work is in build.ts. Exit codes: 0
// success, 1 errors in the input, 2 bad usage, 70 a bug (internal error).
// The process's own streams and worker processes are given by src/cli.ts;
// tests give their own (a build in their thread, its output kept).
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { DocumentRunner } from '../batch/document-runner.js';
import type { Job, JobResult } from '../batch/job.js';
import type { PlanRequest } from '../batch/plan-jobs.js';
import type { ProgressStream } from '../batch/progress.js';
import type { Shard } from '../batch/shard.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnostic, summarize } from '../diagnostics/format-diagnostic.js';
import { outputFormats, type OutputFormat } from '../document/front-matter.js';
import { isLocale } from '../format/locale.js';
import { loadProject } from '../project.js';
import { buildUsage, checkUsage, mainUsage, newUsage, validateUsage, watchUsage } from './usage.js';

/** Where a run of the command line prints, and how it runs documents. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  runner: DocumentRunner;
}

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
  run(io: CliIo, values: Values, positionals: string[]): Promise<number>;
}

// One entry per command: a new command (`briefdeck new`) is one more entry.
const commands: Record<string, Command> = {
  build: { usage: buildUsage, options: ['data', 'template', 'format', 'out', 'locale', 'project', 'jobs', 'shard', 'force', 'quiet', 'verbose', 'debug', 'help'], run: (io, v) => runDocuments(io, 'build', v) },
  validate: { usage: validateUsage, options: ['data', 'template', 'format', 'locale', 'project', 'jobs', 'shard', 'quiet', 'verbose', 'debug', 'help'], run: (io, v) => runDocuments(io, 'validate', v) },
  check: { usage: checkUsage, options: ['data', 'template', 'format', 'locale', 'project', 'jobs', 'shard', 'json', 'debug', 'help'], run: (io, v) => runDocuments(io, 'check', v) },
  watch: { usage: watchUsage, options: ['data', 'template', 'format', 'locale', 'project', 'port', 'open', 'debug', 'help'], run: (io, v) => runWatchCommand(io, v) },
  new: { usage: newUsage, options: ['from', 'project', 'debug', 'help'], positionals: 2, run: (io, v, p) => runNew(io, v, p) },
};

/** A usage error: the message, then the main usage or where a command's options are listed. */
function fail(io: CliIo, message: string, command?: string): number {
  io.stderr.write(`briefdeck: ${message}\n\n${command ? `Run \`briefdeck ${command} --help\` for its options.` : mainUsage}\n`);
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
function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], showInfo: boolean): void {
  for (const d of sortDiagnostics(diagnostics).filter((x) => showInfo || x.severity !== 'info')) io.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** The `check` report: errors, then warnings, then information, each with file:line. */
function printReport(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  const heads = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;
  for (const severity of ['error', 'warning', 'info'] as const) {
    const items = sortDiagnostics(diagnostics).filter((d) => d.severity === severity);
    io.stdout.write(`${heads[severity]} (${items.length})\n`);
    for (const d of items) io.stdout.write(`  ${formatDiagnostic(d).replace(/\n/g, '\n  ')}\n`);
  }
  io.stdout.write(`${summarize(diagnostics)}\n`);
}

/** What is wrong with --locale or --format, if anything (the commands that choose documents take both). */
function choiceError(values: Values): string | undefined {
  if (values.locale !== undefined && !isLocale(values.locale)) return `--locale must be en or vi, found ${values.locale}`;
  if (values.format !== undefined && !(outputFormats as readonly string[]).includes(values.format)) return `--format must be ${outputFormats.join(' or ')}, found ${values.format}`;
  return undefined;
}

/** Which documents the options choose (planJobs, and watch's plan). */
function planRequest(values: Values): PlanRequest {
  return {
    ...(values.data !== undefined ? { data: path.resolve(values.data) } : {}),
    ...(values.template !== undefined ? { template: values.template } : {}),
    ...(values.format !== undefined ? { format: values.format as OutputFormat } : {}),
    ...(values.locale !== undefined ? { locale: values.locale as 'en' | 'vi' } : {}),
  };
}

async function runDocuments(io: CliIo, command: 'build' | 'validate' | 'check', values: Values): Promise<number> {
  const wrong = choiceError(values);
  if (wrong) return fail(io, wrong, command);
  const workers = values.jobs === undefined ? os.availableParallelism() : /^[1-9]\d{0,2}$/.test(values.jobs) ? Number(values.jobs) : undefined;
  if (workers === undefined) return fail(io, `--jobs must be a whole number from 1 to 999, found ${values.jobs}`, command);
  const { parseShard } = await import('../batch/shard.js');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') return fail(io, shard, command);
  try {
    return await runPlanned(io, command, values, { workers, shard });
  } finally {
    io.runner.finish();
  }
}

/** `runDocuments` once the options are known good: plan, run the documents on workers, print. */
async function runPlanned(io: CliIo, command: 'build' | 'validate' | 'check', values: Values, run: { workers: number; shard: Shard | undefined }): Promise<number> {
  const { workers, shard } = run;
  const quiet = values.quiet ?? false;
  // build and validate print errors and warnings; information (the dataset's conflict listing…) with --verbose. check shows all.
  const verbose = values.verbose ?? false;
  const project = loadProject(path.resolve(values.project ?? '.'));
  if (!project.value) {
    printDiagnostics(io, project.diagnostics, true);
    io.stderr.write(`${summarize(project.diagnostics)}\n`);
    return 1;
  }
  // A worker loads its bundle while this process plans (with the project's memory limit, so the batch can take it).
  io.runner.prepare(project.value.limits.documentMemoryMb, values.debug ?? false);
  const { planJobs } = await import('../batch/plan-jobs.js');
  const { batchContext } = await import('../batch/batch-context.js');
  const { shardJobs } = await import('../batch/shard.js');
  const { batchSummary, errorCount } = await import('../batch/summary.js');
  const { jobLabel } = await import('../batch/job.js');
  const { noProgress, progressOn } = await import('../batch/progress.js');
  const outDir = values.out ? path.resolve(values.out) : project.value.outDir;
  const plan = planJobs(project.value, planRequest(values), outDir);
  if ('usage' in plan) return fail(io, plan.usage, command);
  if (hasErrors(plan.diagnostics)) {
    printDiagnostics(io, plan.diagnostics, true);
    io.stderr.write(`${summarize(plan.diagnostics)}\nnothing was ${command === 'build' ? 'built' : 'checked'}\n`);
    return 1;
  }

  const jobs = shard ? shardJobs(plan.jobs, shard, project.value.root) : plan.jobs;
  const progress = jobs.length > 1 && !quiet && !values.json ? progressOn(io.stderr) : noProgress;
  // A problem several documents share (their dataset's) is listed once, under the first.
  const listed = new Set<string>();
  const all: Diagnostic[] = [];
  // Files are read only from inside the project; outputs are written there too, unless --out names a folder on purpose.
  const context = batchContext(project.value, outDir, values.out !== undefined);
  const { upToDate } = await import('../batch/up-to-date.js');
  const skip = command === 'build' && !values.force ? (job: Job) => upToDate(job, context) : undefined;
  const results: JobResult[] = await io.runner.run(command, jobs, context, { workers, adaptive: values.jobs === undefined, debug: values.debug ?? false, ...(skip ? { skip } : {}) }, {
    start: (job, i, n) => progress.start(jobLabel(job), i, n),
    done: (result, i, n) => {
      const fresh = result.diagnostics.filter((d) => !listed.has(formatDiagnostic(d)));
      for (const d of fresh) listed.add(formatDiagnostic(d));
      all.push(...fresh);
      progress.clear();
      progress.done(jobLabel(result.job), i, n, errorCount(result));
      if (command !== 'check') printDiagnostics(io, fresh, verbose);
      if (!quiet) for (const f of result.outputs) io.stdout.write(`${result.upToDate ? 'up to date' : 'wrote'} ${path.relative(process.cwd(), f)}\n`);
    },
  });
  progress.clear();

  const failed = results.some((r) => r.failed) || hasErrors(all);
  const summary = batchSummary(command, results);
  if (command === 'check') {
    if (values.json) io.stdout.write(`${diagnosticsToJson(sortDiagnostics(all))}\n`);
    else {
      printReport(io, all);
      io.stdout.write(`${summary}\n`);
    }
    return failed ? 1 : 0;
  }
  const shown = all.filter((d) => verbose || d.severity !== 'info');
  const hidden = all.length - shown.length;
  if (shown.length) io.stderr.write(`${summarize(all)}\n`);
  if (hidden && !quiet) io.stderr.write(`${hidden} information message${hidden === 1 ? '' : 's'} not shown (--verbose shows ${hidden === 1 ? 'it' : 'them'}; \`briefdeck check\` lists everything)\n`);
  if (failed) {
    io.stderr.write(`${summary}\n`);
    if (command === 'build') io.stderr.write('a failed document writes nothing: its earlier output, if any, was left as it was\n');
    return 1;
  }
  if (!quiet) io.stdout.write(command === 'validate' ? `ok: no errors (${summary})\n` : `${summary}\n`);
  return 0;
}

/** `briefdeck watch`: runs until Ctrl-C. */
async function runWatchCommand(io: CliIo, values: Values): Promise<number> {
  const wrong = choiceError(values);
  if (wrong) return fail(io, wrong, 'watch');
  if (values.port !== undefined && !(/^\d{1,5}$/.test(values.port) && Number(values.port) <= 65535)) return fail(io, `--port must be a port number, found ${values.port}`, 'watch');
  const { editorDetected, runWatch } = await import('../watch/run-watch.js');
  return runWatch({
    root: path.resolve(values.project ?? '.'),
    plan: planRequest(values),
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
    editorLinks: editorDetected(),
    open: values.open ?? false,
  }, io.stdout);
}

/** `briefdeck new data NAME` / `new template NAME [--from T]`. */
async function runNew(io: CliIo, values: Values, [kind, name]: string[]): Promise<number> {
  if (kind !== 'data' && kind !== 'template') return fail(io, `\`new\` makes \`data\` or \`template\`, found \`${kind}\``, 'new');
  if (kind === 'data' && values.from !== undefined) return fail(io, '--from is for `new template`', 'new');
  const root = path.resolve(values.project ?? '.');
  const project = loadProject(root);
  if (!project.value) {
    printDiagnostics(io, project.diagnostics, true);
    return 1;
  }
  const { newDataset, newTemplate } = await import('../scaffold/new-project-files.js');
  const made = kind === 'data' ? newDataset(path.join(root, 'data'), name!, new Date().toISOString().slice(0, 10)) : newTemplate(project.value.templatesDir, name!, values.from ?? 'standard-brief', root);
  if (hasErrors(made.diagnostics)) {
    printDiagnostics(io, made.diagnostics, true);
    return 1;
  }
  const rel = (f: string) => path.relative(process.cwd(), f) || '.';
  for (const f of made.value) io.stdout.write(`wrote ${rel(f)}\n`);
  const next =
    kind === 'data'
      ? `Next: replace the example figures in ${rel(path.join(root, 'data', name!))}/ with yours, then\n  briefdeck build --data ${rel(path.join(root, 'data', name!))}`
      : `Next: edit ${rel(path.join(made.value[0]!, 'document.md.hbs'))}, then\n  briefdeck build --data DIR --template ${name}`;
  io.stdout.write(`${next}\n`);
  return 0;
}

/** One run of the command line: its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainUsage}\n`);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) return fail(io, `unknown command \`${name}\``);
  const parsed = parseOptions(command, rest);
  if (typeof parsed === 'string') return fail(io, parsed, name);
  // The batch runner and the last guard (src/cli.ts) read it from the environment, as BRIEFDECK_DEBUG=1 always could.
  if (parsed.values.debug) process.env['BRIEFDECK_DEBUG'] = '1';
  if (parsed.values.help) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(io, parsed.values, parsed.positionals);
}
