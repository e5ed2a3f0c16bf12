// `templates/charts/*.vl.json` → parsed specs, checked for what a chart may
// not do: read a file or URL (`url` anywhere is an error), or name data
// that is not a dataset series.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';

export interface ChartSpecFile {
  name: string;
  file: string;
  text: string;
  spec: Record<string, unknown>;
}

export const chartSpecExtension = '.vl.json';

/** Line and column of the first occurrence of `needle` in `text` at or after `from`. */
function positionOfText(file: string, text: string, needle: string, from = 0): Position {
  const offset = Math.max(0, text.indexOf(needle, from));
  const before = text.slice(0, offset).split('\n');
  return { file, line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Every `url` key anywhere in the spec, with its JSON path. */
function findUrls(value: unknown, at: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => findUrls(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'url') out.push(`${at}.url`);
      findUrls(v, `${at}.${k}`, out);
    }
  }
}

export function loadChartSpec(file: string, name: string): Result<ChartSpecFile | undefined> {
  const text = readFileSync(file, 'utf8').normalize('NFC');
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
  const diagnostics: Diagnostic[] = [];
  const urls: string[] = [];
  findUrls(spec, '$', urls);
  let from = 0;
  for (const p of urls) {
    const pos = positionOfText(file, text, '"url"', from);
    from = text.indexOf('"url"', from) + 1;
    diagnostics.push(report('chart/url-forbidden', pos, { path: p }));
  }
  return { value: diagnostics.length ? undefined : { name, file, text, spec: spec as Record<string, unknown> }, diagnostics };
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
