// A Vega-Lite spec → a chart PowerPoint can draw itself (bar/column, grouped
// or stacked, line, area, pie/donut, scatter), with its data, or undefined
// when the spec needs more than a native chart can show (transforms, time
// axes, facets): those become pictures. Pure: reads the spec only.

export type NativeKind = 'bar' | 'line' | 'area' | 'pie' | 'doughnut' | 'scatter';

export interface NativeSeries {
  name: string;
  labels: string[];
  values: number[];
}

export interface NativeChart {
  kind: NativeKind;
  /** Bars: horizontal ('bar') or vertical ('col'). */
  direction: 'bar' | 'col';
  grouping: 'clustered' | 'stacked' | 'standard';
  series: NativeSeries[];
  /** Value labels shown on the chart (the spec has a text layer). */
  showValues: boolean;
  /** Excel number format with the data's decimals, e.g. `#,##0.00`. */
  numberFormat: string;
  /** Colour per data point (one series coloured by category). */
  pointColors?: boolean;
}

type Json = Record<string, unknown>;
type Channel = { field?: string; type?: string; stack?: unknown; aggregate?: unknown; timeUnit?: unknown; bin?: unknown };

const markType = (m: unknown): string | undefined => (typeof m === 'string' ? m : typeof (m as Json | undefined)?.['type'] === 'string' ? String((m as Json)['type']) : undefined);

/** Only for a chart without a series precision: the JS numbers have lost trailing zeros. */
function decimalsOf(values: number[]): number {
  return Math.min(4, Math.max(0, ...values.map((v) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0)))));
}

/** `decimals`: the series' precision as written (ResolvedChart.decimals); the number format shows exactly that. */
export function toNativeChart(spec: Json, decimals?: number): NativeChart | undefined {
  const format = (values: number[]) => excelFormat(decimals ?? decimalsOf(values));
  if (spec['transform'] || spec['facet'] || spec['concat'] || spec['hconcat'] || spec['vconcat'] || spec['repeat']) return undefined;
  const layers = (spec['layer'] as Json[] | undefined) ?? [spec];
  const marks = layers.map((l) => markType(l['mark']));
  const mainIndex = marks.findIndex((m) => m === 'bar' || m === 'line' || m === 'area' || m === 'arc' || m === 'point' || m === 'circle');
  if (mainIndex < 0) return undefined;
  // Other layers may only be value labels.
  if (marks.some((m, i) => i !== mainIndex && m !== 'text')) return undefined;
  const main = layers[mainIndex]!;
  const enc = { ...((spec['encoding'] as Json | undefined) ?? {}), ...((main['encoding'] as Json | undefined) ?? {}) } as Record<string, Channel>;
  const datasets = spec['datasets'] as Record<string, Json[]> | undefined;
  const dataName = ((spec['data'] as Json | undefined)?.['name'] ?? (main['data'] as Json | undefined)?.['name']) as string | undefined;
  const rows = dataName ? datasets?.[dataName] : undefined;
  if (!rows) return undefined;
  for (const ch of Object.values(enc)) if (ch && (ch.aggregate || ch.timeUnit || ch.bin || ch.type === 'temporal')) return undefined;

  const mark = marks[mainIndex]!;
  const color = enc['color']?.field;
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

  if (mark === 'arc') {
    const theta = enc['theta']?.field;
    if (!theta || !color) return undefined;
    const values = rows.map((r) => num(r[theta]));
    const donut = typeof (main['mark'] as Json)?.['innerRadius'] === 'number';
    return { kind: donut ? 'doughnut' : 'pie', direction: 'col', grouping: 'standard', series: [{ name: theta, labels: rows.map((r) => str(r[color])), values }], showValues: marks.includes('text'), numberFormat: format(values) };
  }

  const x = enc['x'];
  const y = enc['y'];
  if (!x?.field || !y?.field) return undefined;
  if (mark === 'point' || mark === 'circle') {
    if (x.type !== 'quantitative' || y.type !== 'quantitative') return undefined;
    const xs = rows.map((r) => num(r[x.field!]));
    const ys = rows.map((r) => num(r[y.field!]));
    return { kind: 'scatter', direction: 'col', grouping: 'standard', series: [{ name: x.field, labels: [], values: xs }, { name: y.field, labels: [], values: ys }], showValues: false, numberFormat: format(ys) };
  }
  const horizontal = x.type === 'quantitative' && y.type !== 'quantitative';
  const category = horizontal ? y : x;
  const value = horizontal ? x : y;
  if (value.type !== 'quantitative' || category.type === 'quantitative') return undefined;
  // Legend labels computed by an expression cannot be carried into PowerPoint.
  if ((enc['color'] as Json | undefined)?.['legend'] && ((enc['color'] as Json)['legend'] as Json | null)?.['labelExpr']) return undefined;
  const categories = [...new Set(rows.map((r) => str(r[category.field!])))];
  let series: NativeSeries[];
  let pointColors = false;
  if (color && color !== category.field) {
    const groups = [...new Set(rows.map((r) => str(r[color])))];
    series = groups.map((g) => ({
      name: g,
      labels: categories,
      values: categories.map((c) => {
        const row = rows.find((r) => str(r[category.field!]) === c && str(r[color]) === g);
        return row ? num(row[value.field!]) : 0;
      }),
    }));
  } else {
    pointColors = color === category.field;
    series = [{ name: value.field!, labels: categories, values: categories.map((c) => num(rows.find((r) => str(r[category.field!]) === c)![value.field!])) }];
  }
  // Vega-Lite stacks coloured bars and areas unless an offset channel groups them.
  const grouped = enc['xOffset'] !== undefined || enc['yOffset'] !== undefined;
  const stacked = series.length > 1 && mark !== 'line' && !grouped && value.stack !== null && value.stack !== false;
  const chart: NativeChart = {
    kind: mark === 'line' ? 'line' : mark === 'area' ? 'area' : 'bar',
    direction: horizontal ? 'bar' : 'col',
    grouping: stacked ? 'stacked' : mark === 'bar' ? 'clustered' : 'standard',
    series,
    showValues: marks.includes('text'),
    numberFormat: format(series.flatMap((s) => s.values)),
  };
  if (pointColors) chart.pointColors = true;
  return chart;
}

function excelFormat(d: number): string {
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}
