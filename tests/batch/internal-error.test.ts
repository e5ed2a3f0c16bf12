// A bug met by one document (a stage that throws) stops only that document,
// and is reported as a diagnostic, not a stack trace.
import { describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src/batch/job.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { messages } from '../../src/diagnostics/messages.js';

vi.mock('../../src/build.js', () => ({
  validateDocument: (req: { dataDir: string }) => {
    if (req.dataDir === '/p/data/bug') throw new Error('cannot read properties of undefined');
    return [];
  },
  checkDocumentAndCharts: () => ({ diagnostics: [] }),
  chartsDrawnBy: () => ({}),
  buildDocument: () => ({ diagnostics: [], outputs: [] }),
}));

const job = (data: string): Job => ({ template: 'brief', data, format: 'pdf', diagnostics: [] });

describe('runBatch on a bug', () => {
  it('fails that document with internal/error and runs the others', async () => {
    const results = await runBatch('validate', [job('/p/data/bug'), job('/p/data/ok')], { templatesDir: '/p/templates', outDir: '/p/out' });
    expect(results.map((r) => r.failed)).toEqual([true, false]);
    expect(results[0]!.diagnostics).toEqual([
      expect.objectContaining({ rule: 'internal/error', message: messages['internal/error'].text({ detail: 'cannot read properties of undefined' }), position: { file: '/p/templates/brief/document.md.hbs', line: 1, column: 1 } }),
    ]);
  });
});
