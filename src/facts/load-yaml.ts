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
}

export function parseYaml(file: string, text: string): { value: YamlFile | undefined; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.normalize('NFC'), { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
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
    data = doc.toJS({ maxAliasCount });
  } catch (e) {
    return { value: undefined, diagnostics: [report('yaml/alias-limit', at(0), { detail: (e as Error).message })] };
  }
  return { value: { file, data, positionOf: (path, where = 'value') => positionIn(doc, path, where, at) }, diagnostics };
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
