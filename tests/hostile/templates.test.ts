// Hostile templates: exploit templates, prototype names, decorators and
// syntax errors are template errors at their line and column, never a crash
// and never a document built with a warning on the console.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { buildInProcess, makeProject, remove } from '../cli/run-cli.js';

let dir = '';
afterEach(() => remove(dir));

const file = 'templates/brief/document.md.hbs';

/** The mini brief with `body` after its front matter; the body starts on the returned line. */
function withBody(body: string): { dir: string; firstLine: number } {
  dir = makeProject(['mini']);
  const f = path.join(dir, file);
  const text = readFileSync(f, 'utf8');
  const end = text.indexOf('\n---\n', 4) + 5;
  writeFileSync(f, text.slice(0, end) + body + '\n');
  return { dir, firstLine: text.slice(0, end).split('\n').length };
}

/** The build's messages, in this process, through the batch runner the CLI's workers use (the CLI's own last guard is tested in internal-errors.test.ts). */
async function build(body: string) {
  const p = withBody(body);
  const r = await buildInProcess(p.dir, 'data/mini', 'brief');
  return { ...r, line: p.firstLine };
}

const noCrash = (out: string) => {
  expect(out).not.toMatch(/internal error|\n\s+at |Access has been denied|is not iterable/);
};

describe('template exploits (CVE-2021-23369 and its kin)', () => {
  it('the strict-mode proof of concept is a template error at the prototype name', async () => {
    const poc = ['{{#with "constructor"}}', '  {{#with split as |a|}}', '    {{#each a}}{{this}}{{/each}}', '  {{/with}}', '{{/with}}'].join('\n');
    const r = await build(poc);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${r.line + 1}:11 error ${messages['template/prototype-access'].text({ name: 'split' })}`);
    noCrash(r.out);
  });

  it('`lookup` of `__proto__` or `constructor` is refused', async () => {
    const r = await build('{{lookup this "__proto__"}} {{#with (lookup facts "constructor")}}{{/with}}');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${r.line}:1 error ${messages['template/prototype-access'].text({ name: '__proto__' })}`);
    expect(r.out).toContain(messages['template/prototype-access'].text({ name: 'constructor' }));
    noCrash(r.out);
  });

  it('a field path through a prototype name is refused', async () => {
    const r = await build('{{facts.star.constructor.name}}');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${r.line}:3 error ${messages['template/prototype-access'].text({ name: 'constructor' })}`);
  });

  it('a helper that throws while running is a template error at the helper', async () => {
    const r = await build('Text\n\n  {{#with}}x{{/with}}');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${r.line + 2}:3 error ${messages['template/runtime'].text({ detail: '#with requires exactly one argument' })}`);
    noCrash(r.out);
  });
});

describe('template syntax and unsupported constructs have their position', () => {
  it('a decorator is reported where it is written', async () => {
    const r = await build('Text\n\n  {{* decorator}}');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${r.line + 2}:3 error ${messages['template/unsupported'].text({ construct: 'the decorator `{{* decorator}}`' })}`);
  });

  it('an inline partial (a decorator block) is reported where it is written', async () => {
    const r = await build('Text {{#*inline "x"}}y{{/inline}}');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${r.line}:6 error ${messages['template/unsupported'].text({ construct: 'the decorator block `{{#* inline}}`' })}`);
  });

  it('a parse error has its column', async () => {
    const r = await build('Text\nlong line of text here {{fact bar=}}');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`${file}:${r.line + 1}:35 error template syntax error: Expecting`));
  });

  it('a mismatched block close has its column', async () => {
    const r = await build('abc {{#if x}} foo {{/iff}}');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:${r.line}:8 error ${messages['template/syntax'].text({ detail: "if doesn't match iff" })}`);
  });
});
