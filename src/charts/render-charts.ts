// Render every chart node of a document (in callouts too) and attach the SVG
// and the alternative text made from what it draws.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { blocksOfType } from '../document/blocks-of-type.js';
import type { Chart, Document } from '../document/nodes.js';
import { words } from '../format/locale.js';
import { chartAltText } from './chart-alt-text.js';
import { defaultTheme, type Theme } from '../theme/theme.js';
import { cachedChart, chartKey, storeChart } from './chart-cache.js';
import { positionInSpec, specOrigins } from './load-specs.js';
import { renderChart } from './render-chart.js';

export function documentCharts(doc: Document): Chart[] {
  return blocksOfType(doc.children, 'chart');
}

/** A chart whose own series has no rows: Vega would draw an empty frame and warn of an "Infinite extent". */
function seriesIsEmpty(chart: Chart): boolean {
  const rows = (chart.spec['datasets'] as Record<string, unknown[]> | undefined)?.[chart.seriesId];
  return Array.isArray(rows) && rows.length === 0;
}

/** Specs (by cache key) that compiled without a message, for charts that are only compiled. */
const compiledClean = new Set<string>();

export interface RenderChartsOptions {
  diskCache?: boolean;
  /**
   * Which charts the output draws from Vega's SVG (default: all). The others
   * (a deck's native charts) are only compiled, for Vega-Lite's messages:
   * running Vega for a picture nobody shows is most of a chart's cost.
   */
  draws?: (chart: Chart) => boolean;
  /** The look (the brand's colours and fonts); default: the built-in one. */
  theme?: Theme;
}

/**
 * Render (or take from the cache) every chart; only charts that rendered
 * cleanly are cached. A chart of an empty series is not rendered: it gets
 * a "No data" placeholder and one warning naming the series.
 */
export async function renderCharts(doc: Document, opts: RenderChartsOptions = {}): Promise<Diagnostic[]> {
  const useDisk = opts.diskCache ?? true;
  const theme = opts.theme ?? defaultTheme;
  const diagnostics: Diagnostic[] = [];
  // One at a time: Vega's work is all on this thread, so rendering charts
  // side by side gains nothing, and a 40-chart document would hold 40 Vega
  // views (their dataflow and scenegraph) in memory at once.
  for (const chart of documentCharts(doc)) {
    if (seriesIsEmpty(chart)) {
      chart.noData = words[doc.meta.locale]['noData']!;
      diagnostics.push(report('chart/empty-series', chart.position, { series: chart.seriesId }));
      continue;
    }
    // A long line is drawn thinned (chart.drawing); the node keeps every row for the deck's native chart.
    const spec = chart.drawing?.spec ?? chart.spec;
    const key = chartKey(spec, doc.meta.locale, theme);
    const draw = opts.draws?.(chart) ?? true;
    // A chart drawn cleanly (for the brief, in this worker) compiled cleanly too.
    if (!draw && (compiledClean.has(key) || cachedChart(key, false))) continue;
    const hit = draw ? cachedChart(key, useDisk) : undefined;
    if (hit) {
      chart.rendered = hit;
      continue;
    }
    const r = await renderChart(spec, doc.meta.locale, chart.position, draw ? 'draw' : 'compile', theme);
    if (!draw && r.diagnostics.length === 0) rememberCompiled(key);
    // What Vega-Lite says about a spec file is about that file: point at it (the key it names, where it names one).
    const origin = specOrigins.get(chart.spec);
    diagnostics.push(...r.diagnostics.map((d) => (origin && (d.rule === 'chart/vega-warning' || d.rule === 'chart/compile-failed') ? { ...d, position: positionInSpec(origin, d.message) } : d)));
    if (r.value) {
      chart.rendered = r.value;
      if (r.diagnostics.length === 0) storeChart(key, r.value, useDisk);
    }
  }
  // Every chart with rows gets its alternative text: from the data Vega drew, or (a deck's native chart, compiled only) from the spec's rows.
  for (const chart of documentCharts(doc)) if (!chart.noData) chart.altText = chartAltText(chart, doc.meta.locale);
  return diagnostics;
}

function rememberCompiled(key: string): void {
  // Bounded: a long batch compiles thousands of specs.
  if (compiledClean.size >= 4096) compiledClean.clear();
  compiledClean.add(key);
}
