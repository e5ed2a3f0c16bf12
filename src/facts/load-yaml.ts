// YAML text → plain data plus a way to find the line and column of any
// path in it. Duplicate keys are errors, alias expansion is capped (a
// "billion laughs" file cannot exhaust memory), and all syntax errors are
// reported, not just the first.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';

const maxAliasCount = 50;

export interface YamlFile {
  file: string;
  data: unknown;
  /** Position of the value at `path`, or of the nearest enclosing node. */
  positionOf(path: readonly PropertyKey[], at?: 'key' | 'value'): Position;
  /** The source text of the scalar at `path` as written (`1.40`, not 1.4), if there is one. */
  sourceOf(path: readonly PropertyKey[]): string | undefined;
}

export function parseYaml(file: string, text: string): { value: YamlFile | undefined; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const source = text.normalize('NFC');
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
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
  const sourceOf = (path: readonly PropertyKey[]) => {
    const { node, complete } = walk(doc, path);
    return complete && isScalar(node) && node.range ? source.slice(node.range[0], node.range[1]) : undefined;
  };
  return { value: { file, data, positionOf: (path, where = 'value') => positionIn(doc, path, where, at), sourceOf }, diagnostics };
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
