// A second `build` with nothing changed writes nothing and says so; any
// change to what a document is made from (a fact, a partial added where a
// lookup would find it, its output removed or edited, --force) builds it
// again. The cache folder is the project's node_modules/.cache, as for a
// user's project with briefdeck installed.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edit } from '../helpers.js';
import { makeProject, remove, runHere } from '../cli/run-cli.js';

let dir: string;
const outputs = () => ['a-brief.pdf', 'a-deck.pptx'].map((f) => path.join(dir, 'out', f));
const stamps = () => outputs().map((f) => statSync(f).mtimeMs);

let first: Awaited<ReturnType<typeof runHere>>;
// One project for the whole file, each test going on from the last (builds are what takes time here).
beforeAll(async () => {
  dir = makeProject(['a'], 'documents:\n  - data: data/a\n    template: brief\n  - data: data/a\n    template: deck\n    format: pptx\n');
  mkdirSync(path.join(dir, 'node_modules'));
  // A character the font cannot draw: a warning, and the build goes on.
  edit(dir, 'templates/brief/document.md.hbs', '::chart{spec="trade"}', '::chart{spec="trade"}\n\nA clef: \u{1D11E}');
  first = await runHere(dir, 'build');
  expect(first.code, first.stderr).toBe(0);
});
afterAll(() => remove(dir));

describe('a second build', () => {
  it('builds nothing when nothing changed, and says each output is up to date', async () => {
    const before = stamps();
    const bytes = outputs().map((f) => readFileSync(f));
    const r = await runHere(dir, 'build');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('up to date out/a-brief.pdf');
    expect(r.stdout).toContain('up to date out/a-deck.pptx');
    expect(r.stdout).toContain('built 2 of 2 documents (2 up to date)');
    expect(stamps()).toEqual(before);
    expect(outputs().map((f) => readFileSync(f))).toEqual(bytes);
    // The warnings of the build it stands for, again.
    const warnings = (text: string) => text.split('\n').filter((l) => / warning /.test(l));
    expect(warnings(first.stderr).length).toBeGreaterThan(0);
    expect(warnings(r.stderr)).toEqual(warnings(first.stderr));
  });

  it('builds again the documents whose fact changed', async () => {
    const facts = path.join(dir, 'data', 'a', 'facts.yaml');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace(/value: (\d+)/, (_, v: string) => `value: ${Number(v) + 1}`));
    const r = await runHere(dir, 'build');
    expect(r.stdout).toContain('wrote out/a-brief.pdf');
    expect(r.stdout).toContain('wrote out/a-deck.pptx');
    expect(r.stdout).toContain('built 2 of 2 documents\n');
  });

  it('builds again when a file appears where a lookup could find it, or an output was removed or edited', async () => {
    writeFileSync(path.join(dir, 'templates', 'partials', 'new-partial.md.hbs'), 'unused\n');
    expect((await runHere(dir, 'build')).stdout).toContain('built 2 of 2 documents\n');
    rmSync(outputs()[0]!);
    let r = await runHere(dir, 'build');
    expect(r.stdout).toContain('wrote out/a-brief.pdf');
    expect(r.stdout).toContain('up to date out/a-deck.pptx');
    writeFileSync(outputs()[1]!, 'edited by hand');
    r = await runHere(dir, 'build');
    expect(r.stdout).toContain('up to date out/a-brief.pdf');
    expect(r.stdout).toContain('wrote out/a-deck.pptx');
  });

  it('--force builds everything; without a cache folder nothing is skipped', async () => {
    expect((await runHere(dir, 'build', '--force')).stdout).toContain('built 2 of 2 documents\n');
    rmSync(path.join(dir, 'node_modules'), { recursive: true });
    expect((await runHere(dir, 'build')).stdout).toContain('built 2 of 2 documents\n');
  });
});
