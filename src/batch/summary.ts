// A batch's results → the line that ends the run:
// `built 38 of 40 documents; failed: data/x (brief: 3 errors), data/y (deck: 1 error)`.
import path from 'node:path';
import type { BatchCommand, JobResult } from './job.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function errorCount(result: JobResult): number {
  return result.diagnostics.filter((d) => d.severity === 'error').length;
}

export function batchSummary(command: BatchCommand, results: readonly JobResult[], cwd = process.cwd()): string {
  const ok = results.filter((r) => !r.failed).length;
  const unchanged = results.filter((r) => r.upToDate).length;
  const head = command === 'build' ? `built ${ok} of ${plural(results.length, 'document')}${unchanged ? ` (${unchanged} up to date)` : ''}` : `${ok} of ${plural(results.length, 'document')} passed`;
  const failed = results.filter((r) => r.failed);
  if (failed.length === 0) return head;
  // One entry per dataset, its failed templates in job order.
  const byData = new Map<string, string[]>();
  for (const r of failed) {
    const data = path.relative(cwd, r.job.data) || '.';
    byData.set(data, [...(byData.get(data) ?? []), `${r.job.template}: ${plural(errorCount(r), 'error')}`]);
  }
  return `${head}; failed: ${[...byData].map(([data, items]) => `${data} (${items.join(', ')})`).join(', ')}`;
}
