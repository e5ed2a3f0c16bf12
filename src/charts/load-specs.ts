// `templates/charts/*.vl.json` → parsed specs, checked for what a chart may
// not do: read a file or URL (`url` anywhere is an error), make links
// (`href`), repeat a key, or name data that is not a dataset series.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'jsonc-parser';
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { isDiagnostic, maxTextBytes, readProjectFile } from '../util/project-files.js';
import { validateChartSpec } from './validate-spec.js';
import { LRUCache } from 'lru-cache';

export interface ChartSpecFile {
  name: string;
  file: string;
  text: string;
  spec: Record<string, unknown>;
}

export const chartSpecExtension = '.vl.json';

/**
 * The spec file a resolved spec object came from, so that what Vega-Lite says
 * about it at render time can point into that file (kept beside the object,
 * not in the document tree, which renderers and goldens read).
 */
export const specOrigins = new WeakMap<object, { file: string; text: string }>();

/** Where in a spec file Vega-Lite's message is about: the first quoted name in it that is a key of the file, else the top. */
export function positionInSpec(origin: { file: string; text: string }, message: string): Position {
  // Quoted names first ('channel "x"'), then bare words ('shape dropped as …').
  const names = [...[...message.matchAll(/"([^"\s]{1,40})"/g)].map((m) => m[1]!), ...[...message.matchAll(/[A-Za-z][\w-]{0,39}/g)].map((m) => m[0])];
  for (const name of names) {
    const key = new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).exec(origin.text);
    if (key) return positionOfText(origin.file, origin.text, key[0]);
  }
  return { file: origin.file, line: 1, column: 1 };
}

/** Line and column of the first occurrence of `needle` in `text` at or after `from`. */
function positionOfText(file: string, text: string, needle: string, from = 0): Position {
  const offset = Math.max(0, text.indexOf(needle, from));
  const before = text.slice(0, offset).split('\n');
  return { file, line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Every `key` anywhere in the spec, with its JSON path. */
function findKeys(key: string, value: unknown, at: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => findKeys(key, v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(`${at}.${key}`);
      findKeys(key, v, `${at}.${k}`, out);
    }
  }
}

/**
 * Keys written twice in one object: JSON.parse keeps the last without a
 * word. jsonc-parser's scanner reports each key (unescaped, as JSON.parse
 * reads it) with its line and column; syntax errors are left to JSON.parse.
 * A scan, not a tree: a spec with 30,000 inline rows took the yaml parser
 * (which did this before) a second.
 */
function duplicateKeys(file: string, text: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const keysOfOpenObjects: Set<string>[] = [];
  visit(text, {
    onObjectBegin: () => void keysOfOpenObjects.push(new Set()),
    onObjectEnd: () => void keysOfOpenObjects.pop(),
    onObjectProperty: (key, _offset, _length, line, character) => {
      const keys = keysOfOpenObjects[keysOfOpenObjects.length - 1]!;
      if (keys.has(key)) found.push(report('chart/duplicate-key', { file, line: line + 1, column: character + 1 }, { key }));
      else keys.add(key);
    },
  });
  return found;
}

export interface SpecOptions {
  /** The project folder: the spec file must lie inside it (real paths, so a symlinked spec counts by where it points). Default: the spec folder's grandparent (`<project>/templates/charts`). */
  root?: string;
  /** Where the spec was named (the `::chart` directive): where a refused spec is reported. */
  at?: Position;
}

export function loadChartSpec(file: string, name: string, opts: SpecOptions = {}): Result<ChartSpecFile | undefined> {
  const read = readProjectFile(file, {
    root: opts.root ?? path.dirname(path.dirname(path.resolve(file))),
    maxBytes: maxTextBytes,
    what: 'chart spec',
    name: `${path.basename(path.dirname(file))}/${path.basename(file)}`,
    ...(opts.at ? { at: opts.at } : {}),
  });
  if (isDiagnostic(read)) return { value: undefined, diagnostics: [read] };
  const text = read.text.normalize('NFC');
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const offset = m ? Number(m[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    return { value: undefined, diagnostics: [report('chart/bad-json', { file, line: before.length, column: before[before.length - 1]!.length + 1 }, { detail: (e as Error).message.replace(/ in JSON at position \d+.*$/, '') })] };
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    return { value: undefined, diagnostics: [report('chart/bad-json', { file, line: 1, column: 1 }, { detail: 'expected a JSON object' })] };
  }
  const key = `${file}\u0000${text}`;
  let checked = checkedSpecs.get(key);
  if (!checked) checkedSpecs.set(key, (checked = checkSpecText(file, text, spec as Record<string, unknown>)));
  if (checked.refused) return { value: undefined, diagnostics: [...checked.diagnostics] };
  // A spec of the wrong shape would fail inside Vega-Lite with a message about its internals. It is
  // still returned, so that its series and fields are checked in the same run; it must not be rendered.
  return { value: { name, file, text, spec: spec as Record<string, unknown> }, diagnostics: [...checked.diagnostics] };
}

/**
 * A spec's checks by file and text: parsing it again for duplicate keys and
 * checking it against the Vega-Lite schema took a rebuild 17 ms for the
 * example's charts, and a spec changes far less often than the data.
 */
const checkedSpecs = new LRUCache<string, { refused: boolean; diagnostics: Diagnostic[] }>({ max: 256 });

function checkSpecText(file: string, text: string, spec: Record<string, unknown>): { refused: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = duplicateKeys(file, text);
  // `url` would read a file or the network; `href` makes marks links, which Vega's
  // renderer and the native deck chart do not expect (it crashed the bundle).
  for (const [key, rule] of [['url', 'chart/url-forbidden'], ['href', 'chart/href-forbidden']] as const) {
    const paths: string[] = [];
    findKeys(key, spec, '$', paths);
    let from = 0;
    for (const p of paths) {
      const pos = positionOfText(file, text, `"${key}"`, from);
      from = text.indexOf(`"${key}"`, from) + 1;
      diagnostics.push(report(rule, pos, { path: p }));
    }
  }
  if (diagnostics.length) return { refused: true, diagnostics };
  return { refused: false, diagnostics: validateChartSpec(file, text, spec) };
}

export function listChartSpecs(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(chartSpecExtension))
      .map((n) => n.slice(0, -chartSpecExtension.length))
      .sort();
  } catch {
    return [];
  }
}

export function chartSpecPath(dir: string, name: string): string {
  return path.join(dir, `${name}${chartSpecExtension}`);
}

export { positionOfText };
