// The progress line on a terminal and in a log, and the closing summary.
import { describe, expect, it } from 'vitest';
import type { Job, JobResult } from '../../src/batch/job.js';
import { plainProgress, progressOn, terminalProgress } from '../../src/batch/progress.js';
import { batchSummary } from '../../src/batch/summary.js';
import { report } from '../../src/diagnostics/messages.js';

function stream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { writes, isTTY, columns, write: (t: string) => writes.push(t) };
}

describe('progress', () => {
  it('on a terminal rewrites one line and clears it before other output', () => {
    const s = stream(true);
    const p = progressOn(s);
    p.start('data/a brief', 0, 2);
    p.done('data/a brief', 0, 2, 0);
    p.clear();
    p.start('data/b brief', 1, 2);
    p.clear();
    p.clear();
    expect(s.writes).toEqual(['\r\u001b[2K[1/2] data/a brief …', '\r\u001b[2K', '\r\u001b[2K[2/2] data/b brief …', '\r\u001b[2K']);
  });

  it('on a terminal never wraps', () => {
    const s = stream(true, 20);
    terminalProgress(s).start('data/a-very-long-folder-name brief', 0, 40);
    expect(s.writes[0]!.replace('\r\u001b[2K', '')).toHaveLength(19);
  });

  it('in a log prints one line per finished document', () => {
    const s = stream(false);
    const p = progressOn(s);
    p.start('data/a brief', 0, 2);
    p.done('data/a brief', 0, 2, 0);
    p.done('data/b deck', 1, 2, 3);
    expect(s.writes.join('')).toBe('[1/2] data/a brief … ok\n[2/2] data/b deck … failed (3 errors)\n');
    expect(plainProgress(s)).toBeDefined();
  });
});

describe('batchSummary', () => {
  const job = (data: string, template: string): Job => ({ data, template, format: 'pdf', diagnostics: [] });
  const error = report('template/unknown-fact', { file: 'x', line: 1, column: 1 }, { id: 'x', suggestions: [] });
  const result = (data: string, template: string, errors: number): JobResult => ({ job: job(data, template), diagnostics: Array(errors).fill(error), outputs: [], failed: errors > 0 });

  it('counts what was built and names what failed, by dataset', () => {
    const results = [result('/p/data/a', 'brief', 0), result('/p/data/x', 'brief', 3), result('/p/data/x', 'deck', 1), result('/p/data/y', 'brief', 2)];
    expect(batchSummary('build', results, '/p')).toBe('built 1 of 4 documents; failed: data/x (brief: 3 errors, deck: 1 error), data/y (brief: 2 errors)');
    expect(batchSummary('check', results.slice(0, 1), '/p')).toBe('1 of 1 document passed');
  });
});
