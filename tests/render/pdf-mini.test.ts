// The mini fixture built to PDF and read back: text exactly as written
// (Vietnamese included), links, fonts, metadata and determinism.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/build.js';
import { fixtures } from '../helpers.js';
import { readPdf } from './read-pdf.js';

const dir = path.join(fixtures, 'mini');
const req = { templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: '/nonexistent' };

describe('mini PDF', async () => {
  const outcome = await buildPdf(req, { write: false });
  const pdf = await readPdf(outcome.pdf!);

  it('builds without errors', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('has the exact Vietnamese strings in its text', () => {
    expect(pdf.text).toContain('Mini brief – Lạng Sơn');
    expect(pdf.text).toContain('Lào Cai – Hà Nội – Hải Phòng');
    expect(pdf.text).toContain('Phạm Minh Chính');
    expect(pdf.text.normalize('NFC')).toBe(pdf.text);
  });
  it('prints data literally: Markdown characters in a value are not markup', () => {
    expect(pdf.text).toContain('*not emphasis* [not a link] #1 & _x_');
  });
  it('has a running header, page X of Y, citations and a source list with links', () => {
    expect(pdf.pages[0]).toContain('BACKGROUND BRIEF');
    expect(pdf.pages[0]).toMatch(new RegExp(`Page 1 of ${pdf.pages.length}`));
    expect(pdf.text).toContain('US$260.65 billion[1]');
    expect(pdf.text).toMatch(/\[1\]\s*General Administration of Customs, Trade with Viet Nam, 2024, 13 January 2025\./);
    expect(pdf.links.some((l) => l.url === 'https://example.org/gacc')).toBe(true);
    expect(pdf.links.some((l) => l.dest === 'source-1')).toBe(true);
  });
  it('draws chart labels as text in the bundled font', () => {
    expect(pdf.text).toContain('2023');
    expect(pdf.text).toContain('250');
    expect(pdf.fonts.every((f) => /^[A-Z]{6}\+BeVietnamPro-/.test(f))).toBe(true);
  });
  it('carries metadata and bookmarks', () => {
    expect(pdf.info['Title']).toBe('Mini brief – Lạng Sơn');
    expect(pdf.info['Author']).toBe('Test unit');
    expect(pdf.info['Language']).toBe('en');
    expect(pdf.outline).toContain('Trade');
  });
  it('is byte-identical when built twice', async () => {
    const again = await buildPdf(req, { write: false });
    expect(Buffer.compare(again.pdf!, outcome.pdf!)).toBe(0);
  });
});
