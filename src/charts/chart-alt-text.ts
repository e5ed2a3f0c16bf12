// A chart's alternative text, made from its spec and the data it draws:
// kind, title, unit, the span of an ordered axis, the highest and lowest
// values with their labels, how many marks; the spec's `description` after.
// One text for the PDF (Figure /Alt) and the deck (`descr`).
import type { Chart, DrawnDatum } from '../document/nodes.js';
import { chartAltWords, words, type Locale } from '../format/locale.js';
import { formatNumber } from '../format/number.js';

type Json = Record<string, unknown>;
interface Channel {
  field?: string;
  type?: string;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const markType = (m: unknown): string | undefined => (typeof m === 'string' ? m : isObject(m) && typeof m['type'] === 'string' ? m['type'] : undefined);

/** The first layer (or the spec itself) that draws data, with the encoding it inherits. */
function dataLayer(spec: Json): { mark: string; encoding: Record<string, Channel> } | undefined {
  const inherited = isObject(spec['encoding']) ? (spec['encoding'] as Record<string, Channel>) : {};
  const own = markType(spec['mark']);
  if (own && own !== 'text') return { mark: own, encoding: inherited };
  for (const layer of Array.isArray(spec['layer']) ? spec['layer'] : []) {
    if (!isObject(layer)) continue;
    const found = dataLayer({ ...layer, encoding: { ...inherited, ...(isObject(layer['encoding']) ? layer['encoding'] : {}) } });
    if (found) return found;
  }
  return undefined;
}

/** Vega's mark types for marks the spec did not name (a picture's scenegraph). */
const fromMarktype: Record<string, string> = { rect: 'bar', arc: 'arc', line: 'line', area: 'area', symbol: 'point', rule: 'rule' };

function kindOf(mark: string): 'bar' | 'line' | 'area' | 'arc' | 'point' {
  if (mark === 'bar' || mark === 'line' || mark === 'area' || mark === 'arc') return mark;
  return 'point';
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function chartAltText(chart: Chart, locale: Locale): string {
  const w = chartAltWords[locale];
  const spec = chart.spec;
  const layer = dataLayer(spec);
  const drawn = chart.rendered?.drawn;
  const rows: DrawnDatum[] = drawn?.data ?? ((spec['datasets'] as Record<string, DrawnDatum[]> | undefined)?.[chart.seriesId] ?? []);
  const kind = kindOf(layer?.mark ?? fromMarktype[drawn?.marktype ?? ''] ?? 'point');
  const enc = layer?.encoding ?? {};
  // The value is the quantitative position (or the angle); the label, the other position or the colour.
  const valueChannel = (['theta', 'y', 'x'] as const).find((c) => enc[c]?.type === 'quantitative' && enc[c]?.field);
  const value = valueChannel ? enc[valueChannel]!.field! : 'value';
  const other = valueChannel === 'x' ? enc['y'] : valueChannel === 'y' ? enc['x'] : enc['color'];
  const color = enc['color']?.field;
  const labelOf = (d: DrawnDatum): string => {
    const parts: string[] = [];
    // A time axis holds dates; the series' own period label reads better.
    const first = other?.field ? (other.type === 'temporal' ? (text(d['periodLabel']) ?? text(d[other.field])?.slice(0, 10)) : text(d[other.field])) : undefined;
    if (first) parts.push(first);
    const series = color && color !== other?.field ? text(d[color]) : undefined;
    if (series && !parts.some((p) => p.includes(series))) parts.push(series);
    if (!parts.length) {
      const period = text(d['periodLabel']);
      if (period) parts.push(period);
    }
    return parts.join(', ');
  };
  const points = rows.flatMap((d) => (typeof d[value] === 'number' && Number.isFinite(d[value]) ? [{ value: d[value] as number, label: labelOf(d), fact: text(d['fact']) }] : []));
  const shown = (p: { value: number; label: string; fact: string | undefined }) => {
    const qualifier = p.fact ? chart.qualifiers?.[p.fact] : undefined;
    const number = formatNumber(p.value, locale);
    const v = qualifier ? `${qualifier} ${number}` : number;
    return p.label ? `${v} (${p.label})` : v;
  };

  const unitPrefix = `${words[locale]['unit']}: `;
  const unit = chart.unitLine.startsWith(unitPrefix) ? chart.unitLine.slice(unitPrefix.length) : chart.unitLine;
  let head = [w.kinds[kind], chart.title, unit].filter(Boolean).join(', ');
  // An ordered axis (time, or a line through periods) has a span worth saying.
  if (points.length > 1 && (other?.type === 'temporal' || other?.type === 'ordinal' || kind === 'line' || kind === 'area')) {
    const first = points[0]!.label;
    const last = points[points.length - 1]!.label;
    if (first && last && first !== last) head += `, ${w.range(first, last)}`;
  }
  let body = '';
  if (points.length === 1) body = `: ${w.value} ${shown(points[0]!)}`;
  else if (points.length > 1) {
    // The first of equal values, in the order drawn.
    const max = points.reduce((a, b) => (b.value > a.value ? b : a));
    const min = points.reduce((a, b) => (b.value < a.value ? b : a));
    body = `: ${w.highest} ${shown(max)}, ${w.lowest} ${shown(min)}`;
  }
  const count = `; ${w.count(points.length || rows.length, kind)}.`;
  const description = typeof spec['description'] === 'string' && spec['description'].trim() ? ` ${spec['description'].trim()}` : '';
  return `${head}${body}${count}${description}`;
}
