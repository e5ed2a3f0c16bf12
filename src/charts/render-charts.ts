// Render every chart node of a document (in callouts too) and attach the SVG.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Block, Chart, Document } from '../document/nodes.js';
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

export async function renderCharts(doc: Document): Promise<Diagnostic[]> {
  const charts = documentCharts(doc);
  const results = await Promise.all(charts.map((c) => renderChart(c.spec, doc.meta.locale, c.position)));
  results.forEach((r, i) => {
    if (r.value) charts[i]!.rendered = r.value;
  });
  return results.flatMap((r) => r.diagnostics);
}
