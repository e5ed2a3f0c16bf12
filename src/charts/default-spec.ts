// A series with no chart spec → a Vega-Lite spec made in code, so that
// `::chart{series="id"}` draws something sensible from data alone: a line
// over time periods, bars for categories (horizontal when there are many or
// their names are long), one colour per value of a declared column. It only
// uses what a native PowerPoint chart can also draw (see native-chart.ts),
// so the deck gets an editable chart too.
import type { Series } from '../facts/dataset.js';

/** Columns with a meaning of their own (README "series.yaml and CSV files"): never a category. */
const metaColumns = new Set(['value', 'period', 'periodLabel', 'source', 'basis', 'partial', 'fact', 'note']);

export interface DefaultChartPlan {
  mark: 'bar' | 'line';
  x: string;
  color?: string;
  horizontal: boolean;
  /** Value labels on the bars: single-series bar charts only (grouped labels would collide). */
  labels: boolean;
}

/** What the default chart of a series shows, or undefined when the series has no column to chart along. */
export function planDefaultChart(series: Series): DefaultChartPlan | undefined {
  const hasPeriod = series.columns.includes('period');
  const x = series.chart?.x ?? (hasPeriod ? 'periodLabel' : series.columns.find((c) => !metaColumns.has(c)));
  if (!x) return undefined;
  const color = series.chart?.color !== x ? series.chart?.color : undefined;
  const categories = new Set(series.rows.map((r) => String(x === 'periodLabel' ? r.values['period'] : r.values[x])));
  const mark = series.chart?.mark ?? (x === 'periodLabel' && categories.size >= 3 ? 'line' : 'bar');
  const longest = Math.max(0, ...[...categories].map((c) => c.length));
  const horizontal = mark === 'bar' && x !== 'periodLabel' && (categories.size > 8 || longest > 14);
  const plan: DefaultChartPlan = { mark, x, horizontal, labels: mark === 'bar' && !color && categories.size <= 12 };
  if (color) plan.color = color;
  return plan;
}

/** d3-format for value labels with the series' decimals (`,.2f`). */
export function labelFormat(decimals: number): string {
  return `,.${decimals}f`;
}

export function defaultChartSpec(series: Series, plan: DefaultChartPlan, decimals: number): Record<string, unknown> {
  const category = { field: plan.x, type: plan.x === 'periodLabel' ? 'ordinal' : 'nominal', sort: null, title: null };
  const value = { field: 'value', type: 'quantitative', title: null, axis: { format: `,.${decimals}~f`, tickCount: 5 } };
  const encoding: Record<string, unknown> = plan.horizontal ? { y: category, x: value } : { x: category, y: value };
  if (plan.color) {
    encoding['color'] = { field: plan.color, type: 'nominal', sort: null, legend: { title: null } };
    if (plan.mark === 'bar') encoding[plan.horizontal ? 'yOffset' : 'xOffset'] = { field: plan.color, sort: null };
  }
  const main = plan.mark === 'line' ? { type: 'line', point: true } : { type: 'bar', [plan.horizontal ? 'height' : 'width']: { band: plan.color ? 0.9 : 0.65 } };
  const spec: Record<string, unknown> = { title: series.title, data: { name: series.id }, encoding };
  if (plan.horizontal) spec['height'] = { step: 24 };
  if (series.mixes) spec['usermeta'] = { mixes: series.mixes };
  if (!plan.labels) return { ...spec, mark: main };
  const label = plan.horizontal ? { type: 'text', align: 'left', dx: 4 } : { type: 'text', dy: -7 };
  return { ...spec, layer: [{ mark: main }, { mark: label, encoding: { text: { field: 'value', type: 'quantitative', format: labelFormat(decimals) } } }] };
}
