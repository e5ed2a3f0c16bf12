// YAML text → plain data plus a way to find the line and column of any
// path in it. Duplicate keys are errors, alias expansion is capped (a
// "billion laughs" file cannot exhaust memory), and all syntax errors are
// reported, not just the first.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { cleanText, maxYamlTextLength } from './clean-text.js';

const maxAliasCount = 50;

export interface YamlFile {
  file: string;
  data: unknown;
  /** Position of the value at `path`, or of the nearest enclosing node. */
  positionOf(path: readonly PropertyKey[], at?: 'key' | 'value'): Position;
  /** The source text of the scalar at `path` as written (`1.40`, not 1.4), if there is one. */
  sourceOf(path: readonly PropertyKey[]): string | undefined;
}

export type ParsedYaml = { value: YamlFile | undefined; diagnostics: Diagnostic[] };

/** The options every YAML file is parsed with. */
export const yamlOptions = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/** Each parse's document and the text it was parsed from, for reparseYamlEdit (src/facts/yaml-edit.ts). */
export const parsedDocuments = new WeakMap<YamlFile, { doc: Document; source: string }>();

export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const source = text.normalize('NFC');
  const doc = parseDocument(source, { lineCounter, ...yamlOptions });
  return yamlFileOf(file, doc, source, lineCounter);
}

/** A parsed document as a YamlFile: its errors as diagnostics, its data (clean strings), its positions. */
export function yamlFileOf(file: string, doc: Document, source: string, lineCounter: LineCounter): ParsedYaml {
  const text = source;
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const pos = at(e.pos[0]);
    if (e.code === 'DUPLICATE_KEY') {
      const rest = text.normalize('NFC').slice(e.pos[0]);
      const key = rest.slice(0, rest.search(/[:\n]|$/)).trim() || '?';
      return report('yaml/duplicate-key', pos, { key });
    }
    return report('yaml/syntax', pos, { detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '') });
  });
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  let data: unknown;
  try {
    // Maps as Map, then null-prototype objects: plain `toJS` assigns a key
    // `__proto__` with `obj[key] = v`, which sets the prototype and drops the key.
    data = safeData(doc.toJS({ maxAliasCount, mapAsMap: true }));
  } catch (e) {
    return { value: undefined, diagnostics: [report('yaml/alias-limit', at(0), { detail: (e as Error).message })] };
  }
  const positionOf = (path: readonly PropertyKey[], where: 'key' | 'value' = 'value') => positionIn(doc, path, where, at);
  data = cleanStrings(data, [], file, positionOf, diagnostics);
  const sourceOf = (path: readonly PropertyKey[]) => {
    const { node, complete } = walk(doc, path);
    return complete && isScalar(node) && node.range ? source.slice(node.range[0], node.range[1]) : undefined;
  };
  const value: YamlFile = { file, data, positionOf, sourceOf };
  parsedDocuments.set(value, { doc, source });
  return { value, diagnostics };
}

/**
 * Plain data whose mappings have no prototype: a user's key `constructor` or
 * `__proto__` is an own key like any other, never Object.prototype's.
 */
export function safeData(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of value) out[String(k)] = safeData(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(safeData);
  return value;
}

/** The node at `path`, and whether the whole path was found. */
function walk(doc: Document, path: readonly PropertyKey[]): { node: Node | null | undefined; complete: boolean } {
  let node: Node | null | undefined = doc.contents as Node | null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node, complete: false };
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      if (!node) return { node, complete: false };
    } else return { node, complete: false };
  }
  return { node, complete: true };
}

function positionIn(doc: Document, path: readonly PropertyKey[], where: 'key' | 'value', at: (o: number) => Position): Position {
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyNode: Node | undefined;
  let last: Node | undefined = node ?? undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      last = node ?? keyNode;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      keyNode = undefined;
      if (!node) break;
      last = node;
    } else {
      break;
    }
  }
  const target = where === 'key' && keyNode ? keyNode : last;
  return at(target?.range?.[0] ?? 0);
}

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)), '');

/**
 * Every string of the data (keys too) without control characters, lone
 * surrogates or bidi controls, each removal reported at its position and
 * named by its path and the id of the item holding it; text longer than
 * maxYamlTextLength is an error. YAML escapes (`"\x01"`, `"\uD800"`) are
 * how such characters get in.
 */
function cleanStrings(value: unknown, path: PropertyKey[], file: string, positionOf: YamlFile['positionOf'], diagnostics: Diagnostic[], owner = ''): unknown {
  const clean = (s: string, at: PropertyKey[], where: 'key' | 'value') => {
    const name = `\`${pathText(at) || '(top)'}\`${owner}`;
    if (s.length > maxYamlTextLength) diagnostics.push(report('text/too-long', positionOf(at, where), { where: name, length: s.length, max: maxYamlTextLength }));
    const c = cleanText(s);
    if (c.controls.length) diagnostics.push(report('text/control-character', positionOf(at, where), { where: name, found: c.controls }));
    if (c.bidi.length) diagnostics.push(report('text/bidi-control', positionOf(at, where), { where: name, found: c.bidi }));
    return c.text;
  };
  if (typeof value === 'string') return clean(value, path, 'value');
  if (Array.isArray(value)) {
    return value.map((v, i) => {
      const id = v && typeof v === 'object' && typeof (v as Record<string, unknown>)['id'] === 'string' ? cleanText((v as Record<string, string>)['id']!).text : undefined;
      return cleanStrings(v, [...path, i], file, positionOf, diagnostics, id ? ` (of \`${id}\`)` : owner);
    });
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty: a key `__proto__` stays a plain key.
      Object.defineProperty(out, clean(k, [...path, k], 'key'), { value: cleanStrings(v, [...path, k], file, positionOf, diagnostics, owner), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
