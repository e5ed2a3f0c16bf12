// Ids that are also names on Object.prototype (`constructor`, `toString`,
// `__proto__`) are ids like any other: never found where not declared,
// never dropped, never a crash.
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { buildInProcess, editedProject, remove } from '../cli/run-cli.js';

let dir = '';
afterEach(() => remove(dir));

function project(edits: [file: string, from: string | RegExp, to: string][]): string {
  dir = editedProject('mini', edits);
  return dir;
}

/** `validate` in this process, through the batch runner the CLI's workers use. */
const validate = (d: string) => buildInProcess(d, 'data/mini', 'brief', 'validate');
const text = (r: { out: string }) => r.out;

describe('prototype names as ids', () => {
  it('an undeclared basis `constructor` is an unknown basis', async () => {
    const r = await validate(project([['data/mini/facts.yaml', 'basis: cn-customs', 'basis: constructor']]));
    expect(r.code).toBe(1);
    expect(text(r)).toMatch(/data\/mini\/facts\.yaml:\d+:\d+ error/);
    expect(text(r)).toContain(messages['facts/unknown-basis'].text({ id: 'constructor', owner: 'fact `trade-2024`', known: [] }));
    expect(text(r)).not.toContain('internal error');
  });

  it('an unknown source `constructor` is an unknown source, not a crash', async () => {
    const r = await validate(project([['data/mini/facts.yaml', 'source: gacc', 'source: constructor']]));
    expect(r.code).toBe(1);
    expect(text(r)).toContain(messages['facts/unknown-source'].text({ id: 'constructor', owner: 'fact `trade-2024`', known: [] }));
    expect(text(r)).not.toMatch(/internal error|normalize/);
  });

  it('a basis declared as `__proto__` is reported, not dropped', async () => {
    const r = await validate(project([['data/mini/dataset.yaml', '  cn-customs:', '  __proto__:']]));
    expect(r.code).toBe(1);
    expect(text(r)).toMatch(/data\/mini\/dataset\.yaml:6:3 error bases\.__proto__: /);
    expect(text(r)).toContain(messages['facts/schema'].text({ path: 'bases.__proto__', detail: 'ids use lowercase letters, digits, dots and hyphens' }));
  });

  it('a fact with id `constructor` is no duplicate, and a source `constructor` can be cited', async () => {
    const d = project([
      ['data/mini/facts.yaml', 'facts:\n', 'facts:\n  - { id: constructor, label: Odd, measure: odd, value: 1, unit: count, period: 2024, source: constructor }\n'],
      ['data/mini/sources.yaml', 'sources:\n', 'sources:\n  - { id: constructor, publisher: P, title: T, date: 2024-01-01 }\n'],
      ['templates/brief/document.md.hbs', '{{fact "star"}}', '{{fact "star"}} {{fact "constructor"}}'],
    ]);
    const r = await validate(d);
    expect(text(r)).not.toContain('duplicate');
    expect(text(r)).not.toContain('internal error');
    expect(r.code).toBe(0);
  });

  it('a template naming `toString` finds no fact, on a fresh load and on one from the disk cache', async () => {
    const d = project([['templates/brief/document.md.hbs', '{{fact "star"}}', '{{fact "toString"}}']]);
    for (let i = 0; i < 2; i++) {
      const r = await validate(d);
      expect(r.code).toBe(1);
      expect(text(r)).toContain(messages['template/unknown-fact'].text({ id: 'toString', suggestions: [] }));
    }
  });

  it('a unit named `constructor` is unknown until declared', async () => {
    const r = await validate(project([['data/mini/facts.yaml', 'unit: USD bn', 'unit: constructor']]));
    expect(r.code).toBe(1);
    expect(text(r)).toContain('unknown unit `constructor`');
  });
});
