// Golden files: compare a value with tests/fixtures/<case>/expected/<name>;
// `UPDATE_GOLDEN=1 npm test` rewrites them (review the diff before committing).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const updating = process.env['UPDATE_GOLDEN'] === '1';

export function expectGolden(file: string, actual: string): void {
  if (updating || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (!updating) throw new Error(`golden ${file} did not exist; wrote it: check it and run again`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** JSON with absolute paths made relative to `base`, numbers rounded to 0.01 and SVG bodies left out. */
export function stableJson(value: unknown, base: string): string {
  return `${JSON.stringify(
    value,
    (key, v) => {
      if (typeof v === 'number' && !Number.isInteger(v)) return Math.round(v * 100) / 100;
      if (typeof v === 'string' && v.startsWith(base)) return path.relative(base, v);
      if (key === 'svg' && typeof v === 'string') return `<svg: ${v.length} chars>`;
      if (key === 'svgs' && Array.isArray(v)) return v.map((s: string) => `<svg: ${s.length} chars>`);
      return v;
    },
    2,
  )}\n`;
}
