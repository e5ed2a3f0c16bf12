// A YAML file read again after an edit to one value (src/facts/yaml-edit.ts)
// gives what a whole parse gives: the data, every position, every source
// text. Tried on values spread over every YAML file of the example and the fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml, type ParsedYaml } from '../../src/facts/load-yaml.js';
import { reparseYamlEdit, yamlEdits } from '../../src/facts/yaml-edit.js';
import { root } from '../helpers.js';

function yamlFiles(): string[] {
  const found: string[] = [];
  for (const top of ['data', 'tests/fixtures']) {
    for (const f of readdirSync(path.join(root, top), { recursive: true }) as string[]) if (/\.ya?ml$/.test(f)) found.push(path.join(root, top, f));
  }
  return found;
}

/** Every path into the data (keys and values). */
function paths(data: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(data)) return [at, ...data.flatMap((v, i) => paths(v, [...at, i]))];
  if (data && typeof data === 'object') return [at, ...Object.entries(data).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

/** What a caller can see of a read: the data, the diagnostics, and each path's positions and source text. */
function seen(r: ParsedYaml) {
  const y = r.value;
  if (!y) return { diagnostics: r.diagnostics.map((d) => d.message) };
  return {
    data: JSON.stringify(y.data),
    diagnostics: r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.message}`),
    at: paths(y.data).map((p) => [p.join('.'), y.positionOf(p, 'key'), y.positionOf(p), y.sourceOf(p)]),
  };
}

/** Edits to the value scalars of `text`: a longer, a shorter and a same-length replacement each. */
function edits(text: string): { from: number; to: number; by: string }[] {
  const doc = parseDocument(text);
  const out: { from: number; to: number; by: string }[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !node.range || node.type !== 'PLAIN') return;
      const [from, to] = node.range;
      const src = text.slice(from, to);
      if (typeof node.value === 'number') out.push({ from, to, by: `${src}1` }, { from, to, by: `1${src}` }, { from, to, by: String(Number(src) + 7) }, { from, to, by: src.length > 1 ? src.slice(1) : '9' });
      else if (typeof node.value === 'string' && /^\p{L}[\p{L}\d-]*$/u.test(src)) out.push({ from, to, by: `${src}x` }, { from, to, by: 'true' });
    },
  });
  return out;
}

describe('a YAML file read again after an edit to one value', () => {
  it('gives what a whole parse gives, on values spread over every YAML file here', () => {
    const files = yamlFiles();
    expect(files.length).toBeGreaterThan(10);
    const before = yamlEdits.patched;
    let tried = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').normalize('NFC');
      const first = parseYaml(file, text);
      if (!first.value || first.diagnostics.length) continue;
      // Up to 5 edits a file, spread over it (every path's positions are compared after each: a whole parse's worth of work).
      const all = edits(text);
      const step = Math.max(1, Math.ceil(all.length / 5));
      for (const e of all.filter((_, i) => i % step === 0)) {
        const edited = text.slice(0, e.from) + e.by + text.slice(e.to);
        expect(seen(reparseYamlEdit(file, edited, first)), `${path.relative(root, file)} @${e.from}: ${e.by}`).toEqual(seen(parseYaml(file, edited)));
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(100);
    // Most of them took the short way: the comparison is of it.
    expect(yamlEdits.patched - before).toBeGreaterThan(tried / 2);
  });

  it('parses whole an edit that is more than one value', () => {
    const text = 'facts:\n  - id: a\n    value: 1\n  - id: b\n    value: 2\n';
    const first = parseYaml('f.yaml', text);
    const before = yamlEdits.patched;
    for (const edited of [text.replace('value: 1', 'value: 1\n    note: x'), text.replace('value: 2', 'value: "2"'), text.replace('value: 1', 'value: 1 # c'), text.replace('value: 2', 'value: [2]'), text.replace('value: 2', 'value: 2 3')]) {
      expect(seen(reparseYamlEdit('f.yaml', edited, first))).toEqual(seen(parseYaml('f.yaml', edited)));
    }
    expect(yamlEdits.patched).toBe(before);
    // Typed at the very start of a value (the scalar keeps its start), at the top level too: the short way, and right.
    const started = yamlEdits.patched;
    for (const [was, now] of [['a: 5\nb: 6\n', 'a: 15\nb: 6\n'], ['- 6\n- 7\n', '- 16\n- 7\n'], ['5\n', '15\n'], ['value: 25\n', 'value: 1.25\n'], ['x: y\n', 'x: zy\n']]) {
      expect(seen(reparseYamlEdit('t.yaml', now!, parseYaml('t.yaml', was!))), now).toEqual(seen(parseYaml('t.yaml', now!)));
    }
    expect(yamlEdits.patched - started).toBe(5);
    const whole = yamlEdits.patched;
    // A `%YAML 1.1` file reads `yes` as true and `010` as 8: parsed whole.
    const old11 = '%YAML 1.1\n---\na: no\nb: 011\n';
    for (const now of [old11.replace('no', 'yes'), old11.replace('011', '010')]) expect(seen(reparseYamlEdit('v.yaml', now, parseYaml('v.yaml', old11)))).toEqual(seen(parseYaml('v.yaml', now)));
    // A comma inside a flow sequence ends an item: parsed whole.
    const flow = 'sources: [a1, b2]\n';
    expect(seen(reparseYamlEdit('s.yaml', flow.replace('b2', 'b2,c3'), parseYaml('s.yaml', flow)))).toEqual(seen(parseYaml('s.yaml', flow.replace('b2', 'b2,c3'))));
    // A tagged or anchored value means more than its text: parsed whole.
    const marked = 'a: !!str 12\nb: &n 5\nc: *n\n';
    const markedFirst = parseYaml('m.yaml', marked);
    for (const edited of [marked.replace('12', '13'), marked.replace('&n 5', '&n 6')]) {
      expect(seen(reparseYamlEdit('m.yaml', edited, markedFirst))).toEqual(seen(parseYaml('m.yaml', edited)));
    }
    expect(yamlEdits.patched).toBe(whole);
    // A duplicate key made by an edit is still an error (a key is not a value: parsed whole).
    const dup = 'a: 1\nb: 2\n';
    expect(reparseYamlEdit('d.yaml', dup.replace('b:', 'a:'), parseYaml('d.yaml', dup)).diagnostics.map((d) => d.rule)).toEqual(['yaml/duplicate-key']);
  });
});

describe('a YAML file edited again and again', () => {
  it('gives what a whole parse gives after each edit of a chain', () => {
    const file = path.join(root, 'data', 'vietnam-china', 'facts.yaml');
    const original = readFileSync(file, 'utf8').normalize('NFC');
    let text = original;
    let last = parseYaml(file, text);
    const values = ['692500', '1', '123456789', '7.25', '692500', '88', ...Array.from({ length: 8 }, (_, i) => String(692500 + 100 * ((i * 7919) % 1000003)))];
    for (const v of values) {
      text = original.replace('value: 692500', `value: ${v}`);
      last = reparseYamlEdit(file, text, last);
      expect(seen(last), v).toEqual(seen(parseYaml(file, text)));
    }
  });
});
