// Rendered charts are a pure function of the spec (with its inlined data),
// the locale, the theme and the code (briefdeck's and its libraries':
// codeId), so they are cached by a hash of all of those: in memory for
// rebuilds in one process, and on disk (src/util/cache-dir.ts) so that a
// build whose charts did not change never loads Vega at all. Delete the
// folder to clear it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderedChart } from '../document/nodes.js';
import type { Locale } from '../format/locale.js';
import type { Theme } from '../theme/theme.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { cacheRoot, cachesDisabled } from '../util/cache-dir.js';
import { contentHash } from '../util/disk-memo.js';
import { vegaLiteConfig } from './vega-config.js';
import { LRUCache } from 'lru-cache';

/** Bump when rendering changes in a way the key does not capture. */
const cacheFormat = 5;
// Bounded: a long batch renders thousands of charts; a document's brief and deck, or a rebuild, need only the recent ones.
const memory = new LRUCache<string, RenderedChart>({ max: 256 });

export function chartKey(spec: unknown, locale: Locale, theme: Theme): string {
  // contentHash includes briefdeck's code id.
  return contentHash('chart', JSON.stringify({ cacheFormat, spec, locale, config: vegaLiteConfig(theme), font: theme.font, fonts: theme.fonts.digest(), chart: theme.chart }));
}

function cacheDir(): string | undefined {
  const root = cacheRoot();
  return root && path.join(root, 'charts');
}

export function cachedChart(key: string, useDisk: boolean): RenderedChart | undefined {
  if (cachesDisabled()) return undefined;
  const hit = memory.get(key);
  if (hit || !useDisk) return hit;
  const dir = cacheDir();
  const file = dir && path.join(dir, `${key}.json`);
  if (!file || !existsSync(file)) return undefined;
  try {
    const chart = JSON.parse(readFileSync(file, 'utf8')) as RenderedChart;
    memory.set(key, chart);
    return chart;
  } catch {
    return undefined;
  }
}

export function storeChart(key: string, chart: RenderedChart, useDisk: boolean): void {
  memory.set(key, chart);
  const dir = cacheDir();
  if (!useDisk || !dir) return;
  try {
    writeFileAtomic(path.join(dir, `${key}.json`), JSON.stringify(chart));
  } catch {
    // A cache that cannot be written only costs time on the next build.
  }
}
