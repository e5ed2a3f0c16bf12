// Render every chart node of a document (in callouts too) and attach the SVG
// and the alternative text made from what it draws.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Block, Chart, Document } from '../document/nodes.js';
import { words } from '../format/locale.js';
import { chartAltText } from './chart-alt-text.js';
import { cachedChart, chartKey, storeChart } from './chart-cache.js';
import { positionInSpec, specOrigins } from './load-specs.js';
import { renderChart } from './render-chart.js';

function chartsIn(blocks: readonly Block[], out: Chart[]): Chart[] {
  for (const b of blocks) {
    if (b.type === 'chart') out.push(b);
    else if (b.type === 'callout' || b.type === 'notes') chartsIn(b.children, out);
    else if (b.type === 'list') for (const item of b.items) chartsIn(item.children, out);
  }
  return out;
}

export function documentCharts(doc: Document): Chart[] {
  return chartsIn(doc.children, []);
}

/** A chart whose own series has no rows: Vega would draw an empty frame and warn of an "Infinite extent". */
function seriesIsEmpty(chart: Chart): boolean {
  const rows = (chart.spec['datasets'] as Record<string, unknown[]> | undefined)?.[chart.seriesId];
  return Array.isArray(rows) && rows.length === 0;
}

/**
 * Render (or take from the cache) every chart; only charts that rendered
 * cleanly are cached. A chart of an empty series is not rendered: it gets
 * a "No data" placeholder and one warning naming the series.
 */
export async function renderCharts(doc: Document, opts: { diskCache?: boolean } = {}): Promise<Diagnostic[]> {
  const useDisk = opts.diskCache ?? true;
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    documentCharts(doc).map(async (chart) => {
      if (seriesIsEmpty(chart)) {
        chart.noData = words[doc.meta.locale]['noData']!;
        diagnostics.push(report('chart/empty-series', chart.position, { series: chart.seriesId }));
        return;
      }
      const key = chartKey(chart.spec, doc.meta.locale);
      const hit = cachedChart(key, useDisk);
      if (hit) {
        chart.rendered = hit;
        chart.altText = chartAltText(chart, doc.meta.locale);
        return;
      }
      const r = await renderChart(chart.spec, doc.meta.locale, chart.position);
      // What Vega-Lite says about a spec file is about that file: point at it (the key it names, where it names one).
      const origin = specOrigins.get(chart.spec);
      diagnostics.push(...r.diagnostics.map((d) => (origin && (d.rule === 'chart/vega-warning' || d.rule === 'chart/compile-failed') ? { ...d, position: positionInSpec(origin, d.message) } : d)));
      if (r.value) {
        chart.rendered = r.value;
        chart.altText = chartAltText(chart, doc.meta.locale);
        if (r.diagnostics.length === 0) storeChart(key, r.value, useDisk);
      }
    }),
  );
  return diagnostics;
}
