// A Vega-Lite spec → a chart PowerPoint can draw itself (bar/column, grouped
// or stacked, line, area, pie/donut, scatter), with its data, colours, order,
// axis and number formats, or undefined when the spec asks for something a
// native chart cannot say the same way (transforms, time axes, facets, a
// d3 format with no Excel equivalent, log scales, label expressions): those
// become pictures. Pure: reads the spec only. README "What a native chart keeps".
import { defaultTheme, type ThemeColors } from '../theme/theme.js';

export type NativeKind = 'bar' | 'line' | 'area' | 'pie' | 'doughnut' | 'scatter';

export interface NativeSeries {
  name: string;
  labels: string[];
  values: number[];
  /** Excel number format of this series' value labels (its data's precision, or the text layer's format). */
  numberFormat: string;
  /**
   * Per point, a label format that differs from the series' one: a value
   * with a qualifier keeps its word (`"over "#,##0`), and under a trimming
   * d3 format (`,.2~f`) a value keeps its own decimals (171.9, not 171.90).
   */
  pointFormats?: (string | undefined)[];
}

export interface NativeChart {
  kind: NativeKind;
  /** Bars: horizontal ('bar') or vertical ('col'). */
  direction: 'bar' | 'col';
  grouping: 'clustered' | 'stacked' | 'standard';
  /** In the order Vega-Lite draws them (the colour domain). */
  series: NativeSeries[];
  /** Value labels shown on the chart (the spec has a text layer). */
  showValues: boolean;
  /** Excel number format with the data's decimals, e.g. `#,##0.00`. */
  numberFormat: string;
  /** `#rrggbb` per series, or per data point when `pointColors` (and for pies). */
  colors: string[];
  /** Colour per data point (one series coloured by category, or a pie). */
  pointColors?: boolean;
  /** Legend position, or undefined for no legend. */
  legend?: 'b' | 't' | 'l' | 'r';
  /** Lines: draw a marker on each point. */
  markers: boolean;
  /** Value axis: minimum, maximum and label format taken from the spec. */
  valueAxis?: { min?: number; max?: number; formatCode?: string };
}

/** Qualifier words by fact id (`{ 'exports-2024': 'over' }`), for rows whose `fact` column names a qualified fact. */
export type QualifierWords = Record<string, string>;

type Json = Record<string, unknown>;
type Channel = {
  field?: string;
  type?: string;
  stack?: unknown;
  aggregate?: unknown;
  timeUnit?: unknown;
  bin?: unknown;
  sort?: unknown;
  scale?: Json | null;
  axis?: Json | null;
  legend?: Json | null;
  format?: unknown;
  formatType?: unknown;
  value?: unknown;
};

/** Above this many points a line has no markers: they would merge into a thick band. */
export const MAX_MARKED_POINTS = 40;

const markType = (m: unknown): string | undefined => (typeof m === 'string' ? m : typeof (m as Json | undefined)?.['type'] === 'string' ? String((m as Json)['type']) : undefined);
const isHex = (c: unknown): c is string => typeof c === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(c);
const longHex = (c: string) => (c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c).toLowerCase();

/** Only for a chart without a series precision: the JS numbers have lost trailing zeros. */
function decimalsOf(values: number[]): number {
  return Math.min(4, Math.max(0, ...values.map((v) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0)))));
}

export function excelFormat(d: number): string {
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/**
 * A d3-format specifier → an Excel number format code, or undefined when
 * Excel cannot say the same thing. `values` are the numbers it will format
 * (SI prefixes are only exact below 1,000, where d3 adds no prefix).
 * `~` (trim trailing zeros) has no Excel equivalent. On an axis spanning
 * 10 or more (`axisSpan`) every tick is a whole number, so trimming leaves
 * none: the integer format is exact. Otherwise `General` trims but does not
 * group thousands: used only when no value reaches 1,000.
 */
export function d3ToExcelFormat(specifier: string, values: number[], axisSpan?: number): string | undefined {
  const m = /^([,]?)(?:\.(\d+))?(~?)([fd%se]?)$/.exec(specifier);
  if (!m) return undefined;
  const [, comma, precision, trim, type] = m;
  const p = precision === undefined ? undefined : Number(precision);
  const int = comma ? '#,##0' : '0';
  const maxAbs = Math.max(0, ...values.map((v) => Math.abs(v)));
  const fixed = (d: number) => (d === 0 ? int : `${int}.${'0'.repeat(d)}`);
  const trimmed = (d: number) => (d === 0 || (axisSpan ?? 0) >= 10 ? int : !comma || maxAbs < 1000 ? 'General' : undefined);
  switch (type) {
    case 'f':
      return trim ? trimmed(p ?? 6) : fixed(p ?? 6);
    case 'd':
      return int;
    case '%':
      return trim ? (p ? undefined : `${int}%`) : `${fixed(p ?? 6)}%`;
    case 'e':
      return trim ? undefined : `0${p ? `.${'0'.repeat(p)}` : ''}E+00`;
    case 's': {
      // Below 1,000 and at 1 or more, d3 writes no SI prefix: p significant digits.
      if (maxAbs >= 1000 || values.some((v) => v !== 0 && Math.abs(v) < 1)) return undefined;
      const d = Math.max(0, (p ?? 6) - (maxAbs >= 100 ? 3 : maxAbs >= 10 ? 2 : 1));
      return trim ? trimmed(d) : fixed(d);
    }
    default:
      // No type: d3's default shortest representation; only `,` alone is close to Excel's grouping.
      return p === undefined && !trim ? (comma ? '#,##0.########' : 'General') : undefined;
  }
}

/** The nice minimum Vega gives a `zero: false` linear scale (d3 `scale.nice()`, 10 ticks). */
export function niceMin(min: number, max: number, count = 10): number {
  if (!(max > min)) return min;
  const raw = (max - min) / count;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const step = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1) * 10 ** power;
  // Round in the step's decimals so 0.1 steps do not give 100.30000000000001.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.floor(min / step) * step).toFixed(digits));
}

/**
 * The order Vega-Lite gives a nominal/ordinal field's values: an explicit
 * `scale.domain`, `sort: null` (data order), an array (that order first),
 * or ascending/descending (the default is ascending). Undefined for sorts
 * by another field or encoding, which a native chart does not reproduce.
 */
function domainOrder(values: string[], ch: Channel | undefined): string[] | undefined {
  const seen = [...new Set(values)];
  const domain = ch?.scale?.['domain'];
  if (Array.isArray(domain)) {
    const d = domain.map(String);
    return [...d.filter((v) => seen.includes(v)), ...seen.filter((v) => !d.includes(v))];
  }
  if (domain !== undefined) return undefined;
  const sort = ch?.sort;
  if (sort === null) return seen;
  if (Array.isArray(sort)) {
    const s = sort.map(String);
    return [...s.filter((v) => seen.includes(v)), ...seen.filter((v) => !s.includes(v))];
  }
  // Vega sorts with `<` on the values (code-unit order), not the locale's collation.
  const asc = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sort === undefined || sort === 'ascending') return asc;
  if (sort === 'descending') return asc.reverse();
  return undefined;
}

/** Anything on a channel that a native chart would silently drop: the chart becomes a picture instead. */
function unsupportedChannel(ch: Channel): boolean {
  if (ch.aggregate || ch.timeUnit || ch.bin || ch.type === 'temporal' || ch.formatType !== undefined) return true;
  const scale = ch.scale ?? {};
  if (scale['type'] !== undefined && scale['type'] !== 'linear' && scale['type'] !== 'band' && scale['type'] !== 'point' && scale['type'] !== 'ordinal') return true;
  if (scale['reverse'] || scale['scheme'] !== undefined || scale['domainMid'] !== undefined) return true;
  const axis = ch.axis ?? {};
  if (axis['labelExpr'] !== undefined || axis['formatType'] !== undefined) return true;
  const legend = ch.legend ?? {};
  if (legend['labelExpr'] !== undefined) return true;
  return false;
}

const legendPos = (ch: Channel | undefined): NativeChart['legend'] => {
  if (ch?.legend === null) return undefined;
  const orient = ch?.legend?.['orient'];
  return orient === 'top' ? 't' : orient === 'left' ? 'l' : orient === 'right' ? 'r' : 'b';
};

/**
 * `decimals`: the series' precision as written (ResolvedChart.decimals); the
 * number format shows exactly that. `qualifiers`: words for qualified facts
 * that rows name in their `fact` column.
 */
/** `theme`: the theme colours' accent and chart colour sequence, for marks the spec leaves uncoloured. */
export function toNativeChart(spec: Json, decimals?: number, qualifiers: QualifierWords = {}, theme: Pick<ThemeColors, 'accent' | 'chartPalette'> = defaultTheme.colors): NativeChart | undefined {
  const formatFor = (values: number[]) => excelFormat(decimals ?? decimalsOf(values));
  if (spec['transform'] || spec['facet'] || spec['concat'] || spec['hconcat'] || spec['vconcat'] || spec['repeat']) return undefined;
  const layers = (spec['layer'] as Json[] | undefined) ?? [spec];
  if (layers.some((l) => l['transform'] || l['layer'])) return undefined;
  const marks = layers.map((l) => markType(l['mark']));
  const mainIndex = marks.findIndex((m) => m === 'bar' || m === 'line' || m === 'area' || m === 'arc' || m === 'point' || m === 'circle');
  if (mainIndex < 0) return undefined;
  // Other layers may only be value labels.
  if (marks.some((m, i) => i !== mainIndex && m !== 'text')) return undefined;
  const main = layers[mainIndex]!;
  const mainMark = (typeof main['mark'] === 'object' ? main['mark'] : {}) as Json;
  const enc = { ...((spec['encoding'] as Json | undefined) ?? {}), ...((main['encoding'] as Json | undefined) ?? {}) } as Record<string, Channel>;
  const textLayer = layers.find((_l, i) => i !== mainIndex && marks[i] === 'text');
  const textChannel = textLayer ? ({ ...((spec['encoding'] as Json | undefined) ?? {}), ...((textLayer['encoding'] as Json | undefined) ?? {}) } as Record<string, Channel>)['text'] : undefined;
  const datasets = spec['datasets'] as Record<string, Json[]> | undefined;
  const dataName = ((spec['data'] as Json | undefined)?.['name'] ?? (main['data'] as Json | undefined)?.['name']) as string | undefined;
  const rows = dataName ? datasets?.[dataName] : undefined;
  if (!rows) return undefined;
  for (const ch of [...Object.values(enc), ...(textChannel ? [textChannel] : [])]) if (ch && unsupportedChannel(ch)) return undefined;

  const mark = marks[mainIndex]!;
  const colorCh = enc['color'];
  const color = colorCh?.field;
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));
  const qualifierOf = (r: Json) => (typeof r['fact'] === 'string' ? qualifiers[r['fact']] : undefined);
  const showValues = textLayer !== undefined;

  // One colour for an uncoloured mark: the spec's, else the theme accent (as vegaLiteConfig does).
  const markColor = mainMark['color'] ?? colorCh?.value ?? theme.accent;
  if (!color && !isHex(markColor)) return undefined;
  const range = colorCh?.scale?.['range'];
  if (range !== undefined && !(Array.isArray(range) && range.every(isHex))) return undefined;
  const palette = ((range as string[] | undefined) ?? [...theme.chartPalette]).map(longHex);
  // Vega's ordinal colour scale cycles through the range.
  const paletteFor = (n: number) => Array.from({ length: n }, (_, i) => palette[i % palette.length]!);

  // Value labels say what the PDF's text layer prints: its d3 format when it
  // has one, the series' precision otherwise. `cells` are the rows behind
  // the values (undefined for a gap), for their qualifiers.
  const labels = (values: number[], cells: (Json | undefined)[]): Pick<NativeSeries, 'numberFormat' | 'pointFormats'> | undefined => {
    const f = textChannel?.format;
    if (f !== undefined && typeof f !== 'string') return undefined;
    const m = typeof f === 'string' ? /^(,?)(?:\.(\d+))?(~?)f$/.exec(f) : undefined;
    let numberFormat: string | undefined;
    let pointDecimals: ((v: number) => number) | undefined;
    if (f === undefined || (m && m[3])) {
      // No format (d3's shortest form) or a trimming one: each value shows its own decimals, up to the series'.
      const d = Math.min(decimals ?? decimalsOf(values), m?.[2] !== undefined ? Number(m[2]) : Infinity);
      numberFormat = excelFormat(d);
      pointDecimals = (v) => Math.min(d, decimalsOf([v]));
    } else numberFormat = d3ToExcelFormat(f, values);
    if (!numberFormat) return undefined;
    const base = numberFormat;
    if (!showValues) return { numberFormat };
    const pointFormats = values.map((v, i) => {
      const cell = cells[i];
      if (!cell) return undefined;
      const q = qualifierOf(cell);
      const own = pointDecimals ? excelFormat(pointDecimals(v)) : base;
      if (!q && own === base) return undefined;
      return `${q ? `"${q.replace(/"/g, '')} "` : ''}${own}`;
    });
    return pointFormats.some(Boolean) ? { numberFormat, pointFormats } : { numberFormat };
  };

  if (mark === 'arc') {
    const theta = enc['theta']?.field;
    if (!theta || !color) return undefined;
    // Slices are stacked in the colour domain's order and coloured by it.
    const order = domainOrder(rows.map((r) => str(r[color])), colorCh);
    if (!order) return undefined;
    const sorted = order.map((c) => rows.find((r) => str(r[color]) === c)!);
    const values = sorted.map((r) => num(r[theta]));
    const fmt = labels(values, sorted);
    if (!fmt) return undefined;
    const numberFormat = fmt.numberFormat;
    const donut = typeof mainMark['innerRadius'] === 'number';
    const series: NativeSeries = { name: theta, labels: order, values, ...fmt };
    const chart: NativeChart = { kind: donut ? 'doughnut' : 'pie', direction: 'col', grouping: 'standard', series: [series], showValues, numberFormat, colors: paletteFor(order.length), pointColors: true, markers: false };
    const legend = legendPos(colorCh);
    if (legend) chart.legend = legend;
    return chart;
  }

  const x = enc['x'];
  const y = enc['y'];
  if (!x?.field || !y?.field) return undefined;
  if (mark === 'point' || mark === 'circle') {
    if (x.type !== 'quantitative' || y.type !== 'quantitative' || color) return undefined;
    const xs = rows.map((r) => num(r[x.field!]));
    const ys = rows.map((r) => num(r[y.field!]));
    const numberFormat = formatFor(ys);
    return { kind: 'scatter', direction: 'col', grouping: 'standard', series: [{ name: x.field, labels: [], values: xs, numberFormat }, { name: y.field, labels: [], values: ys, numberFormat }], showValues: false, numberFormat, colors: [longHex(markColor as string)], markers: true };
  }
  const horizontal = x.type === 'quantitative' && y.type !== 'quantitative';
  const category = horizontal ? y : x;
  const value = horizontal ? x : y;
  if (value.type !== 'quantitative' || category.type === 'quantitative') return undefined;
  const categories = domainOrder(rows.map((r) => str(r[category.field!])), category);
  if (!categories) return undefined;
  let series: NativeSeries[];
  let colors: string[];
  let pointColors = false;
  // The first row of each category (and colour group): one pass, not a search per cell (a long series has thousands).
  const firstRow = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const k = color ? `${str(r[category.field!])}\u0000${str(r[color])}` : str(r[category.field!]);
    if (!firstRow.has(k)) firstRow.set(k, r);
    if (color && !firstRow.has(str(r[category.field!]))) firstRow.set(str(r[category.field!]), r);
  }
  const rowAt = (c: string, g?: string) => firstRow.get(g === undefined ? c : `${c}\u0000${g}`);
  if (color && color !== category.field) {
    const groups = domainOrder(rows.map((r) => str(r[color])), colorCh);
    if (!groups) return undefined;
    series = [];
    for (const g of groups) {
      const cells = categories.map((c) => rowAt(c, g));
      // A gap is 0, hidden by the label format's empty zero section.
      const values = cells.map((row) => (row ? num(row[value.field!]) : 0));
      const fmt = labels(values, cells);
      if (!fmt) return undefined;
      series.push({ name: g, labels: categories, values, ...fmt });
    }
    colors = paletteFor(groups.length);
  } else {
    const cells = categories.map((c) => rowAt(c)!);
    const values = cells.map((row) => num(row[value.field!]));
    const fmt = labels(values, cells);
    if (!fmt) return undefined;
    series = [{ name: value.field!, labels: categories, values, ...fmt }];
    if (color === category.field) {
      // Coloured by category: each bar takes its category's place in the colour domain.
      const domain = domainOrder(rows.map((r) => str(r[category.field!])), colorCh);
      if (!domain) return undefined;
      pointColors = true;
      colors = categories.map((c) => palette[domain.indexOf(c) % palette.length]!);
    } else {
      colors = [longHex(markColor as string)];
    }
  }

  const valueAxis: NonNullable<NativeChart['valueAxis']> = {};
  const all = series.flatMap((s) => s.values);
  const scale = value.scale ?? {};
  const domain = scale['domain'];
  if (Array.isArray(domain)) {
    if (domain.length !== 2 || !domain.every((d) => typeof d === 'number')) return undefined;
    valueAxis.min = domain[0] as number;
    valueAxis.max = domain[1] as number;
  } else if (domain !== undefined) return undefined;
  else if (scale['zero'] === false && scale['nice'] !== false) valueAxis.min = niceMin(Math.min(...all), Math.max(...all));
  else if (scale['zero'] === false) valueAxis.min = Math.min(...all);
  const axisFormat = value.axis?.['format'];
  if (axisFormat !== undefined) {
    const lo = valueAxis.min ?? Math.min(0, ...all);
    const hi = valueAxis.max ?? Math.max(0, ...all);
    const code = typeof axisFormat === 'string' ? d3ToExcelFormat(axisFormat, [...all, lo], hi - lo) : undefined;
    if (!code) return undefined;
    valueAxis.formatCode = code;
  }

  // Vega-Lite stacks coloured bars and areas unless an offset channel groups them.
  const grouped = enc['xOffset'] !== undefined || enc['yOffset'] !== undefined;
  const stacked = series.length > 1 && mark !== 'line' && !grouped && value.stack !== null && value.stack !== false;
  // Vega-Lite draws points on a line only when asked (`point: true` or an object).
  const pointsAsked = mainMark['point'] !== undefined && mainMark['point'] !== false && mainMark['point'] !== 'transparent';
  const chart: NativeChart = {
    kind: mark === 'line' ? 'line' : mark === 'area' ? 'area' : 'bar',
    direction: horizontal ? 'bar' : 'col',
    grouping: stacked ? 'stacked' : mark === 'bar' ? 'clustered' : 'standard',
    series,
    showValues,
    numberFormat: series[0]!.numberFormat,
    colors,
    markers: mark === 'line' && pointsAsked && categories.length <= MAX_MARKED_POINTS,
  };
  if (pointColors) chart.pointColors = true;
  const legend = series.length > 1 ? legendPos(colorCh) : undefined;
  if (legend) chart.legend = legend;
  if (Object.keys(valueAxis).length > 0) chart.valueAxis = valueAxis;
  return chart;
}
