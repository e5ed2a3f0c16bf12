// One command line that agrees with itself: --format and `format:` in the
// template, the project and the flag; --data builds, validates and checks the
// documents the project pairs with that dataset; repeated options; every
// kind of error in one run.
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { edit, lineOf } from '../helpers.js';
import { deckSaysPptx, makeProject, runHere } from './run-cli.js';

const outputs = (dir: string) => (existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')).sort() : []);

describe('the output format', () => {
  it('comes from the template front matter when nothing else names it (no guess from the name)', async () => {
    const dir = makeProject(['mini']);
    deckSaysPptx(dir);
    expect((await runHere(dir, 'build', '--data', 'data/mini', '--template', 'deck')).code).toBe(0);
    // The brief says nothing: a PDF.
    expect((await runHere(dir, 'build', '--data', 'data/mini', '--template', 'brief')).code).toBe(0);
    expect(outputs(dir)).toEqual(['mini-brief.pdf', 'mini-deck.pptx']);
  });

  it('is PDF for a template that names none, even one called deck', async () => {
    const dir = makeProject(['mini']);
    expect((await runHere(dir, 'build', '--data', 'data/mini', '--template', 'deck')).code).toBe(0);
    expect(outputs(dir)).toEqual(['mini-deck.pdf']);
  });

  it('from --format, builds a deck that briefdeck.yaml does not list', async () => {
    const dir = makeProject(['mini']);
    const r = await runHere(dir, 'build', '--data', 'data/mini', '--template', 'deck', '--format', 'pptx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote out/mini-deck.pptx');
  });

  it('of a briefdeck.yaml entry overrides the template, and --format overrides both', async () => {
    const dir = makeProject(['mini'], 'documents:\n  - template: deck\n    data: data/mini\n    format: pdf\n');
    deckSaysPptx(dir);
    expect((await runHere(dir, 'build')).code).toBe(0);
    expect(outputs(dir)).toEqual(['mini-deck.pdf']);
    expect((await runHere(dir, 'build', '--format', 'pptx')).code).toBe(0);
    expect(outputs(dir)).toEqual(['mini-deck.pdf', 'mini-deck.pptx']);
  });

  it('in the front matter must be pdf or pptx: an error with its position', async () => {
    const dir = makeProject(['mini']);
    edit(dir, 'templates/brief/document.md.hbs', 'author: Test unit\n', 'author: Test unit\nformat: docx\n');
    const r = await runHere(dir, 'build', '--data', 'data/mini', '--template', 'brief');
    expect(r.code).toBe(1);
    const line = lineOf(dir, 'templates/brief/document.md.hbs', 'format: docx');
    expect(r.stderr).toContain(`templates/brief/document.md.hbs:${line}:9 error ${messages['document/bad-format'].text({ found: 'docx', expected: ['pdf', 'pptx'] })} [document/bad-format]`);
    expect(outputs(dir)).toEqual([]);
  });

  it('on the command line must be pdf or pptx: a usage error', async () => {
    const dir = makeProject(['mini']);
    const r = await runHere(dir, 'build', '--data', 'data/mini', '--format', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be pdf or pptx, found docx');
  });
});

describe('--data X: the documents briefdeck.yaml pairs with X', () => {
  const yaml = 'documents:\n  - template: brief\n    data: data/a\n  - template: deck\n    data: data/b\n    format: pptx\n';

  it('build builds only those, however the folder is written', async () => {
    const dir = makeProject(['a', 'b'], yaml);
    symlinkSync(path.join(dir, 'data', 'b'), path.join(dir, 'b-link'));
    const r = await runHere(dir, 'build', '--data', './b-link/');
    expect(r.code).toBe(0);
    expect(outputs(dir)).toEqual(['b-deck.pptx']);
    expect((await runHere(dir, 'build', '--data', 'data/a')).code).toBe(0);
    expect(outputs(dir)).toEqual(['a-brief.pdf', 'b-deck.pptx']);
  });

  it('with --template, only that template', async () => {
    const dir = makeProject(['a'], 'documents:\n  - template: [brief, deck]\n    data: data/a\n    format: pptx\n');
    expect((await runHere(dir, 'build', '--data', 'data/a', '--template', 'deck')).code).toBe(0);
    expect(outputs(dir)).toEqual(['a-deck.pptx']);
  });

  it('check checks the templates paired with X, not templates/brief', async () => {
    const dir = makeProject(['a', 'b'], yaml);
    edit(dir, 'templates/brief/document.md.hbs', '{{fact "star"}}', '{{fact "starr"}}');
    const b = await runHere(dir, 'check', '--data', 'data/b');
    expect(b.code).toBe(0);
    expect(b.stdout).not.toContain('templates/brief');
    const a = await runHere(dir, 'check', '--data', 'data/a');
    expect(a.code).toBe(1);
    expect(a.stdout).toContain('[template/unknown-fact]');
  });
});

describe('validate', () => {
  it('runs the dataset checks a build runs: a relation that does not hold fails it', async () => {
    const dir = makeProject(['mini'], 'documents:\n  - template: brief\n    data: data/mini\n');
    expect((await runHere(dir, 'validate')).code).toBe(0);
    edit(dir, 'data/mini/facts.yaml', 'facts:\n', 'relations:\n  - { kind: growth, growth: growth-2024, from: trade-2023, to: trade-2024 }\nfacts:\n');
    const r = await runHere(dir, 'validate', '--data', 'data/mini');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/mini/facts.yaml:2:5 error');
    expect(r.stderr).toContain('[check/relation-mismatch]');
  });
});

describe('options', () => {
  it.each(['data', 'template', 'out', 'format'])('--%s given twice is a usage error naming it', async (name) => {
    const dir = makeProject(['mini']);
    const value = name === 'format' ? 'pdf' : 'x';
    const r = await runHere(dir, 'build', `--${name}`, value, `--${name}=${value}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--${name} was given more than once`);
  });

  it('an option another command takes is a usage error here', async () => {
    expect((await runHere(makeProject(['mini']), 'validate', '--json')).code).toBe(2);
  });
});

describe('one run reports every kind of error', () => {
  it('template errors with chart compile errors, and with chart spec errors', async () => {
    const dir = makeProject(['mini'], 'documents:\n  - template: brief\n    data: data/mini\n');
    edit(dir, 'templates/brief/document.md.hbs', '{{fact "star"}}', '{{fact "starr"}}');
    edit(dir, 'templates/charts/trade.vl.json', '"mark": "bar"', '"mark": "barr"');
    const compile = await runHere(dir, 'build');
    expect(compile.code).toBe(1);
    expect(compile.stderr).toContain('[template/unknown-fact]');
    // A mark type Vega-Lite does not know is caught by the schema check, at the spec file (issue 9).
    expect(compile.stderr).toContain(`templates/charts/trade.vl.json:${lineOf(dir, 'templates/charts/trade.vl.json', '"mark"')}:3 error ${messages['chart/schema'].text({ pointer: '/mark', detail: '' }).replace(/: $/, '')}`);
    expect(compile.stderr).toContain('[chart/schema]');
    edit(dir, 'templates/charts/trade.vl.json', '"field": "value"', '"field": "valeu"');
    const spec = await runHere(dir, 'check');
    expect(spec.code).toBe(1);
    expect(spec.stdout).toContain('[template/unknown-fact]');
    expect(spec.stdout).toContain(messages['chart/unknown-field'].text({ field: 'valeu', series: 'trade', columns: [] }));
    expect(outputs(dir)).toEqual([]);
  });

  it('data errors and the template static checks together', async () => {
    const dir = makeProject(['mini'], 'documents:\n  - template: brief\n    data: data/mini\n');
    edit(dir, 'data/mini/facts.yaml', 'source: vns\n  - id: growth-2024', 'source: nobody\n  - id: growth-2024');
    edit(dir, 'templates/brief/document.md.hbs', '{{fact "star"}}', '{{fact "starr"}}');
    for (const command of ['validate', 'build']) {
      const r = await runHere(dir, command);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('[facts/unknown-source]');
      expect(r.stderr).toContain(`templates/brief/document.md.hbs:${lineOf(dir, 'templates/brief/document.md.hbs', 'starr')}:`);
      expect(r.stderr).toContain('[template/unknown-fact]');
    }
  });
});
