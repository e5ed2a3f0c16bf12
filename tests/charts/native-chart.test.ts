// toNativeChart: the native chart says what Vega-Lite draws from the same
// spec (issue 9): legends, colours, order, axis minimum and formats, label
// formats and markers, and a picture when PowerPoint cannot say the same.
import { describe, expect, it } from 'vitest';
import { d3ToExcelFormat, niceMin, toNativeChart } from '../../src/charts/native-chart.js';
import { defaultTheme as theme } from '../../src/theme/theme.js';

type Json = Record<string, unknown>;
const palette = theme.colors.chartPalette.map((c) => c.toLowerCase());
const withData = (spec: Json, rows: Json[]) => ({ data: { name: 's' }, datasets: { s: rows }, ...spec });

const products = [
  { product: 'Zinc', value: 380.25 },
  { product: 'Copper', value: 1210 },
  { product: 'Fishmeal', value: 655 },
];
const pie = (color: Json, mark: Json = { type: 'arc' }) => withData({ mark, encoding: { theta: { field: 'value', type: 'quantitative' }, color: { field: 'product', type: 'nominal', ...color } } }, products);

describe('pies and doughnuts', () => {
  it('have a legend, with slices in the spec order (sort: null = data order) and palette colours in that order', () => {
    const c = toNativeChart(pie({ sort: null }), 2)!;
    expect(c.kind).toBe('pie');
    expect(c.legend).toBe('b');
    expect(c.series[0]!.labels).toEqual(['Zinc', 'Copper', 'Fishmeal']);
    expect(c.series[0]!.values).toEqual([380.25, 1210, 655]);
    expect(c.colors).toEqual(palette.slice(0, 3));
    expect(toNativeChart(pie({ sort: null }, { type: 'arc', innerRadius: 50 }), 2)!.legend).toBe('b');
  });

  it('sort slices as Vega-Lite does by default (ascending), or by an explicit scale domain', () => {
    expect(toNativeChart(pie({}), 2)!.series[0]!.labels).toEqual(['Copper', 'Fishmeal', 'Zinc']);
    expect(toNativeChart(pie({}), 2)!.series[0]!.values).toEqual([1210, 655, 380.25]);
    expect(toNativeChart(pie({ sort: 'descending' }), 2)!.series[0]!.labels).toEqual(['Zinc', 'Fishmeal', 'Copper']);
    expect(toNativeChart(pie({ scale: { domain: ['Fishmeal', 'Zinc', 'Copper'] } }), 2)!.series[0]!.labels).toEqual(['Fishmeal', 'Zinc', 'Copper']);
  });

  it('keep the legend out when the spec has none', () => {
    expect(toNativeChart(pie({ legend: null }), 2)!.legend).toBeUndefined();
  });
});

const ports = [
  { port: 'Callao', value: 2873.1 },
  { port: 'Paita', value: 412 },
  { port: 'Chancay', value: 655.75 },
];
const bars = (mark: Json, color?: Json) => withData({ mark, encoding: { x: { field: 'port', type: 'nominal', sort: null }, y: { field: 'value', type: 'quantitative' }, ...(color ? { color } : {}) } }, ports);

describe('bar colours', () => {
  it('a single series takes the mark colour, else the theme accent: one colour, not one per bar', () => {
    const red = toNativeChart(bars({ type: 'bar', color: '#c0392b' }), 2)!;
    expect(red.colors).toEqual(['#c0392b']);
    expect(red.pointColors).toBeUndefined();
    expect(red.legend).toBeUndefined();
    expect(toNativeChart(bars({ type: 'bar' }), 2)!.colors).toEqual([theme.colors.accent]);
  });

  it('coloured by its own category, each bar takes the palette colour of its place in the colour domain', () => {
    const c = toNativeChart(bars({ type: 'bar' }, { field: 'port', type: 'nominal' }), 2)!;
    expect(c.pointColors).toBe(true);
    // Categories stay in x order (sort: null); colours follow the colour domain (ascending).
    expect(c.series[0]!.labels).toEqual(['Callao', 'Paita', 'Chancay']);
    expect(c.colors).toEqual([palette[0], palette[2], palette[1]]);
  });
});

const flows = [
  { year: '2023', flow: 'imports', value: 1 },
  { year: '2023', flow: 'exports', value: 2 },
  { year: '2024', flow: 'imports', value: 3 },
  { year: '2024', flow: 'exports', value: 4 },
];
const grouped = (color: Json) => withData({ mark: 'line', encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' }, color: { field: 'flow', type: 'nominal', ...color } } }, flows);

describe('series order', () => {
  it('is the colour domain order Vega-Lite draws: ascending by default, data order with sort: null, or the scale domain', () => {
    expect(toNativeChart(grouped({}), 0)!.series.map((s) => s.name)).toEqual(['exports', 'imports']);
    expect(toNativeChart(grouped({ sort: null }), 0)!.series.map((s) => s.name)).toEqual(['imports', 'exports']);
    expect(toNativeChart(grouped({ scale: { domain: ['imports', 'exports'] } }), 0)!.series.map((s) => s.name)).toEqual(['imports', 'exports']);
    const c = toNativeChart(grouped({}), 0)!;
    expect(c.series[0]!.values).toEqual([2, 4]);
    expect(c.colors).toEqual(palette.slice(0, 2));
    expect(c.legend).toBe('b');
  });

  it('uses an explicit colour range, and becomes a picture for a sort by another field', () => {
    expect(toNativeChart(grouped({ scale: { range: ['#111111', '#222222'] } }), 0)!.colors).toEqual(['#111111', '#222222']);
    expect(toNativeChart(grouped({ sort: { field: 'value' } }), 0)).toBeUndefined();
  });
});

const prices = [101.2, 103.85, 108.4, 110.1, 112.95].map((value, i) => ({ period: String(2020 + i), value }));
const priceLine = (y: Json, mark: Json = { type: 'line', point: true }) => withData({ mark, encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative', ...y } } }, prices);

describe('value axis', () => {
  it('maps zero: false to a nice minimum below the data, as Vega does', () => {
    expect(toNativeChart(priceLine({ scale: { zero: false } }), 2)!.valueAxis).toEqual({ min: 101 });
    expect(toNativeChart(priceLine({}), 2)!.valueAxis).toBeUndefined();
    expect(niceMin(0.83, 0.97)).toBe(0.83);
    expect(niceMin(1234, 1876)).toBe(1200);
  });

  it('maps the axis format to an Excel format code', () => {
    expect(toNativeChart(priceLine({ scale: { zero: false }, axis: { format: '.3~s' } }), 2)!.valueAxis).toEqual({ min: 101, formatCode: '0' });
    expect(toNativeChart(priceLine({ axis: { format: ',.1f' } }), 2)!.valueAxis!.formatCode).toBe('#,##0.0');
    expect(toNativeChart(priceLine({ scale: { domain: [90, 120] } }), 2)!.valueAxis).toEqual({ min: 90, max: 120 });
  });

  it('translates the d3 formats Excel can say, and no others', () => {
    expect(d3ToExcelFormat(',.1f', [1])).toBe('#,##0.0');
    expect(d3ToExcelFormat('.0%', [0.5])).toBe('0%');
    expect(d3ToExcelFormat(',.1%', [0.5])).toBe('#,##0.0%');
    expect(d3ToExcelFormat(',d', [5])).toBe('#,##0');
    expect(d3ToExcelFormat('.2e', [5])).toBe('0.00E+00');
    expect(d3ToExcelFormat('.3~s', [101, 113])).toBe('0');
    expect(d3ToExcelFormat(',.2~f', [100, 200], 200)).toBe('#,##0');
    expect(d3ToExcelFormat(',.2~f', [1.5, 2.25], 1)).toBe('General');
    for (const f of ['$,.2f', '.2s', '+.1f', '08.2f', 'x', '.2~%']) expect(d3ToExcelFormat(f, [1500, 2500], 1000)).toBeUndefined();
  });

  it('falls back to the picture for what PowerPoint cannot say: an untranslatable format, log/sqrt scales, label expressions', () => {
    expect(toNativeChart(priceLine({ axis: { format: '$,.2f' } }), 2)).toBeUndefined();
    expect(toNativeChart(priceLine({ scale: { type: 'log' } }), 2)).toBeUndefined();
    expect(toNativeChart(priceLine({ scale: { type: 'sqrt' } }), 2)).toBeUndefined();
    expect(toNativeChart(priceLine({ axis: { labelExpr: 'datum.label + "%"' } }), 2)).toBeUndefined();
    expect(toNativeChart(grouped({ legend: { labelExpr: 'upper(datum.label)' } }), 0)).toBeUndefined();
  });
});

describe('value labels', () => {
  const trade = [
    { period: '2023', value: 171.9 },
    { period: '2024', value: 200, fact: 'vn-2024' },
  ];
  const labelled = (text: Json) => withData({ encoding: { x: { field: 'period', type: 'nominal', sort: null }, y: { field: 'value', type: 'quantitative' } }, layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'value', type: 'quantitative', ...text } } }] }, trade);

  it('take the series format from its written precision, not from the JS numbers', () => {
    // 1.20 and 1.30 were written with two decimals; the numbers have lost them.
    const c = toNativeChart(withData({ mark: 'bar', encoding: { x: { field: 'p', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } } }, [{ p: 'a', v: 1.2 }, { p: 'b', v: 1.3 }]), 2)!;
    expect(c.series[0]!.numberFormat).toBe('#,##0.00');
  });

  it('keep a value its own decimals under a trimming format, and a qualified value its word', () => {
    const c = toNativeChart(labelled({ format: ',.2~f' }), 2, { 'vn-2024': 'over' })!;
    expect(c.series[0]!.numberFormat).toBe('#,##0.00');
    // 171.9 prints as 171.9 (not 171.90), and 200 as "over 200" (not 200.00).
    expect(c.series[0]!.pointFormats).toEqual(['#,##0.0', '"over "#,##0']);
    const fixed = toNativeChart(labelled({ format: ',.2f' }), 2, { 'vn-2024': 'hơn' })!;
    expect(fixed.series[0]!.pointFormats).toEqual([undefined, '"hơn "#,##0.00']);
  });

  it('do not label the gaps of a coloured series with their own format', () => {
    const rows = [{ year: '2023', flow: 'a', value: 1.5 }, { year: '2024', flow: 'b', value: 2 }];
    const c = toNativeChart(withData({ encoding: { x: { field: 'year', type: 'nominal' }, y: { field: 'value', type: 'quantitative' }, color: { field: 'flow', type: 'nominal' } }, layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'value', type: 'quantitative' } } }] }, rows), 1)!;
    expect(c.series[1]!.values).toEqual([0, 2]);
    expect(c.series[1]!.pointFormats).toEqual([undefined, '#,##0']);
  });
});

describe('line markers', () => {
  const line = (n: number, mark: Json) => withData({ mark, encoding: { x: { field: 'i', type: 'ordinal', sort: null }, y: { field: 'v', type: 'quantitative' } } }, Array.from({ length: n }, (_, i) => ({ i: `p${String(i).padStart(4, '0')}`, v: i })));

  it('are drawn when the spec asks for points, up to 40 points; never on a 2,000-point line', () => {
    expect(toNativeChart(line(12, { type: 'line', point: true }), 0)!.markers).toBe(true);
    expect(toNativeChart(line(2000, { type: 'line', point: true }), 0)!.markers).toBe(false);
    expect(toNativeChart(line(12, { type: 'line' }), 0)!.markers).toBe(false);
  });
});
