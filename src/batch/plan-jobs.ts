// briefdeck.yaml + the command line's choices → the jobs to run, each with
// its format and output decided, before anything is loaded or built.
//
// Which documents: every one the project lists; with `--data X`, those the
// project pairs with X (the standard templates if none); with `--template`,
// only that template. Which format: `--format`, else the entry's `format:`,
// else the template's front matter, else PDF.
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { templateFormat, type OutputFormat } from '../document/front-matter.js';
import { datasetId } from '../facts/dataset-id.js';
import { outputPath } from '../output-path.js';
import type { Locale } from '../format/locale.js';
import { projectFileName, sameFolder, type Project } from '../project.js';
import { templateFile } from '../template/list-templates.js';
import type { Job } from './job.js';
import { builtinTemplatesDir, standardTemplates } from '../util/package-dir.js';
import { isDiagnostic, maxTextBytes, readProjectFile } from '../util/project-files.js';

export interface PlanRequest {
  /** A dataset folder (absolute). */
  data?: string;
  template?: string;
  format?: OutputFormat;
  locale?: Locale;
}

export type Plan =
  /** Jobs, and problems that stop the whole run (two jobs writing one file). */
  | { jobs: Job[]; diagnostics: Diagnostic[] }
  /** The request cannot be planned: a usage error. */
  | { usage: string };

/** A document chosen before its format is known. */
interface Choice {
  template: string;
  data: string;
  format?: OutputFormat;
  /** The format when neither the project nor the template names one. */
  fallback?: OutputFormat;
  name?: string;
  locale?: Locale;
  at?: Position;
}

function chooseDocuments(project: Project, req: PlanRequest): Choice[] | string {
  if (req.data !== undefined) {
    const data = req.data;
    const paired = project.documents.filter((d) => sameFolder(d.data, data) && (req.template === undefined || d.template === req.template));
    if (paired.length) return paired;
    if (req.template !== undefined) return [{ template: req.template, data }];
    // Nothing paired: the standard brief and deck (each names its format in its front matter).
    return standardTemplates.map((template) => ({ template, data }));
  }
  if (req.template !== undefined) {
    const listed = project.documents.filter((d) => d.template === req.template);
    if (listed.length) return listed;
    // A template the project does not list: against each dataset it does.
    const datasets = [...new Set(project.documents.map((d) => d.data))];
    if (datasets.length === 0) return `no dataset: pass --data DIR, or list documents in ${projectFileName}`;
    return datasets.map((data) => ({ template: req.template!, data }));
  }
  if (project.documents.length === 0) return `no documents: pass --data DIR, or list documents in ${projectFileName}`;
  return project.documents;
}

function toJob(project: Project, choice: Choice, req: PlanRequest): Job {
  const file = templateFile(project.templatesDir, choice.template);
  // A template that cannot (or may not) be read is reported by the checks, with the rest.
  const read = readProjectFile(file, { root: project.root, maxBytes: maxTextBytes, what: 'template', trusted: [builtinTemplatesDir()] });
  const text = isDiagnostic(read) ? undefined : read.text;
  const fromTemplate = text === undefined ? { diagnostics: [] } : templateFormat(file, text);
  const job: Job = {
    template: choice.template,
    data: choice.data,
    format: req.format ?? choice.format ?? fromTemplate.format ?? choice.fallback ?? 'pdf',
    diagnostics: fromTemplate.diagnostics,
  };
  if (choice.name !== undefined) job.name = choice.name;
  const locale = req.locale ?? choice.locale;
  if (locale !== undefined) job.locale = locale;
  if (choice.at !== undefined) job.at = choice.at;
  return job;
}

/** The file a job writes, or undefined when its dataset id cannot be read yet (the job then fails on its own). */
export function jobOutput(job: Job, outDir: string, root?: string): string | undefined {
  if (job.name !== undefined) return outputPath({ outDir, template: job.template, name: job.name }, '', job.format);
  const id = datasetId(job.data, root);
  return id === undefined ? undefined : outputPath({ outDir, template: job.template }, id, job.format);
}

/** Two jobs writing one file would overwrite each other's work: say so before building either. */
function duplicateOutputs(project: Project, jobs: readonly Job[], outDir: string): Diagnostic[] {
  const seen = new Map<string, Job>();
  const out: Diagnostic[] = [];
  for (const job of jobs) {
    const file = jobOutput(job, outDir, project.root);
    if (file === undefined) continue;
    const first = seen.get(file);
    if (!first) {
      seen.set(file, job);
      continue;
    }
    const where = (j: Job) => j.at ?? { file: project.file ?? path.join(project.root, projectFileName), line: 1, column: 1 };
    const other = `${path.relative(process.cwd(), where(first).file)}:${where(first).line} (${first.template} × ${path.relative(process.cwd(), first.data) || '.'})`;
    out.push(report('project/duplicate-output', where(job), { output: path.relative(process.cwd(), file), other }));
  }
  return out;
}

export function planJobs(project: Project, req: PlanRequest, outDir = project.outDir): Plan {
  const chosen = chooseDocuments(project, req);
  if (typeof chosen === 'string') return { usage: chosen };
  const jobs = chosen.map((c) => toJob(project, c, req));
  return { jobs, diagnostics: duplicateOutputs(project, jobs, outDir) };
}
