// A line of thousands of points cannot be drawn usefully at page
// resolution: a chart 500 points wide shows at most a few hundred distinct
// x positions, and every extra point costs Vega time and the PDF bytes.
// Such a line is drawn from a subset chosen by largest-triangle-three-
// buckets (the `downsample` package), which keeps the peaks and troughs
// a reader looks for. Only the drawing changes: the chart node keeps every
// row in `spec` (the deck's native chart embeds them all, and tables and
// checks read them), and the chart says what was drawn (`Chart.drawn`).
//
// Only a single line, with its rows in drawing order, is thinned: a spec
// with transforms, layers or several series is drawn as it is. Its x axis
// gets a few evenly spread labels, too: Vega would otherwise measure every
// one of thousands of labels only to drop most of them as overlapping.
import downsample from 'downsample';

/** Points a line is drawn with at most (about twice the text width in points). */
export const maxDrawnPoints = 600;

/** More labels than this along an ordinal x axis are thinned to about `axisLabels` (Vega would measure every one to drop most). */
const crowdedAxis = 24;
const axisLabels = 8;

export interface DrawingSpec {
  spec: Record<string, unknown>;
  /** Rows drawn, and rows in the series. */
  drawn: number;
  total: number;
}

type Json = Record<string, unknown>;

/** Where a row sits along x: its place in drawing order, or its time or number on a continuous axis. */
type XOf = (row: Json, index: number) => number;

const lttb = (rows: Json[], x: XOf, n: number): Json[] => downsample.createLTTB<Json>({ x, y: (p: Json) => Number(p['value']) })(rows, n) as Json[];

function isLine(mark: unknown): boolean {
  return mark === 'line' || (typeof mark === 'object' && mark !== null && (mark as Json)['type'] === 'line');
}

/** `n` labels evenly spread over `rows` (first and last included). */
function spreadLabels(rows: readonly Json[], field: string, n: number): unknown[] {
  const step = (rows.length - 1) / (n - 1);
  return [...new Set(Array.from({ length: n }, (_, i) => rows[Math.round(i * step)]![field]))];
}

/**
 * The spec to draw in place of `spec`, or undefined to draw `spec` itself.
 * For a single line of series `seriesId` (its y the `value` column) over
 * more than `crowdedAxis` rows: about `axisLabels` labels along an ordinal
 * x, and past `maxDrawnPoints` rows, the points thinned.
 */
export function drawingSpec(spec: Json, seriesId: string): DrawingSpec | undefined {
  if (!isLine(spec['mark']) || spec['layer'] || spec['transform'] || spec['facet'] || spec['repeat']) return undefined;
  const encoding = spec['encoding'] as Json | undefined;
  const x = encoding?.['x'] as Json | undefined;
  const y = encoding?.['y'] as Json | undefined;
  if (!encoding || !x || !y || encoding['color'] || encoding['detail'] || typeof x['field'] !== 'string' || y['field'] !== 'value' || y['aggregate'] || x['aggregate'] || x['timeUnit'] || x['bin']) return undefined;
  const datasets = spec['datasets'] as Record<string, Json[]> | undefined;
  const given = datasets?.[seriesId];
  if (!given || given.length <= crowdedAxis || !given.every((r) => Number.isFinite(Number(r['value'])))) return undefined;
  const ordered = inDrawingOrder(given, x);
  if (!ordered) return undefined;
  const { rows, xOf } = ordered;
  const thin = rows.length > maxDrawnPoints;
  const kept = thin ? lttb(rows, xOf, maxDrawnPoints) : rows;
  // Markers on hundreds of points only blot the line.
  const mark = !thin ? spec['mark'] : typeof spec['mark'] === 'object' ? { ...(spec['mark'] as Json), point: false } : { type: 'line', point: false };
  // A continuous axis has a few ticks already; an ordinal one would label every row.
  const xDrawn = x['type'] === 'ordinal' ? { ...x, axis: { ...((x['axis'] as Json | undefined) ?? {}), values: spreadLabels(kept, x['field'], axisLabels) } } : x;
  if (!thin && xDrawn === x) return undefined;
  return { spec: { ...spec, mark, encoding: { ...encoding, x: xDrawn }, datasets: { ...datasets, [seriesId]: kept } }, drawn: kept.length, total: rows.length };
}

/**
 * The rows in the order the line is drawn through them, and their x: as
 * given (`sort: null`), or ascending as Vega sorts an ordinal axis by
 * default, or by time or number on a continuous axis. Undefined for any
 * other order (a sort by another field), which is left to Vega.
 */
function inDrawingOrder(rows: readonly Json[], x: Json): { rows: Json[]; xOf: XOf } | undefined {
  const field = x['field'] as string;
  const byIndex: XOf = (_r, i) => i;
  if (x['type'] === 'ordinal' && x['sort'] === null) return { rows: [...rows], xOf: byIndex };
  if (x['type'] === 'ordinal' && (x['sort'] === undefined || x['sort'] === 'ascending')) {
    // Vega's ascending order for an ordinal domain: numbers by value, anything else as strings.
    const key = (r: Json) => r[field] as string | number;
    return { rows: [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)), xOf: byIndex };
  }
  if ((x['type'] === 'temporal' || x['type'] === 'quantitative') && x['sort'] === undefined) {
    const at = (r: Json) => (x['type'] === 'temporal' ? Date.parse(String(r[field])) : Number(r[field]));
    if (!rows.every((r) => Number.isFinite(at(r)))) return undefined;
    return { rows: [...rows].sort((a, b) => at(a) - at(b)), xOf: (r) => at(r) };
  }
  return undefined;
}
