// Template, document and time limits (src/limits.ts): nested and recursive
// partials, loops, long output, too many pages or slides, and a document
// out of time are each one `limit/exceeded` error at its line, within
// seconds, and raising the limit lets the same input through.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPdf, buildPptx, prepareDocument, type BuildRequest } from '../../src/build.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { defaultLimits, type Limits } from '../../src/limits.js';
import { expandTemplate } from '../../src/template/expand-template.js';
import { makeProject, remove, runHere } from '../cli/run-cli.js';

let dir = '';
afterEach(() => {
  vi.restoreAllMocks();
  remove(dir);
});

const brief = 'templates/brief/document.md.hbs';

/** The mini project with `body` after the brief's front matter (its first line returned), and partials written. */
function project(body: string, partials: Record<string, string> = {}, projectYaml?: string): number {
  dir = makeProject(['mini'], projectYaml);
  const f = path.join(dir, brief);
  const text = readFileSync(f, 'utf8');
  const end = text.indexOf('\n---\n', 4) + 5;
  writeFileSync(f, text.slice(0, end) + body + '\n');
  mkdirSync(path.join(dir, 'templates', 'partials'), { recursive: true });
  for (const [name, t] of Object.entries(partials)) writeFileSync(path.join(dir, 'templates', 'partials', `${name}.md.hbs`), t);
  return text.slice(0, end).split('\n').length;
}

function request(limits: Partial<Limits> = {}, template = 'brief'): BuildRequest {
  return { templatesDir: path.join(dir, 'templates'), template, dataDir: path.join(dir, 'data', 'mini'), outDir: path.join(dir, 'out'), limits: { ...defaultLimits, ...limits } };
}

const limitErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.rule === 'limit/exceeded');

function fast<T>(f: () => T): T {
  const t = performance.now();
  const r = f();
  expect(performance.now() - t).toBeLessThan(5000);
  return r;
}

describe('partialDepth: refused from the include graph, before running', () => {
  it('a self-recursive partial: the chain at its {{> …}} line, not "Maximum call stack size exceeded"', () => {
    const line = project('Start.\n{{> loop}}', { loop: 'Again.\n{{> loop}}\n' });
    const r = fast(() => prepareDocument(request()));
    const [d, ...rest] = limitErrors(r.diagnostics);
    expect(rest).toEqual([]);
    expect(d!.position).toEqual({ file: path.join(dir, 'templates', 'partials', 'loop.md.hbs'), line: 2, column: 1 });
    expect(d!.message).toContain('loop → loop includes itself, which never ends, whatever the limit');
    expect(r.diagnostics.map((x) => x.message).join('\n')).not.toContain('call stack');
    expect(line).toBeGreaterThan(1);
  });

  it('mutually recursive partials: a → b → a', () => {
    project('{{> a}}', { a: 'A\n{{> b}}\n', b: 'B\n\nB again {{> a}}\n' });
    const r = fast(() => prepareDocument(request()));
    const [d] = limitErrors(r.diagnostics);
    expect(d!.message).toContain('a → b → a');
    expect(d!.position).toMatchObject({ file: path.join(dir, 'templates', 'partials', 'b.md.hbs'), line: 3, column: 9 });
  });

  // Each partial includes the next twice: 2^depth copies if run.
  const doubling = (depth: number) => Object.fromEntries(Array.from({ length: depth }, (_, i) => [`p${i + 1}`, i + 1 < depth ? `{{> p${i + 2}}}{{> p${i + 2}}}` : 'x']));

  it('nested doubling partials deeper than the limit: the chain from the top, at the include that goes over', async () => {
    project('{{> p1}}', doubling(6));
    const r = fast(() => prepareDocument(request({ partialDepth: 4 })));
    const [d, ...rest] = limitErrors(r.diagnostics);
    expect(rest).toEqual([]);
    expect(d!.message).toContain('p1 → p2 → p3 → p4 → p5');
    expect(d!.position.file).toBe(path.join(dir, 'templates', 'partials', 'p4.md.hbs'));
    // Raised, the same partials run: 2^5 copies of the last one.
    const raised = prepareDocument(request({ partialDepth: 6 }));
    expect(raised.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(raised.value!.markdown).toContain('x'.repeat(32));
    // 30 levels are refused as quickly with the default limit.
    remove(dir);
    project('{{> p1}}', doubling(30));
    expect(limitErrors(fast(() => prepareDocument(request())).diagnostics)).toHaveLength(1);
  });
});

describe('loopIterations: counted at run time over the whole document', () => {
  const nested = '{{#each facts}}{{#each ../facts}}{{#with this}}.{{/with}}{{/each}}{{/each}}';

  it('nested loops over facts × facts: refused at the block that went over', () => {
    const line = project(`Intro.\n\n${nested}`);
    const r = fast(() => prepareDocument(request({ loopIterations: 20 })));
    const [d, ...rest] = limitErrors(r.diagnostics);
    expect(rest).toEqual([]);
    expect(d!.position.file).toBe(path.join(dir, brief));
    expect(d!.position.line).toBe(line + 2);
    expect(d!.message).toContain('(20)');
    expect(d!.message).not.toMatch(/\n\s+at /);
    expect(r.value).toBeUndefined();
    const raised = prepareDocument(request({ loopIterations: 100_000 }));
    expect(limitErrors(raised.diagnostics)).toEqual([]);
    expect(raised.value!.markdown).toMatch(/\.{4,}/);
  });

  it('eachFact and eachMeasure count too', () => {
    project('{{#each facts}}{{#eachFact measure="trade."}}{{valueText}}{{/eachFact}}{{#eachMeasure measure="trade."}}m{{/eachMeasure}}{{/each}}');
    const r = prepareDocument(request({ loopIterations: 5 }));
    expect(limitErrors(r.diagnostics)).toHaveLength(1);
  });
});

describe('templateOutputChars', () => {
  it('a loop that builds too much text: refused at the loop, while it runs', () => {
    const line = project(`Intro.\n{{#each facts}}{{#each ../facts}}${'long text '.repeat(20)}{{/each}}{{/each}}`);
    const r = fast(() => prepareDocument(request({ templateOutputChars: 3000 })));
    const [d] = limitErrors(r.diagnostics);
    expect(d!.message).toContain('characters a template may expand to (3,000)');
    expect(d!.position).toMatchObject({ file: path.join(dir, brief), line: line + 1 });
  });

  it('a partial repeated: refused in the partial; the whole template: at its first line', () => {
    project('{{> big}}{{> big}}', { big: 'y'.repeat(400) });
    const inPartial = limitErrors(prepareDocument(request({ templateOutputChars: 300 })).diagnostics);
    expect(inPartial[0]!.position.file).toBe(path.join(dir, 'templates', 'partials', 'big.md.hbs'));
    const whole = limitErrors(prepareDocument(request({ templateOutputChars: 700 })).diagnostics);
    expect(whole[0]!.position).toEqual({ file: path.join(dir, brief), line: 1, column: 1 });
    expect(limitErrors(prepareDocument(request({ templateOutputChars: 10_000 })).diagnostics)).toEqual([]);
  });
});

describe('pages and slides: refused after layout, before the file is made', () => {
  it('a PDF over `pages`, and with the limit raised it is written', async () => {
    project(Array.from({ length: 8 }, (_, i) => `## Section ${i}\n\n${'Filler text for a page. '.repeat(150)}\n`).join('\n'));
    const over = await buildPdf(request({ pages: 2 }));
    const [d] = limitErrors(over.diagnostics);
    expect(d!.message).toMatch(/pages of a PDF \(2\): the document was laid out to \d+ pages/);
    expect(d!.position).toEqual({ file: path.join(dir, brief), line: 1, column: 1 });
    expect(over.outputs).toEqual([]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const ok = await buildPdf(request({ pages: 300 }));
    expect(limitErrors(ok.diagnostics)).toEqual([]);
    expect(ok.outputs).toHaveLength(1);
  });

  it('a deck over `slides`', async () => {
    dir = makeProject(['mini']);
    const over = await buildPptx(request({ slides: 1 }, 'deck'), { write: false });
    expect(limitErrors(over.diagnostics)[0]!.message).toMatch(/slides of a deck \(1\)/);
    expect(over.pptx).toBeUndefined();
    const ok = await buildPptx(request({ slides: 300 }, 'deck'), { write: false });
    expect(limitErrors(ok.diagnostics)).toEqual([]);
  });
});

describe('documentSeconds', () => {
  /** A clock that jumps `stepS` seconds at each reading. */
  const jumpingClock = (stepS: number) => {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += stepS * 1000));
  };

  it('a document out of time stops between stages, naming the next', () => {
    project('Short.');
    jumpingClock(100);
    const r = prepareDocument(request({ documentSeconds: 60 }));
    const [d] = limitErrors(r.diagnostics);
    expect(d!.message).toContain('seconds one document may take (60): out of time before expanding the template');
  });

  it('a rebuild of the same request (watch) starts the clock again, and is late only if slow itself', () => {
    project('Short.');
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => t);
    const req = request({ documentSeconds: 60 });
    expect(limitErrors(prepareDocument(req).diagnostics)).toEqual([]);
    t = 3_600_000;
    expect(limitErrors(prepareDocument(req).diagnostics)).toEqual([]);
    // Now each reading of the clock is 61 s later: the next stage is late.
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 61_000));
    expect(limitErrors(prepareDocument(req).diagnostics)).toHaveLength(1);
  });

  it('a long loop stops inside the template, at the loop', () => {
    const line = project('{{#each facts}}{{#each @root.facts}}{{#each @root.facts}}{{#each @root.facts}}.{{/each}}{{/each}}{{/each}}{{/each}}');
    const { templates, dataset } = prepareDocument(request());
    const r = expandTemplate(templates!, dataset!, dataset!.locale, { limits: defaultLimits, deadlineMs: performance.now() - 1 });
    const [d] = limitErrors(r.diagnostics);
    expect(d!.message).toContain('seconds one document may take (60): still expanding the template');
    expect(d!.position).toMatchObject({ file: path.join(dir, brief), line });
    expect(r.value).toBeUndefined();
  });
});

describe('through the CLI, from `limits:` in briefdeck.yaml', () => {
  const yaml = (limits: string) => `limits: { ${limits} }\ndocuments:\n  - template: brief\n    data: data/mini\n`;

  it('loopIterations and partialDepth from briefdeck.yaml, and raised they pass', async () => {
    const line = project('{{#each facts}}{{#each ../facts}}.{{/each}}{{/each}}\n\n{{> p1}}', { p1: '{{> p2}}', p2: '{{> p3}}', p3: 'deep' }, yaml('loopIterations: 10'));
    const loops = await runHere(dir, 'build');
    expect(loops.code).not.toBe(0);
    expect(loops.stderr).toContain(`templates/brief/document.md.hbs:${line}:`);
    expect(loops.stderr).toContain('limit exceeded: iterations of `{{#each}}`');
    expect(loops.stderr).toContain('[limit/exceeded]');
    expect(loops.stderr).not.toMatch(/\n\s+at /);

    writeFileSync(path.join(dir, 'briefdeck.yaml'), yaml('partialDepth: 2'));
    const deep = await runHere(dir, 'build');
    expect(deep.code).not.toBe(0);
    expect(deep.stderr).toContain('p1 → p2 → p3');

    writeFileSync(path.join(dir, 'briefdeck.yaml'), yaml('partialDepth: 3, loopIterations: 100000'));
    const ok = await runHere(dir, 'build');
    expect(ok.stderr).not.toContain('limit/exceeded');
    expect(ok.code).toBe(0);
  });

  it('pages from briefdeck.yaml', async () => {
    project('Short.', {}, yaml('pages: 1'));
    writeFileSync(path.join(dir, brief), readFileSync(path.join(dir, brief), 'utf8') + `\n${'More filler text. '.repeat(2000)}\n`);
    const r = await runHere(dir, 'build');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/templates\/brief\/document\.md\.hbs:1:1 error limit exceeded: pages of a PDF \(1\)/);
  });
});
