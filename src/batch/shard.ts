// `--shard K/N`: the K-th of N equal shares of a batch, so that any job
// runner (a CI matrix, a Kubernetes indexed Job, GNU parallel) can spread
// thousands of documents over machines, each running the same command with
// its own K. The shares are cut from the documents sorted by name (dataset
// folder relative to the project, template, format), dealt out in turn: the
// same N shares on every machine, disjoint, covering the batch, and no two
// differing in size by more than one document.
import path from 'node:path';
import type { Job } from './job.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `3/8` → { index: 3, count: 8 }, or what is wrong with it. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  if (!m) return `--shard takes K/N (e.g. 1/4), found ${text}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard K/N needs 1 ≤ K ≤ N, found ${text}`;
  return { index, count };
}

/** The name a document is sorted by: the same on every machine that checks out the project. */
export function documentKey(job: Job, root: string): string {
  return `${path.relative(root, job.data).split(path.sep).join('/')}\u0000${job.template}\u0000${job.format}`;
}

/** The jobs of one share, in plan order. */
export function shardJobs<T extends Job>(jobs: readonly T[], shard: Shard, root: string): T[] {
  const order = jobs.map((job, i) => ({ key: documentKey(job, root), i })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const mine = new Set(order.filter((_, rank) => rank % shard.count === shard.index - 1).map((x) => x.i));
  return jobs.filter((_, i) => mine.has(i));
}
