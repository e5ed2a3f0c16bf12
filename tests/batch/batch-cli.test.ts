// Batches as a user runs them: one entry for every dataset × brief + deck,
// one broken dataset that stops only its own documents, the summary, the
// progress lines, and the project-file errors a batch can meet.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { edit } from '../helpers.js';
import { deckSaysPptx, makeProject, runHere } from '../cli/run-cli.js';

const everyDataset = 'documents:\n  - data: data/*\n    template: [brief, deck]\n';

describe('a batch with one broken dataset', () => {
  it('writes every other document, keeps the broken one’s earlier output, and says what failed', async () => {
    const dir = makeProject(['a', 'b', 'c'], everyDataset);
    deckSaysPptx(dir);
    // A folder without dataset.yaml is not a dataset, even if the glob matches it.
    mkdirSync(path.join(dir, 'data', 'notes'));
    const first = await runHere(dir, 'build');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('built 6 of 6 documents');
    const out = (f: string) => readFileSync(path.join(dir, 'out', f));
    const earlierB = [out('b-brief.pdf'), out('b-deck.pptx')];
    const earlierC = out('c-brief.pdf');

    edit(dir, 'data/b/facts.yaml', '    source: gacc\n  - id: trade-2023', '  - id: trade-2023');
    edit(dir, 'data/c/facts.yaml', 'value: 260.65', 'value: 261.65');
    const r = await runHere(dir, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('built 4 of 6 documents; failed: data/b (brief: 1 error, deck: 1 error)');
    expect(r.stderr).toContain(`data/b/facts.yaml:`);
    expect(r.stderr).toContain(messages['facts/missing-source'].text({ owner: 'fact `trade-2024`' }));
    // The dataset's problem is listed once, under its first document.
    expect(r.stderr.match(/\[facts\/missing-source\]/g)).toHaveLength(1);
    for (const f of ['a-brief.pdf', 'a-deck.pptx', 'c-brief.pdf', 'c-deck.pptx']) expect(r.stdout).toContain(`wrote out/${f}`);
    expect(r.stdout).not.toContain('wrote out/b-');
    expect(Buffer.compare(out('b-brief.pdf'), earlierB[0]!)).toBe(0);
    expect(Buffer.compare(out('b-deck.pptx'), earlierB[1]!)).toBe(0);
    // c changed and was built again.
    expect(Buffer.compare(out('c-brief.pdf'), earlierC)).not.toBe(0);
  });

  it('without a terminal, prints one plain progress line per document, in plan order, each before its diagnostics', async () => {
    const dir = makeProject(['a', 'b'], everyDataset);
    deckSaysPptx(dir);
    edit(dir, 'templates/brief/document.md.hbs', '{{fact "star"}}', '{{fact "starr"}}');
    const r = await runHere(dir, 'build');
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => /^\[\d\/\d\]/.test(l));
    expect(lines).toEqual(['[1/4] data/a brief … failed (1 error)', '[2/4] data/a deck … ok', '[3/4] data/b brief … failed (1 error)', '[4/4] data/b deck … ok']);
    expect(r.stderr.indexOf('[1/4]')).toBeLessThan(r.stderr.indexOf('[template/unknown-fact]'));
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).toContain('built 2 of 4 documents; failed: data/a (brief: 1 error), data/b (brief: 1 error)');
  });

  it('--quiet shows no progress', async () => {
    const dir = makeProject(['a', 'b'], everyDataset);
    const r = await runHere(dir, 'build', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\[1\/4\]/);
    expect(r.stdout).toBe('');
  });
});

describe('briefdeck.yaml entries for many documents', () => {
  const at = (dir: string, needle: string) => {
    const lines = readFileSync(path.join(dir, 'briefdeck.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return `briefdeck.yaml:${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
  };

  it('a glob that matches no dataset folder is an error at its position', async () => {
    const dir = makeProject(['a'], 'documents:\n  - template: brief\n    data: datasets/*\n');
    const r = await runHere(dir, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${at(dir, 'datasets/*')} error ${messages['project/no-dataset-matches'].text({ pattern: 'datasets/*' })} [project/no-dataset-matches]`);
  });

  it.each([
    ['a glob', 'documents:\n  - template: brief\n    data: data/*\n    name: one\n'],
    ['a template list', 'documents:\n  - template: [brief, deck]\n    data: data/a\n    name: one\n'],
  ])('name: with %s is an error at its position', async (_, yaml) => {
    const dir = makeProject(['a'], yaml);
    const r = await runHere(dir, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${at(dir, 'name:')} error`);
    expect(r.stderr).toContain('[project/name-for-many]');
  });

  it('two documents writing one file is an error, and nothing is built', async () => {
    const dir = makeProject(['a'], 'documents:\n  - template: brief\n    data: data/*\n  - template: brief\n    data: data/a\n    locale: vi\n');
    const r = await runHere(dir, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`briefdeck.yaml:4:5 error two documents would write out/a-brief.pdf: this one and briefdeck.yaml:2 (brief × data/a) [project/duplicate-output]`);
    expect(r.stderr).toContain('nothing was built');
  });

  it('each template of a list takes its format from its front matter unless the entry says format:', async () => {
    const dir = makeProject(['a'], everyDataset);
    deckSaysPptx(dir);
    expect((await runHere(dir, 'build')).stdout).toContain('wrote out/a-deck.pptx');
    writeFileSync(path.join(dir, 'briefdeck.yaml'), `${everyDataset}    format: pdf\n`);
    const r = await runHere(dir, 'build');
    expect(r.stdout).toContain('wrote out/a-deck.pdf');
    expect(r.stdout).toContain('wrote out/a-brief.pdf');
  });
});

describe('check and validate on a batch', () => {
  it('report every document and end with the summary', async () => {
    const dir = makeProject(['a', 'b'], everyDataset);
    edit(dir, 'data/b/facts.yaml', 'facts:\n', 'relations:\n  - { kind: growth, growth: growth-2024, from: trade-2023, to: trade-2024 }\nfacts:\n');
    const check = await runHere(dir, 'check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('[check/relation-mismatch]');
    expect(check.stdout).toContain('2 of 4 documents passed; failed: data/b (brief: 1 error, deck: 1 error)');
    const validate = await runHere(dir, 'validate');
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('2 of 4 documents passed; failed: data/b (brief: 1 error, deck: 1 error)');
  });
});
