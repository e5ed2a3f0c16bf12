// The CLI as a user runs it: exit codes, messages with file:line:col, and a
// failed build that leaves the earlier output exactly as it was.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { copyFixture, edit, lineOf, root } from '../helpers.js';
import { cli, run, runHere } from './run-cli.js';

describe('briefdeck --help', () => {
  it('prints usage for every command', () => {
    for (const args of [['--help'], ['build', '--help'], ['validate', '--help']]) {
      const r = run(root, ...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: briefdeck/);
    }
  });
  it('rejects an unknown command or option with exit code 2', () => {
    expect(run(root, 'frobnicate').code).toBe(2);
    expect(run(root, 'build', '--colour').code).toBe(2);
  });
});

describe('briefdeck build on bad input', () => {
  let project: string;
  let good: Buffer;
  let goodDeck: Buffer;
  const out = () => path.join(project, 'out');
  const pdfPath = () => path.join(out(), 'mini-brief.pdf');
  const deckPath = () => path.join(out(), 'mini-deck.pptx');

  beforeAll(async () => {
    project = copyFixture('mini');
    writeFileSync(path.join(project, 'briefdeck.yaml'), 'documents:\n  - template: brief\n    data: data\n  - template: deck\n    data: data\n    format: pptx\n');
    const r = await runHere(project, 'build');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote out/mini-deck.pptx');
    good = readFileSync(pdfPath());
    goodDeck = readFileSync(deckPath());
  });

  /** `failed`: the documents the break stops; the others are still built. */
  const cases: { name: string; file: string; from: string; to: string; rule: keyof typeof messages; where: (dir: string) => string; failed: 'both' | 'brief' }[] = [
    { name: 'malformed YAML', file: 'data/facts.yaml', from: '    label: Growth of bilateral trade', to: '    label: "Growth of bilateral trade', rule: 'yaml/syntax', where: () => 'data/facts.yaml:', failed: 'both' },
    { name: 'a fact with no source', file: 'data/facts.yaml', from: '    source: gacc\n  - id: trade-2023', to: '  - id: trade-2023', rule: 'facts/missing-source', where: (d) => `data/facts.yaml:${lineOf(d, 'data/facts.yaml', 'id: trade-2024')}:5`, failed: 'both' },
    { name: 'a wrong type', file: 'data/facts.yaml', from: 'value: 171.9', to: 'value: {amount: 171.9}', rule: 'facts/schema', where: (d) => `data/facts.yaml:${lineOf(d, 'data/facts.yaml', 'amount: 171.9')}:12`, failed: 'both' },
    { name: 'an unknown fact in a template', file: 'templates/brief/document.md.hbs', from: '{{fact "star"}}', to: '{{fact "starr"}}', rule: 'template/unknown-fact', where: (d) => `templates/brief/document.md.hbs:${lineOf(d, 'templates/brief/document.md.hbs', 'starr')}:20`, failed: 'brief' },
    { name: 'a declared relation that does not hold (the checks run before the build)', file: 'data/facts.yaml', from: 'facts:\n', to: 'relations:\n  - { kind: growth, growth: growth-2024, from: trade-2023, to: trade-2024 }\nfacts:\n', rule: 'check/relation-mismatch', where: () => 'data/facts.yaml:2:5', failed: 'both' },
    { name: 'a conflicted measure asked for without a basis', file: 'templates/brief/document.md.hbs', from: '{{fact "star"}}', to: '{{fact measure="trade.bilateral.total" period="2024"}}', rule: 'template/conflicting-figures', where: (d) => `templates/brief/document.md.hbs:${lineOf(d, 'templates/brief/document.md.hbs', 'measure=')}:20`, failed: 'brief' },
    { name: 'a chart spec with a url', file: 'templates/charts/trade.vl.json', from: '"data": { "name": "trade" }', to: '"data": { "url": "data/secret.csv" }', rule: 'chart/url-forbidden', where: () => 'templates/charts/trade.vl.json:4:13', failed: 'both' },
  ];

  it.each(cases)('$name: exits 1 with the message and position, keeps the earlier output of what failed and builds the rest', async (c) => {
    const original = readFileSync(path.join(project, c.file), 'utf8');
    edit(project, c.file, c.from, c.to);
    try {
      const r = await runHere(project, 'build');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`[${c.rule}]`);
      expect(r.stderr).toContain(c.where(project));
      expect(r.stderr).toMatch(c.failed === 'both' ? /built 0 of 2 documents; failed: data \(brief: \d+ errors?, deck: \d+ errors?\)/ : /built 1 of 2 documents; failed: data \(brief: \d+ errors?\)\n/);
      expect(Buffer.compare(readFileSync(pdfPath()), good)).toBe(0);
      expect(Buffer.compare(readFileSync(deckPath()), goodDeck)).toBe(0);
      expect(readdirSync(out()).sort()).toEqual(['mini-brief.pdf', 'mini-deck.pptx']);
    } finally {
      writeFileSync(path.join(project, c.file), original);
    }
  });

  it('reports several problems in one run', async () => {
    const facts = readFileSync(path.join(project, 'data/facts.yaml'), 'utf8');
    const tpl = readFileSync(path.join(project, 'templates/brief/document.md.hbs'), 'utf8');
    edit(project, 'data/facts.yaml', 'source: vns\n  - id: growth-2024', 'source: nobody\n  - id: growth-2024');
    edit(project, 'templates/brief/document.md.hbs', '{{fact "star"}}', '{{fact "starr"}} {{fact "nope"}}');
    try {
      const dataOnly = await runHere(project, 'validate');
      expect(dataOnly.code).toBe(1);
      expect(dataOnly.stderr).toContain('[facts/unknown-source]');
      edit(project, 'data/facts.yaml', 'source: nobody', 'source: vns');
      const r = await runHere(project, 'build');
      expect(r.stderr.match(/\[template\/unknown-fact\]/g)).toHaveLength(2);
      expect(Buffer.compare(readFileSync(deckPath()), goodDeck)).toBe(0);
    } finally {
      writeFileSync(path.join(project, 'data/facts.yaml'), facts);
      writeFileSync(path.join(project, 'templates/brief/document.md.hbs'), tpl);
    }
  });

  it('validate passes on the good project', async () => {
    const r = await runHere(project, 'validate');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok');
  });
});

describe('a failure after the checks', () => {
  it('says which outputs were written when one document cannot be', async () => {
    const project = copyFixture('mini');
    writeFileSync(path.join(project, 'briefdeck.yaml'), 'documents:\n  - template: brief\n    data: data\n  - template: deck\n    data: data\n    format: pptx\n');
    // A folder where the deck should go: the checks pass, writing the deck fails.
    mkdirSync(path.join(project, 'out', 'mini-deck.pptx', 'x'), { recursive: true });
    const r = await runHere(project, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[io/write-failed]');
    expect(r.stderr).toContain('built 1 of 2 documents; failed: data (deck: 1 error)');
    expect(readFileSync(path.join(project, 'out', 'mini-brief.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('caches', () => {
  /**
   * The mini brief in a project with node_modules, where caches live (in its
   * .cache/briefdeck), and an environment without the BRIEFDECK_CACHE_DIR the
   * test run sets, so that they live there.
   */
  function projectWithCaches(): { project: string; env: NodeJS.ProcessEnv } {
    const project = copyFixture('mini');
    writeFileSync(path.join(project, 'briefdeck.yaml'), 'documents:\n  - template: brief\n    data: data\n');
    mkdirSync(path.join(project, 'node_modules'));
    const env = { ...process.env };
    delete env['BRIEFDECK_CACHE_DIR'];
    return { project, env };
  }

  it('never change the output: a build with caches and one without are byte-identical', () => {
    const { project, env } = projectWithCaches();
    const withCaches = spawnSync(process.execPath, [cli, 'build', '--out', 'a'], { cwd: project, encoding: 'utf8', env });
    expect(withCaches.status).toBe(0);
    const again = spawnSync(process.execPath, [cli, 'build', '--out', 'b'], { cwd: project, encoding: 'utf8', env });
    expect(again.status).toBe(0);
    const without = spawnSync(process.execPath, [cli, 'build', '--out', 'c'], { cwd: project, encoding: 'utf8', env: { ...process.env, BRIEFDECK_NO_CACHE: '1' } });
    expect(without.status).toBe(0);
    expect(readdirSync(path.join(project, 'node_modules', '.cache', 'briefdeck')).sort()).toEqual(['builds', 'charts', 'coverage', 'dataset-ids', 'datasets', 'markdown', 'shaping', 'subsets', 'templates']);
    const a = readFileSync(path.join(project, 'a', 'mini-brief.pdf'));
    expect(Buffer.compare(a, readFileSync(path.join(project, 'b', 'mini-brief.pdf')))).toBe(0);
    expect(Buffer.compare(a, readFileSync(path.join(project, 'c', 'mini-brief.pdf')))).toBe(0);
  });

  it('a compiled template in the cache that is not one (damaged, or written by hand) is compiled afresh', () => {
    const { project, env } = projectWithCaches();
    expect(spawnSync(process.execPath, [cli, 'build', '--out', 'a'], { cwd: project, encoding: 'utf8', env }).status).toBe(0);
    const dir = path.join(project, 'node_modules', '.cache', 'briefdeck', 'templates');
    // Two rounds (the mini brief is two template files): each damage read back once at least.
    const program = '{"type":"Program","body":[]}';
    for (const damaged of [
      ['{}', `{"ast":${program},"source":"{}"}`],
      ['not JSON', `{"ast":${program},"source":1}`],
      [`{"ast":${program},"source":"{\\"compiler\\":[8,\\">= 4.3.0\\"],\\"main\\":1}"}`, `{"ast":${program},"source":"{\\"compiler\\": ("}`],
    ]) {
      const files = readdirSync(dir);
      expect(files.length).toBeGreaterThanOrEqual(2);
      files.forEach((f, i) => writeFileSync(path.join(dir, f), damaged[i % 2]!));
      const again = spawnSync(process.execPath, [cli, 'build', '--out', 'b', '--force'], { cwd: project, encoding: 'utf8', env });
      expect(again.stderr).not.toMatch(/internal error|error|\n\s+at /);
      expect(again.status).toBe(0);
      expect(Buffer.compare(readFileSync(path.join(project, 'a', 'mini-brief.pdf')), readFileSync(path.join(project, 'b', 'mini-brief.pdf')))).toBe(0);
    }
  });

  it('a template whose syntax tree JSON cannot hold (a number literal past the largest double) is not cached', () => {
    const { project, env } = projectWithCaches();
    const file = path.join(project, 'templates', 'brief', 'document.md.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{fact "star"}}', `{{fact "star"}} {{#if ${'9'.repeat(400)}}}big{{/if}}`));
    const first = spawnSync(process.execPath, [cli, 'build'], { cwd: project, encoding: 'utf8', env });
    expect(first.status).toBe(0);
    // The partial is cached; the main template (its literal reads back from JSON as null) is not.
    expect(readdirSync(path.join(project, 'node_modules', '.cache', 'briefdeck', 'templates'))).toHaveLength(1);
  });

  it('BRIEFDECK_CACHE_DIR holds the content caches, shared by projects; build records and compiled templates (code) stay in the project', () => {
    const { project } = projectWithCaches();
    const shared = path.join(project, 'shared-cache');
    const env = { ...process.env, BRIEFDECK_CACHE_DIR: shared };
    const first = spawnSync(process.execPath, [cli, 'build'], { cwd: project, encoding: 'utf8', env });
    expect(first.status).toBe(0);
    expect(readdirSync(shared).sort()).toEqual(['charts', 'coverage', 'dataset-ids', 'datasets', 'markdown', 'shaping', 'subsets']);
    expect(readdirSync(path.join(project, 'node_modules', '.cache', 'briefdeck')).sort()).toEqual(['builds', 'templates']);
    // The records still make the second build skip the document.
    const second = spawnSync(process.execPath, [cli, 'build'], { cwd: project, encoding: 'utf8', env });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('up to date out/mini-brief.pdf');
  });
});
