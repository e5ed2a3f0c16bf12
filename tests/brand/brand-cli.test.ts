// The brand through the CLI: briefdeck.yaml names a brand file elsewhere in
// the project (its paths relative to it), and documents built on worker
// processes each load it there (the batch context carries only its path).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';
import { remove, run, runHere } from '../cli/run-cli.js';

describe('briefdeck.yaml `brand:`', () => {
  it('builds every document of a batch, on workers, in the brand it names', async () => {
    const dir = copyFixture('brand');
    mkdirSync(path.join(dir, 'brand'));
    renameSync(path.join(dir, '_brand.yml'), path.join(dir, 'brand', 'house.yml'));
    renameSync(path.join(dir, 'fonts'), path.join(dir, 'brand', 'fonts'));
    renameSync(path.join(dir, 'images'), path.join(dir, 'brand', 'images'));
    writeFileSync(path.join(dir, 'briefdeck.yaml'), 'brand: brand/house.yml\ndocuments:\n  - template: brief\n    data: data\n  - template: deck\n    data: data\n    format: pptx\n');
    const r = run(dir, 'build', '--jobs', '2');
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(dir, 'out', 'kenya-eu-brief.pdf')));
    expect(pdf.fonts.map((f) => f.replace(/^[A-Z]{6}\+/, ''))).toContain('LiberationSans');
    remove(dir);
  });

  it('reports a brand problem once for the whole batch, at the brand file', async () => {
    const dir = copyFixture('brand');
    edit(dir, '_brand.yml', '  primary: wine', '  primary: wine\n  tertiary: leaf');
    writeFileSync(path.join(dir, 'briefdeck.yaml'), 'documents:\n  - template: brief\n    data: data\n  - template: deck\n    data: data\n    format: pptx\n');
    const r = await runHere(dir, 'build', '--jobs', '1');
    expect(r.code).toBe(0);
    expect(r.stderr.match(/_brand\.yml:\d+:3 warning `color\.tertiary` is not a field briefdeck reads/g)).toHaveLength(1);
    remove(dir);
  });

  it('builds every deck on the reference deck briefdeck.yaml names, on workers', async () => {
    const dir = copyFixture('brand');
    writeFileSync(path.join(dir, 'briefdeck.yaml'), 'reference-deck:\n  file: corporate/corporate.pptx\n  layouts: { section: Title Only }\ndocuments:\n  - template: deck\n    data: data\n    format: pptx\n');
    const r = run(dir, 'build', '--jobs', '1');
    expect(r.stderr).not.toMatch(/error|warning/);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'out', 'kenya-eu-deck.pptx')));
    expect(zip.file('ppt/theme/ref-theme1.xml')).not.toBeNull();
    remove(dir);
  });
});

describe('up-to-date builds and the brand', () => {
  it('builds again when a brand font, the logo, an image or the reference deck changes, byte for byte', async () => {
    const dir = copyFixture('brand');
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'briefdeck.yaml'), 'documents:\n  - template: brief\n    data: data\n  - template: corporate-deck\n    data: data\n    format: pptx\n');
    expect((await runHere(dir, 'build')).code).toBe(0);
    expect((await runHere(dir, 'build')).stdout).toContain('(2 up to date)');
    const touch = (file: string) => writeFileSync(path.join(dir, file), Buffer.concat([readFileSync(path.join(dir, file)), Buffer.from([0])]));
    for (const [file, rebuilt] of [
      ['fonts/LiberationSans-Regular.ttf', 2],
      ['images/logo.png', 2],
      ['templates/images/route-map.png', 1],
      ['corporate/corporate.pptx', 1],
    ] as const) {
      touch(file);
      const r = await runHere(dir, 'build');
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      expect(r.stdout, file).toContain(rebuilt === 2 ? 'built 2 of 2 documents\n' : '(1 up to date)');
    }
    remove(dir);
  });
});
