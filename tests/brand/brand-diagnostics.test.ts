// What a wrong brand file reports: unknown fields (warnings, ignored), wrong
// types and unknown colours or fonts (errors), each at file:line:col; fonts
// that are not TTF/OTF; characters the brand font cannot draw.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/brand/load-brand.js';
import { buildPdf } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { defaultTheme } from '../../src/theme/theme.js';
import { copyFixture, edit, lineOf } from '../helpers.js';

const brandOf = (dir: string) => loadBrand({ file: path.join(dir, '_brand.yml'), root: dir });

describe('brand file diagnostics', () => {
  it('warns about an unknown field at its key, naming the fields that are read, and still applies the rest', () => {
    const dir = copyFixture('brand');
    edit(dir, '_brand.yml', '  primary: wine', '  primary: wine\n  tertiary: leaf');
    const r = brandOf(dir);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ rule: 'brand/unknown-field', severity: 'warning', position: { file: path.join(dir, '_brand.yml'), line: lineOf(dir, '_brand.yml', 'tertiary'), column: 3 } });
    expect(d.message).toBe(messages['brand/unknown-field'].text({ path: 'color.tertiary', known: [] }));
    expect(d.hint).toContain('`primary`');
    expect(r.value.colors.accent).toBe('#7a1f3d');
  });

  it('reports a wrong type as an error at the value, and every problem at once', () => {
    const dir = copyFixture('brand');
    edit(dir, '_brand.yml', '    chart-colors: [wine, saffron, leaf, "#1d5c8c"]', '    chart-colors: wine\n    paper: legal');
    const r = brandOf(dir);
    expect(r.diagnostics.map((d) => [d.rule, d.severity, d.position.line])).toEqual([
      ['brand/schema', 'error', lineOf(dir, '_brand.yml', 'chart-colors')],
      ['brand/schema', 'error', lineOf(dir, '_brand.yml', 'paper: legal')],
    ]);
    expect(r.diagnostics[0]!.message).toMatch(/^defaults\.briefdeck\.chart-colors: expected array/);
    expect(r.diagnostics[1]!.message).toContain('`a4`, `letter`');
    expect(r.value).toBe(defaultTheme);
  });

  it('refuses a colour that is neither hex nor a palette name, and a font family with no files', () => {
    const dir = copyFixture('brand');
    edit(dir, '_brand.yml', '  primary: wine', '  primary: burgundy');
    edit(dir, '_brand.yml', '  base: Liberation Sans', '  base: Frutiger');
    const r = brandOf(dir);
    const rules = r.diagnostics.map((d) => `${d.rule}@${d.position.line}:${d.position.column}`);
    expect(rules).toEqual([`brand/unknown-font@${lineOf(dir, '_brand.yml', 'base: Frutiger')}:9`, `brand/unknown-color@${lineOf(dir, '_brand.yml', 'primary: burgundy')}:12`]);
    expect(r.diagnostics[1]!.hint).toContain('`wine`');
  });

  it('refuses a font file that is not TrueType or OpenType, and one outside the project', () => {
    const dir = copyFixture('brand');
    writeFileSync(path.join(dir, 'fonts', 'fake.ttf'), 'wOFF this is not a font');
    edit(dir, '_brand.yml', 'fonts/LiberationSans-Bold.ttf', 'fonts/fake.ttf');
    edit(dir, '_brand.yml', 'fonts/DejaVuSerif-Bold.ttf', '../../../../../../../../../../etc/passwd');
    const r = brandOf(dir);
    // The family whose only file was refused is not reported again as a family without files.
    expect(r.diagnostics.map((d) => `${d.rule}@${d.position.line}:${d.position.column}`)).toEqual([`brand/bad-font@${lineOf(dir, '_brand.yml', 'fake.ttf')}:17`, `io/outside-project@${lineOf(dir, '_brand.yml', 'etc/passwd')}:17`]);
  });

  it("warns about characters the brand's font cannot draw, naming that font", async () => {
    const dir = copyFixture('brand');
    edit(dir, 'templates/brief/document.md.hbs', '## Overview', '## Overview of 重庆');
    const o = await buildPdf({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') }, { write: false });
    const w = o.diagnostics.filter((d) => d.rule === 'render/missing-glyph');
    expect(w.map((d) => d.message)).toContain(messages['render/missing-glyph'].text({ char: '重', code: 'U+91CD', font: 'DejaVuSerif-Bold' }));
  });

  it('stops the build on a brand error, reported with the document', async () => {
    const dir = copyFixture('brand');
    edit(dir, '_brand.yml', '  primary: wine', '  primary: 12');
    const o = await buildPdf({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') }, { write: false });
    expect(o.pdf).toBeUndefined();
    expect(o.diagnostics.find((d) => d.rule === 'brand/schema')!.position).toMatchObject({ file: path.join(dir, '_brand.yml'), line: lineOf(dir, '_brand.yml', 'primary: 12') });
  });
});
