import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { creationDate } from '../../src/render/pdf/pages-to-pdf.js';
import { copyFixture, edit, lineOf } from '../helpers.js';
import { readPdf } from './read-pdf.js';

describe('characters the font cannot draw', () => {
  it('are a warning naming the character and the template line, and the build still succeeds', async () => {
    const dir = copyFixture('mini');
    edit(dir, 'templates/brief/document.md.hbs', 'Value with markup:', 'Chongqing (重庆) value with markup:');
    const outcome = await buildPdf({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });
    const warnings = outcome.diagnostics.filter((d) => d.rule === 'render/missing-glyph');
    expect(warnings.map((w) => w.message)).toEqual([
      messages['render/missing-glyph'].text({ char: '重', code: 'U+91CD', font: 'BeVietnamPro-Regular' }),
      messages['render/missing-glyph'].text({ char: '庆', code: 'U+5E86', font: 'BeVietnamPro-Regular' }),
    ]);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.position).toMatchObject({ file: path.join(dir, 'templates/brief/document.md.hbs'), line: lineOf(dir, 'templates/brief/document.md.hbs', '重庆') });
    expect(outcome.outputs).toHaveLength(1);
  });
});

describe('creation date', () => {
  it('comes from the document date, or SOURCE_DATE_EPOCH when set', async () => {
    expect(creationDate('2025-09-30', {}).toISOString()).toBe('2025-09-30T00:00:00.000Z');
    expect(creationDate('2025-04', {}).toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(creationDate('2025-09-30', { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    const dir = copyFixture('mini');
    const outcome = await buildPdf({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') }, { write: false });
    const pdf = await readPdf(outcome.pdf!);
    expect(String(pdf.info['CreationDate'])).toMatch(/^D:20250410/);
  });
});
