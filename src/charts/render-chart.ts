// Stage 4 (charts): a chart node's Vega-Lite spec → SVG, rendered by Vega in
// Node with text measured by the theme's font, not Vega's length guess, and
// with a loader that refuses every file and URL.
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { DrawnDatum, RenderedChart } from '../document/nodes.js';
import type { Locale } from '../format/locale.js';
import { fontSetForFamily, styleFor } from '../theme/fonts.js';
import { defaultTheme, type Theme } from '../theme/theme.js';
import { legendColumnPaddingPx, vegaLiteConfig, vegaLocale, type LegendLayout } from './vega-config.js';
import { LRUCache } from 'lru-cache';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let modules: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

/** Vega and Vega-Lite are the slowest modules to load; only a build with charts pays for them. */
function loadVega(): Promise<{ vega: Vega; vl: VegaLite }> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    // Vega calls a user-defined width function when one is set (as vl-convert does).
    // (`textMetrics` is exported at run time but missing from vega's typings.)
    const metrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;
    metrics.width = (item: { font?: string; fontSize?: number; fontWeight?: string | number; fontStyle?: string }, text: string) =>
      fontSetForFamily(item.font).measure(String(text ?? ''), styleFor(item.fontWeight, item.fontStyle === 'italic'), item.fontSize ?? 11);
    return { vega, vl };
  });
  return modules;
}

function refusingLoader(vega: Vega) {
  const refuse = async (uri: string) => {
    throw new Error(`briefdeck charts do not load external data (${uri})`);
  };
  const base = vega.loader();
  return { ...base, load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

const legendChannels = ['color', 'fill', 'stroke', 'shape'];

/** Fields that a spec (any layer) draws a symbol legend for; `side` is set when a legend is put beside the chart. */
function legendFields(node: unknown, out: Set<string>, side: { found: boolean } = { found: false }): Set<string> {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const n of node) legendFields(n, out);
    return out;
  }
  const o = node as Record<string, unknown>;
  const enc = o['encoding'] as Record<string, { field?: unknown; type?: unknown; legend?: unknown }> | undefined;
  for (const ch of legendChannels) {
    const def = enc?.[ch];
    if (def && typeof def.field === 'string' && def.type !== 'quantitative' && def.legend !== null) {
      out.add(def.field);
      const orient = (def.legend as { orient?: unknown } | undefined)?.orient;
      if (orient === 'left' || orient === 'right') side.found = true;
    }
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'datasets' && k !== 'encoding') legendFields(v, out, side);
  return out;
}

/**
 * A bottom legend in as many columns as its widest entry allows, so it
 * wraps onto more rows instead of running past the chart's edge (Vega lays
 * a legend out in one row otherwise, and the SVG cuts what does not fit).
 * Entries are the legend fields' values in the inlined rows.
 */
export function legendLayout(spec: Record<string, unknown>, theme: Theme): LegendLayout | undefined {
  const side = { found: false };
  const fields = legendFields(spec, new Set(), side);
  if (fields.size === 0) return undefined;
  const labels = new Set<string>();
  const datasets = Object.values((spec['datasets'] ?? {}) as Record<string, Record<string, unknown>[]>);
  for (const rows of datasets) for (const row of rows) for (const f of fields) if (row[f] !== undefined && row[f] !== null) labels.add(String(row[f]));
  const size = theme.sizePt.chartText;
  const widest = Math.max(0, ...[...labels].map((l) => theme.fonts.measure(l, 'regular', size)));
  // Vega's default symbol (size 100: 10 px wide, 1.5 px stroke) and its 4 px label offset.
  const symbolPx = 16;
  const availablePx = theme.chart.widthPx - 2 * 4 - 2;
  const columns = Math.max(1, Math.min(labels.size || 1, Math.floor((availablePx + legendColumnPaddingPx) / (widest + symbolPx + legendColumnPaddingPx))));
  // A label longer than the whole chart is shortened, never drawn past its edge.
  // A legend the spec puts beside the chart stays one column, as the author laid it out.
  return { columns: side.found ? 1 : columns, labelLimit: availablePx - symbolPx };
}

interface SceneNode {
  items?: SceneNode[];
  marktype?: string;
  name?: string;
  role?: string;
  datum?: Record<string, unknown>;
  text?: unknown;
  x?: number;
  y?: number;
  limit?: number;
  align?: string;
  font?: string;
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
  bounds?: { x1: number; x2: number; y1: number; y2: number };
}

/** The text Vega draws for an item: cut to its `limit` with an ellipsis, as its renderers do. */
function drawnText(n: SceneNode, text: string, measure: Theme['fonts']['measure']): string {
  if (!n.limit || n.limit <= 0) return text;
  const style = styleFor(n.fontWeight, n.fontStyle === 'italic');
  const sizePx = n.fontSize ?? 11;
  if (measure(text, style, sizePx) <= n.limit) return text;
  let cut = text.length;
  while (cut > 0 && measure(`${text.slice(0, cut)}…`, style, sizePx) > n.limit) cut--;
  return `${text.slice(0, cut)}…`;
}

/**
 * Text as drawn: shortened labels as shortened, and text that lies outside
 * the chart's box (which the SVG's edge cuts off) left out, so a check on
 * `labels` sees what a reader sees.
 */
function collectLabels(node: SceneNode | undefined, out: string[], box: { w: number; h: number }, measure: Theme['fonts']['measure'], dx = 0, dy = 0): void {
  if (!node || typeof node !== 'object') return;
  if (node.text !== undefined && node.text !== null && node.text !== '') {
    const text = Array.isArray(node.text) ? node.text.join(' ') : String(node.text);
    const drawn = drawnText(node, text, measure);
    // Vega's bounds measure the whole text, not the shortened one it draws.
    const cutPx = drawn === text ? 0 : measure(text, styleFor(node.fontWeight, node.fontStyle === 'italic'), node.fontSize ?? 11) - measure(drawn, styleFor(node.fontWeight, node.fontStyle === 'italic'), node.fontSize ?? 11);
    const b = node.bounds && (node.align === 'right' ? { ...node.bounds, x1: node.bounds.x1 + cutPx } : node.align === 'center' ? { ...node.bounds, x1: node.bounds.x1 + cutPx / 2, x2: node.bounds.x2 - cutPx / 2 } : { ...node.bounds, x2: node.bounds.x2 - cutPx });
    const inside = !b || (b.x1 + dx >= -0.5 && b.x2 + dx <= box.w + 0.5 && b.y1 + dy >= -0.5 && b.y2 + dy <= box.h + 0.5);
    if (inside) out.push(drawn);
  }
  // A group item's children are placed relative to the group.
  const isGroupItem = node.marktype === undefined && node.items !== undefined && node.x !== undefined;
  const ox = isGroupItem ? dx + (node.x ?? 0) : dx;
  const oy = isGroupItem ? dy + (node.y ?? 0) : dy;
  for (const item of node.items ?? []) collectLabels(item, out, box, measure, ox, oy);
}

/** The marks that draw data (not text, axes or legends), as Vega names them. */
const dataMarkTypes = new Set(['rect', 'arc', 'line', 'area', 'symbol', 'rule']);

function findDataMark(node: SceneNode | undefined): SceneNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (node.role === 'mark' && node.marktype && dataMarkTypes.has(node.marktype) && node.items?.length) return node;
  for (const item of node.items ?? []) {
    const found = findDataMark(item);
    if (found) return found;
  }
  return undefined;
}

function collectMarkData(node: SceneNode | undefined, name: string, out: DrawnDatum[]): void {
  if (!node || typeof node !== 'object') return;
  if (node.role === 'mark' && node.name === name) {
    for (const item of node.items ?? []) {
      if (!item.datum) continue;
      // Plain values only (the cache stores them as JSON); a temporal field is a Date by now.
      const d: DrawnDatum = {};
      for (const [k, v] of Object.entries(item.datum)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) d[k] = v;
        else if (v instanceof Date) d[k] = v.toISOString();
      }
      out.push(d);
    }
    return;
  }
  for (const item of node.items ?? []) collectMarkData(item, name, out);
}

/**
 * The data of the first data-drawing mark, as drawn: after the spec's
 * transforms (a calculated label is there), one datum per bar, point or
 * slice, across all series (a line chart draws one mark per series, all of one name).
 */
function drawnData(root: SceneNode): RenderedChart['drawn'] {
  const mark = findDataMark(root);
  if (!mark?.name) return undefined;
  const data: DrawnDatum[] = [];
  collectMarkData(root, mark.name, data);
  return { marktype: mark.marktype!, data };
}

type VgSpec = { data?: { name?: string; values?: unknown }[] } & Record<string, unknown>;
/** What vega.parse makes of a spec: the dataflow's operators, as JSON. */
type VgRuntime = ReturnType<Vega['parse']>;
type CompileMessage = { rule: 'chart/compile-failed' | 'chart/vega-warning'; detail: string };
interface Compiled {
  /** Vega's spec; none if Vega-Lite could not compile. */
  vgSpec?: VgSpec;
  messages: CompileMessage[];
  /** Vega's dataflow for `vgSpec` (vega.parse, or a copy of the shape's, parsed once, with this chart's rows). */
  runtime?: (vega: Vega) => VgRuntime;
}

/** How many specs vega.parse has parsed (tests: charts of one shape are parsed once). */
export const vegaParses = { count: 0 };

function vegaParse(vega: Vega, spec: VgSpec): VgRuntime {
  vegaParses.count++;
  return vega.parse(spec as never);
}

/**
 * A shape's dataflow, parsed once. vega-parser puts each dataset's inline
 * rows, as given, into one `collect` operator's `$ingest` (vega-runtime
 * ingests them there with the dataset's format, as it does inline values);
 * an empty array of each dataset's own marks its operator. Null when that
 * does not hold for every dataset: such a shape is parsed for every chart.
 */
interface ParsedShape {
  runtime: VgRuntime;
  ingest: [name: string, operator: number][];
}

function parseShape(vega: Vega, vgSpec: VgSpec, names: readonly string[]): ParsedShape | null {
  const markers = new Map(names.map((n) => [n, [] as unknown[]]));
  const runtime = vegaParse(vega, { ...vgSpec, data: vgSpec.data!.map((d) => (d.name !== undefined && markers.has(d.name) ? { ...d, values: markers.get(d.name) } : d)) });
  const operators = (runtime as unknown as { operators: { value?: { $ingest?: unknown } }[] }).operators;
  const ingest: [string, number][] = [];
  for (const [name, marker] of markers) {
    const at = operators.flatMap((op, i) => (op.value?.$ingest === marker ? [i] : []));
    if (at.length !== 1) return null;
    ingest.push([name, at[0]!]);
  }
  return { runtime, ingest };
}

/** A copy of the shape's dataflow (a View may change what it is given) with this chart's rows. */
function withRows(parsed: ParsedShape, rows: Record<string, unknown>): VgRuntime {
  const runtime = structuredClone(parsed.runtime);
  const operators = (runtime as unknown as { operators: { value: { $ingest: unknown } }[] }).operators;
  for (const [name, i] of parsed.ingest) operators[i]!.value.$ingest = rows[name];
  return runtime;
}

/**
 * Vega-Lite's output for a spec with its named datasets emptied, by that
 * spec and the config: charts of one shape (the same chart of every
 * dataset in a batch, a rebuild after an edited figure) compile once, and
 * each gets its own rows put back. Vega-Lite copies named datasets into
 * Vega's top-level `data` as they are (it never reads the rows); a spec
 * where that does not hold is compiled whole, every time.
 */
const compiledShapes = new LRUCache<string, Compiled & { shared: boolean; parsed?: ParsedShape | null }>({ max: 128 });

/** `ownAutosize`: the spec sets `autosize` itself (not our default `fit-x`). */
function compileWith(vl: VegaLite, spec: Record<string, unknown>, config: unknown, ownAutosize: boolean): Compiled {
  const messages: CompileMessage[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => messages.push({ rule: 'chart/compile-failed', detail: m.join(' ') }) && logger,
    warn: (...m: unknown[]) => {
      // Vega-Lite warns about the "fit-y" half of our default `fit-x` even though
      // it asked for none; only a spec's own autosize deserves the warning.
      if (!ownAutosize && /^Dropping "fit-y"/.test(String(m[0]))) return logger;
      messages.push({ rule: 'chart/vega-warning', detail: m.join(' ') });
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  try {
    return { vgSpec: vl.compile(spec as never, { config: config as never, logger: logger as never }).spec as VgSpec, messages };
  } catch (e) {
    return { messages: [...messages, { rule: 'chart/compile-failed', detail: (e as Error).message }] };
  }
}

function compileShared(vl: VegaLite, sized: Record<string, unknown>, config: unknown, ownAutosize: boolean): Compiled {
  const datasets = sized['datasets'];
  if (!datasets || typeof datasets !== 'object' || Array.isArray(datasets)) return compileWith(vl, sized, config, ownAutosize);
  const rows = datasets as Record<string, unknown>;
  const names = Object.keys(rows);
  const shape = { ...sized, datasets: Object.fromEntries(names.map((n) => [n, []])) };
  const key = JSON.stringify([shape, config, ownAutosize]);
  let entry = compiledShapes.get(key);
  if (!entry) {
    const c = compileWith(vl, shape, config, ownAutosize);
    const data = c.vgSpec?.data ?? [];
    // Each dataset is one top-level entry of Vega's data, holding its rows as given.
    const shared = names.every((n) => data.filter((d) => d.name === n && Array.isArray(d.values)).length === 1);
    entry = { ...c, shared };
    compiledShapes.set(key, entry);
  }
  if (!entry.shared) return compileWith(vl, sized, config, ownAutosize);
  if (!entry.vgSpec) return entry;
  const vgSpec: VgSpec = { ...entry.vgSpec, data: entry.vgSpec.data!.map((d) => (d.name !== undefined && Object.hasOwn(rows, d.name) ? { ...d, values: rows[d.name] } : d)) };
  const compiled = entry;
  const runtime = (vega: Vega) => {
    if (compiled.parsed === undefined) compiled.parsed = parseShape(vega, compiled.vgSpec!, names);
    return compiled.parsed ? withRows(compiled.parsed, rows) : vegaParse(vega, vgSpec);
  };
  return { vgSpec, messages: entry.messages, runtime };
}

/**
 * Compile the spec with Vega-Lite and, unless `mode` is `compile`, run it in
 * Vega and draw it as SVG. `compile` gives Vega-Lite's errors and warnings
 * only (no value), for a chart nothing will draw (a deck's native chart).
 * `theme`: the brand's colours, font and chart size.
 */
export async function renderChart(spec: Record<string, unknown>, locale: Locale, at: Position, mode: 'draw' | 'compile' = 'draw', theme: Theme = defaultTheme): Promise<Result<RenderedChart | undefined>> {
  const { vega, vl } = await loadVega();
  const diagnostics: Diagnostic[] = [];
  // The whole chart (labels and legend too) fits the text width, so chart text
  // keeps its size instead of being scaled down with a wide chart.
  const sized = { width: theme.chart.widthPx, height: theme.chart.heightPx, autosize: { type: 'fit-x', contains: 'padding' }, ...spec };
  const compiled = compileShared(vl, sized, vegaLiteConfig(theme, legendLayout(spec, theme)), spec['autosize'] !== undefined);
  for (const m of compiled.messages) diagnostics.push(report(m.rule, at, { detail: m.detail }));
  const vgSpec = compiled.vgSpec;
  if (!vgSpec || mode === 'compile') return { value: undefined, diagnostics };
  try {
    const viewLogger = {
      level: () => viewLogger,
      error: (...m: unknown[]) => diagnostics.push(report('chart/compile-failed', at, { detail: m.join(' ') })) && viewLogger,
      // Vega reports a refused load as a warning and draws an empty chart: make it an error.
      warn: (...m: unknown[]) => diagnostics.push(report(String(m[0]).startsWith('Loading failed') ? 'chart/render-failed' : 'chart/vega-warning', at, { detail: m.map(String).join(' ') })) && viewLogger,
      info: () => viewLogger,
      debug: () => viewLogger,
    };
    const view = new vega.View(compiled.runtime ? compiled.runtime(vega) : vegaParse(vega, vgSpec), { renderer: 'none', loader: refusingLoader(vega) as never, locale: vegaLocale(locale) as never, logger: viewLogger as never, logLevel: vega.Warn });
    const svg = await view.toSVG();
    const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    const widthPx = Number(m?.[1] ?? theme.chart.widthPx);
    const heightPx = Number(m?.[2] ?? theme.chart.heightPx);
    // The SVG draws the scene translated by the view's padding and origin.
    const v = view as unknown as { origin(): [number, number]; padding(): { left: number; top: number } };
    const [ox, oy] = v.origin();
    const pad = v.padding();
    const labels: string[] = [];
    const root = (view.scenegraph() as unknown as { root: SceneNode }).root;
    collectLabels(root, labels, { w: widthPx, h: heightPx }, (t, st, sz) => theme.fonts.measure(t, st, sz), ox + (pad.left ?? 0), oy + (pad.top ?? 0));
    const drawn = drawnData(root);
    view.finalize();
    return { value: { svg, widthPx, heightPx, labels, ...(drawn ? { drawn } : {}) }, diagnostics };
  } catch (e) {
    diagnostics.push(report('chart/render-failed', at, { detail: (e as Error).message }));
    return { value: undefined, diagnostics };
  }
}
