// `briefdeck new` as a new user runs it: a dataset that builds at once into
// a brief and a deck, a template copy, and refusals that write nothing.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHere } from './run-cli.js';

const emptyProject = () => mkdtempSync(path.join(os.tmpdir(), 'briefdeck-new-cli-'));

describe('briefdeck new', () => {
  it('new data x, then build --data data/x: a brief and a deck, first time', async () => {
    const dir = emptyProject();
    const made = await runHere(dir, 'new', 'data', 'x');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('wrote data/x/facts.yaml');
    expect(made.stdout).toContain('briefdeck build --data data/x');
    const built = await runHere(dir, 'build', '--data', 'data/x');
    expect(built.stderr).not.toMatch(/error|warning/);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('wrote out/x-standard-brief.pdf');
    expect(built.stdout).toContain('wrote out/x-standard-deck.pptx');
    expect(readFileSync(path.join(dir, 'out', 'x-standard-brief.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(path.join(dir, 'out', 'x-standard-deck.pptx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('new template copies the standard brief to edit, and builds it', async () => {
    const dir = emptyProject();
    (await runHere(dir, 'new', 'data', 'x'));
    expect((await runHere(dir, 'new', 'template', 'my-brief')).code).toBe(0);
    expect(existsSync(path.join(dir, 'templates', 'my-brief', 'document.md.hbs'))).toBe(true);
    const built = await runHere(dir, 'build', '--data', 'data/x', '--template', 'my-brief');
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('wrote out/x-my-brief.pdf');
    expect((await runHere(dir, 'new', 'template', 'my-deck', '--from', 'standard-deck')).code).toBe(0);
    expect((await runHere(dir, 'build', '--data', 'data/x', '--template', 'my-deck')).stdout).toContain('wrote out/x-my-deck.pptx');
  });

  it('refuses to overwrite, with exit 1 and nothing written', async () => {
    const dir = emptyProject();
    (await runHere(dir, 'new', 'data', 'x'));
    const before = readFileSync(path.join(dir, 'data', 'x', 'facts.yaml'), 'utf8');
    const again = await runHere(dir, 'new', 'data', 'x');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already; nothing was written \[scaffold\/exists\]/);
    expect(readFileSync(path.join(dir, 'data', 'x', 'facts.yaml'), 'utf8')).toBe(before);
  });

  it('is a usage error without a kind and a name', async () => {
    const dir = emptyProject();
    expect((await runHere(dir, 'new', 'data')).code).toBe(2);
    expect((await runHere(dir, 'new', 'dataset', 'x')).code).toBe(2);
    expect((await runHere(dir, 'new', 'data', 'x', '--from', 'standard-brief')).code).toBe(2);
  });
});
