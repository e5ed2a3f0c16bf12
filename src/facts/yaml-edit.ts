// A YAML file read again after an edit to one value. Saving a changed
// figure in facts.yaml changes one plain scalar; parsing the whole file again
// with `yaml` was 8–10 ms of a 45–70 ms rebuild in `watch`. When the text
// differs from the last parse's only inside one plain scalar value (a word
// or a number: letters, digits, `.`, `-`, `+`, `_`), and the new text of
// that scalar parses alone to a plain scalar, the last document is copied
// with that value changed and every position after it moved; anything else
// is parsed whole. tests/facts/yaml-edit.test.ts compares the two on every
// value of the example's and the fixtures' YAML files.
import { isScalar, LineCounter, parseDocument, visit, type Document, type Node, type Scalar } from 'yaml';
import { parsedDocuments, parseYaml, yamlFileOf, yamlOptions, type ParsedYaml } from './load-yaml.js';

/** A scalar this can change in place: no character YAML reads as syntax (a comma is one inside `[…]`), nothing a plain scalar trims. */
const plainWord = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}.+\-_]*$/u;

/** How many reads took the short way (tests). */
export const yamlEdits = { patched: 0 };

/** `text` read, reusing `previous` (the parse of this file's last text) when the edit allows it. */
export function reparseYamlEdit(file: string, text: string, previous: ParsedYaml): ParsedYaml {
  return (previous.value && previous.diagnostics.length === 0 && patched(file, text.normalize('NFC'), previous)) || parseYaml(file, text);
}

function patched(file: string, source: string, previous: ParsedYaml): ParsedYaml | undefined {
  const last = parsedDocuments.get(previous.value!);
  // A `%YAML 1.1` directive reads words its own way (`no`, `010`): such a file is parsed whole.
  if (!last || /^%/m.test(last.source)) return undefined;
  const old = last.source;
  // The changed span: what lies between the common start and the common end.
  const most = Math.min(old.length, source.length);
  let start = 0;
  while (start < most && old.charCodeAt(start) === source.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < most - start && old.charCodeAt(old.length - 1 - tail) === source.charCodeAt(source.length - 1 - tail)) tail++;
  if (start === old.length && start === source.length) return undefined;
  const oldEnd = old.length - tail;
  const shift = source.length - old.length;
  const target = valueScalarCovering(last.doc, start, oldEnd);
  // An explicit tag or an anchor gives the text a meaning beyond its own.
  if (!target?.range || target.tag !== undefined || target.anchor !== undefined) return undefined;
  const [from, to] = target.range;
  const before = old.slice(from, to);
  const after = source.slice(from, to + shift);
  if (!plainWord.test(before) || !plainWord.test(after)) return undefined;
  // What the new text is on its own (a number, a word, true): as it would be in place.
  const alone = parseDocument(after, yamlOptions);
  if (alone.errors.length || !isScalar(alone.contents) || alone.contents.type !== 'PLAIN') return undefined;
  const doc = last.doc.clone();
  const copy = valueScalarCovering(doc, start, oldEnd)!;
  const now = alone.contents;
  copy.value = now.value;
  copy.source = now.source;
  copy.format = now.format;
  copy.minFractionDigits = now.minFractionDigits;
  if (shift !== 0) moveAfter(doc, oldEnd, shift);
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  yamlEdits.patched++;
  return yamlFileOf(file, doc, source, lineCounter);
}

/** The plain scalar value (not a key) whose text holds [start, end), if one does. */
function valueScalarCovering(doc: Document, start: number, end: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(doc, {
    Scalar(key, node) {
      const r = node.range;
      if (!r || r[0] > start || r[1] < end) return undefined;
      if (key !== 'key' && node.type === 'PLAIN') found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Every node's offsets after the edit at `offset` moved by `shift`: ends at
 * or after it, starts after it (text typed at the very start of the scalar
 * is the scalar's, which still starts where it did, as does what holds it).
 */
function moveAfter(doc: Document, offset: number, shift: number): void {
  const move = (node: { range?: [number, number, number] | null } | null | undefined) => {
    const r = node?.range;
    if (!r) return;
    if (r[0] > offset) r[0] += shift;
    for (const i of [1, 2]) if (r[i]! >= offset) r[i]! += shift;
  };
  move(doc as unknown as { range: [number, number, number] });
  visit(doc, {
    Node(_, node: Node) {
      move(node as { range?: [number, number, number] | null });
    },
  });
}
