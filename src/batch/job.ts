// A job: one document to check or build (one template × one dataset, one
// format), as the planner made it from briefdeck.yaml and the command line,
// and what running it gave.
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import type { OutputFormat } from '../document/front-matter.js';
import type { Locale } from '../format/locale.js';
import { templateFile } from '../template/list-templates.js';

export interface Job {
  template: string;
  /** The dataset folder (absolute). */
  data: string;
  format: OutputFormat;
  /** Output file name without extension; default `<dataset id>-<template>`. */
  name?: string;
  locale?: Locale;
  /** Where the job comes from: its briefdeck.yaml entry; absent for one named on the command line. */
  at?: Position;
  /** Problems found while planning it (a bad `format:`): the job still runs its checks, then fails. */
  diagnostics: Diagnostic[];
}

export interface JobResult {
  job: Job;
  /** Everything the job reported, its planning problems first. */
  diagnostics: Diagnostic[];
  /** Files written (build only). */
  outputs: string[];
  /** True when the job reported an error; a failed job wrote nothing. */
  failed: boolean;
  /** Not built: nothing it is made from changed since its last build (src/batch/up-to-date.ts); `outputs` are last time's. */
  upToDate?: boolean;
}

/** What a batch does with each job. */
export type BatchCommand = 'build' | 'check' | 'validate';

/** `data/x brief`: how progress lines and the summary name a job. */
export function jobLabel(job: Job, cwd = process.cwd()): string {
  return `${path.relative(cwd, job.data) || '.'} ${job.template}`;
}

/** Where a problem of the whole job is reported: its briefdeck.yaml entry, else its main template. */
export function jobPosition(job: Job, ctx: { templatesDir: string }): Position {
  return job.at ?? { file: templateFile(ctx.templatesDir, job.template), line: 1, column: 1 };
}
