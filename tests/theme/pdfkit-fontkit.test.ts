// vitest.config.ts gives pdfkit briefdeck's fontkit wrapper, as the bundle does.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { create } from '../../src/theme/fontkit-shared.js';
import { bundledFontPath } from '../../src/theme/fonts.js';

describe('pdfkit in the tests', () => {
  it('draws with the font object the layout measures, parsed once', () => {
    const bytes = readFileSync(bundledFontPath('regular'));
    const doc = new PDFDocument();
    doc.font(bytes);
    expect((doc as unknown as { _font: { font: object } })._font.font).toBe(create(bytes));
  });
});
