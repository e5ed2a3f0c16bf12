import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/build.js';
import { copyFixture } from '../helpers.js';

describe('writing the output', () => {
  it('reports a folder it cannot write to, and leaves no temp file behind', async () => {
    const dir = copyFixture('mini');
    // `out` is a file, so out/mini-brief.pdf cannot be created.
    writeFileSync(path.join(dir, 'out'), 'not a folder');
    const outcome = await buildPdf({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });
    expect(outcome.outputs).toEqual([]);
    expect(outcome.diagnostics.map((d) => d.rule)).toContain('io/write-failed');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
