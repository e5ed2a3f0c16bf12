// A Vega chart's SVG → a drawing program: PDF graphics operators for
// everything but text, and text runs to encode with the document's fonts.
// svg-to-pdfkit re-parsed each chart's SVG and re-resolved every style for
// every build (half the time of a warm rebuild); a program is compiled once
// per SVG string and replayed. Only what Vega's SVG renderer writes is
// understood; anything else (images, gradients, links, blend modes, group
// opacity...) makes `compileChart` return undefined and the chart is drawn
// by svg-to-pdfkit as before.
import { styleFor } from '../../theme/fonts.js';
import type { FontStyle } from '../../theme/theme.js';
import { pdfNumber as n, rgbComponents } from './content-stream.js';
import { pathToPdf } from './svg-path.js';
import { parseSvg, type SvgElement, type SvgNode } from './svg-tree.js';

export type ChartOp =
  /** Graphics operators, in the chart's y-down space. */
  | { kind: 'ops'; ops: string }
  /** Fill and stroke opacity for what follows, up to the enclosing Q (an ExtGState, made per document). */
  | { kind: 'alpha'; fill?: number; stroke?: number }
  /** A line of text, its baseline origin at (x, y) before anchoring; fill is "r g b". */
  | { kind: 'text'; text: string; style: FontStyle; size: number; x: number; y: number; anchor: 'start' | 'middle' | 'end'; fill: string };

export interface ChartProgram {
  /** The viewBox. */
  box: { x: number; y: number; width: number; height: number };
  ops: ChartOp[];
}

/** Inherited SVG presentation properties; colours as "r g b", null for none. */
interface Style {
  fill: string | null;
  fillOpacity: number;
  stroke: string | null;
  strokeOpacity: number;
  strokeWidth: number;
  cap: number;
  join: number;
  miter: number;
  /** PDF dash array, e.g. "[4 2]" ("[]" for solid). */
  dash: string;
  dashOffset: number;
  fontSize: number;
  fontWeight: string | undefined;
  italic: boolean;
  anchor: 'start' | 'middle' | 'end';
}

const initialStyle: Style = { fill: '0 0 0', fillOpacity: 1, stroke: null, strokeOpacity: 1, strokeWidth: 1, cap: 0, join: 0, miter: 4, dash: '[]', dashOffset: 0, fontSize: 16, fontWeight: undefined, italic: false, anchor: 'start' };

/** Attributes that do not change the drawing. */
const ignored = /^(class|role|aria-[\w-]+|pointer-events|xmlns(:\w+)?|version|font-family|font-variant|id)$/;
/** Attributes read by the element that has them (positions of text are refused in `text`: Vega writes a transform). */
const geometry = new Set(['d', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height', 'transform', 'opacity', 'display', 'clip-path']);

class Unsupported extends Error {}
const fail = (why: string): never => {
  throw new Unsupported(why);
};

const num = (v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const x = Number(v.trim().replace(/px$/, ''));
  return Number.isFinite(x) ? x : fail(`number "${v}"`);
};
const paint = (v: string): string | null => (v === 'none' || v === 'transparent' ? null : (rgbComponents(v) ?? fail(`paint "${v}"`)));
const caps: Record<string, number> = { butt: 0, round: 1, square: 2 };
const joins: Record<string, number> = { miter: 0, round: 1, bevel: 2 };

function dashArray(v: string): string {
  if (v === 'none') return '[]';
  const parts = v.split(/[\s,]+/).filter(Boolean).map((p) => num(p, 0));
  if (parts.some((p) => p < 0)) fail(`dash "${v}"`);
  return parts.every((p) => p === 0) ? '[]' : `[${parts.map(n).join(' ')}]`;
}

function inherit(parent: Style, attrs: Record<string, string>): Style {
  const s = { ...parent };
  for (const [k, v] of Object.entries(attrs)) {
    switch (k) {
      case 'fill':
        s.fill = paint(v);
        break;
      case 'stroke':
        s.stroke = paint(v);
        break;
      case 'fill-opacity':
        s.fillOpacity = num(v, 1);
        break;
      case 'stroke-opacity':
        s.strokeOpacity = num(v, 1);
        break;
      case 'stroke-width':
        s.strokeWidth = num(v, 1);
        break;
      case 'stroke-linecap':
        s.cap = caps[v] ?? fail(`linecap ${v}`);
        break;
      case 'stroke-linejoin':
        s.join = joins[v] ?? fail(`linejoin ${v}`);
        break;
      case 'stroke-miterlimit':
        s.miter = num(v, 4);
        break;
      case 'stroke-dasharray':
        s.dash = dashArray(v);
        break;
      case 'stroke-dashoffset':
        s.dashOffset = num(v, 0);
        break;
      case 'font-size':
        s.fontSize = num(v, 16);
        break;
      case 'font-weight':
        s.fontWeight = v;
        break;
      case 'font-style':
        if (v !== 'normal' && v !== 'italic' && v !== 'oblique') fail(`font-style ${v}`);
        s.italic = v !== 'normal';
        break;
      case 'text-anchor':
        if (v !== 'start' && v !== 'middle' && v !== 'end') fail(`text-anchor ${v}`);
        s.anchor = v as Style['anchor'];
        break;
      default:
        if (!ignored.test(k) && !geometry.has(k)) fail(`attribute ${k}`);
    }
  }
  return s;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, t: Matrix): Matrix {
  return [m[0] * t[0] + m[2] * t[1], m[1] * t[0] + m[3] * t[1], m[0] * t[2] + m[2] * t[3], m[1] * t[2] + m[3] * t[3], m[0] * t[4] + m[2] * t[5] + m[4], m[1] * t[4] + m[3] * t[5] + m[5]];
}

/** An SVG transform list as one matrix. */
function parseTransform(v: string): Matrix {
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  const rest = v.replace(/([a-zA-Z]+)\s*\(([^)]*)\)/g, (_, fn: string, args: string) => {
    const a = args.split(/[\s,]+/).filter(Boolean).map((x) => num(x, 0));
    const rad = ((a[0] ?? 0) * Math.PI) / 180;
    let t: Matrix;
    if (fn === 'translate' && a.length >= 1 && a.length <= 2) t = [1, 0, 0, 1, a[0]!, a[1] ?? 0];
    else if (fn === 'scale' && a.length >= 1 && a.length <= 2) t = [a[0]!, 0, 0, a[1] ?? a[0]!, 0, 0];
    else if (fn === 'rotate' && (a.length === 1 || a.length === 3)) {
      const [cx, cy] = [a[1] ?? 0, a[2] ?? 0];
      t = multiply(multiply([1, 0, 0, 1, cx, cy], [Math.cos(rad), Math.sin(rad), -Math.sin(rad), Math.cos(rad), 0, 0]), [1, 0, 0, 1, -cx, -cy]);
    } else if (fn === 'matrix' && a.length === 6) t = a as Matrix;
    else return fail(`transform ${fn}(${args})`);
    m = multiply(m, t);
    return '';
  });
  if (rest.trim()) fail(`transform "${v}"`);
  return m;
}

/** The PDF graphics state the program has set, mirrored through q/Q, to skip operators that change nothing. */
interface PdfState {
  fill?: string;
  stroke?: string;
  width?: number;
  cap?: number;
  join?: number;
  miter?: number;
  dash?: string;
}

class Compiler {
  readonly ops: ChartOp[] = [];
  private pending: string[] = [];
  private state: PdfState = {};
  private readonly saved: PdfState[] = [];

  constructor(private readonly clips: Map<string, SvgElement>) {}

  emit(op: string): void {
    this.pending.push(op);
  }
  private push(op: ChartOp): void {
    this.flushOps();
    this.ops.push(op);
  }
  flushOps(): void {
    if (this.pending.length) this.ops.push({ kind: 'ops', ops: this.pending.join('\n') });
    this.pending = [];
  }
  save(): void {
    this.emit('q');
    this.saved.push({ ...this.state });
  }
  restore(): void {
    this.emit('Q');
    this.state = this.saved.pop()!;
  }

  private setFill(rgb: string): void {
    if (this.state.fill !== rgb) this.emit(`${rgb} rg`);
    this.state.fill = rgb;
  }
  private setStroke(s: Style): void {
    const st = this.state;
    if (st.stroke !== s.stroke) this.emit(`${s.stroke} RG`);
    if (st.width !== s.strokeWidth) this.emit(`${n(s.strokeWidth)} w`);
    if (st.cap !== s.cap) this.emit(`${s.cap} J`);
    if (st.join !== s.join) this.emit(`${s.join} j`);
    if (st.miter !== s.miter) this.emit(`${n(s.miter)} M`);
    const dash = `${s.dash} ${n(s.dashOffset)}`;
    if (st.dash !== dash) this.emit(`${dash} d`);
    Object.assign(st, { stroke: s.stroke!, width: s.strokeWidth, cap: s.cap, join: s.join, miter: s.miter, dash });
  }

  /** Draws an element and its children; (ox, oy) is a translation not yet applied with `cm`. */
  element(el: SvgElement, parent: Style, ox: number, oy: number): void {
    if (el.attrs['display'] === 'none') return;
    const style = inherit(parent, el.attrs);
    let scoped = false;
    const scope = () => {
      if (!scoped) this.save();
      scoped = true;
    };
    if (el.attrs['transform'] !== undefined) {
      const m = parseTransform(el.attrs['transform']);
      if (m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1) {
        ox += m[4];
        oy += m[5];
      } else {
        scope();
        if (ox || oy) this.emit(`1 0 0 1 ${n(ox)} ${n(oy)} cm`);
        this.emit(`${m.map(n).join(' ')} cm`);
        ox = oy = 0;
      }
    }
    const opacity = num(el.attrs['opacity'], 1);
    switch (el.tag) {
      case 'g': {
        if (opacity !== 1) fail('group opacity');
        const clip = el.attrs['clip-path'];
        if (clip !== undefined) {
          const def = /^url\(#([^)]+)\)$/.exec(clip);
          const shape = def && this.clips.get(def[1]!);
          if (!shape) return fail(`clip-path ${clip}`);
          scope();
          this.emit(`${this.shapePath(shape, ox, oy)}\nW n`);
        }
        for (const child of el.children) this.child(child, style, ox, oy);
        break;
      }
      case 'path':
      case 'rect':
      case 'line':
        this.shape(el, style, opacity, ox, oy, scope);
        break;
      case 'text':
        this.text(el, style, opacity, ox, oy, scope);
        break;
      default:
        fail(`element ${el.tag}`);
    }
    if (scoped) this.restore();
  }

  private child(node: SvgNode, style: Style, ox: number, oy: number): void {
    if (typeof node === 'string') {
      if (node.trim()) fail('text outside <text>');
    } else this.element(node, style, ox, oy);
  }

  /** Path construction operators for a path, rect or line element. */
  private shapePath(el: SvgElement, ox: number, oy: number): string {
    const a = el.attrs;
    switch (el.tag) {
      case 'path':
        return pathToPdf(a['d'] ?? '', ox, oy) ?? fail(`path data "${a['d']}"`);
      case 'rect':
        if (a['rx'] !== undefined || a['ry'] !== undefined) fail('rounded rect');
        return `${n(num(a['x'], 0) + ox)} ${n(num(a['y'], 0) + oy)} ${n(num(a['width'], 0))} ${n(num(a['height'], 0))} re`;
      case 'line':
        return `${n(num(a['x1'], 0) + ox)} ${n(num(a['y1'], 0) + oy)} m\n${n(num(a['x2'], 0) + ox)} ${n(num(a['y2'], 0) + oy)} l`;
      default:
        return fail(`clip shape ${el.tag}`);
    }
  }

  /** Sets the opacity for a painted element (inside its own q…Q) and returns which of fill and stroke show. */
  private alpha(style: Style, opacity: number, fills: boolean, scope: () => void): { fill: boolean; stroke: boolean } {
    const fa = opacity * style.fillOpacity;
    const sa = opacity * style.strokeOpacity;
    const fill = fills && style.fill !== null && fa > 0;
    const stroke = style.stroke !== null && style.strokeWidth > 0 && sa > 0;
    if ((fill && fa < 1) || (stroke && sa < 1)) {
      scope();
      const op: ChartOp = { kind: 'alpha' };
      if (fill && fa < 1) op.fill = fa;
      if (stroke && sa < 1) op.stroke = sa;
      this.push(op);
    }
    return { fill, stroke };
  }

  private shape(el: SvgElement, style: Style, opacity: number, ox: number, oy: number, scope: () => void): void {
    if (el.children.some((c) => typeof c !== 'string' || c.trim())) fail(`content in <${el.tag}>`);
    const { fill, stroke } = this.alpha(style, opacity, el.tag !== 'line', scope);
    if (!fill && !stroke) return;
    if (fill) this.setFill(style.fill!);
    if (stroke) this.setStroke(style);
    this.emit(this.shapePath(el, ox, oy));
    this.emit(fill && stroke ? 'B' : fill ? 'f' : 'S');
  }

  private text(el: SvgElement, style: Style, opacity: number, ox: number, oy: number, scope: () => void): void {
    // Vega writes one line as the text itself, several as <tspan>s, each after the first at x=0 one line lower.
    if (['x', 'y', 'width', 'height'].some((k) => el.attrs[k] !== undefined)) fail('positioned text');
    const lines: { text: string; dy: number }[] = [];
    const plain = (nodes: SvgNode[]) => nodes.map((c) => (typeof c === 'string' ? c : fail(`<${c.tag}> in text`))).join('');
    if (el.children.every((c) => typeof c === 'string')) lines.push({ text: plain(el.children), dy: 0 });
    else {
      for (const c of el.children) {
        if (typeof c === 'string') {
          if (c.trim()) fail('mixed text and tspans');
          continue;
        }
        if (c.tag !== 'tspan' || Object.keys(c.attrs).some((k) => k !== 'x' && k !== 'dy') || num(c.attrs['x'], 0) !== 0) fail('tspan');
        lines.push({ text: plain(c.children), dy: num(c.attrs['dy'], 0) });
      }
    }
    if (style.stroke !== null) fail('stroked text');
    const { fill } = this.alpha(style, opacity, true, scope);
    if (!fill) return;
    const font = styleFor(style.fontWeight, style.italic);
    let y = oy;
    for (const line of lines) {
      y += line.dy;
      // As an SVG renderer shows text: whitespace runs collapsed, none at the ends.
      const text = line.text.replace(/\s+/g, ' ').trim();
      if (text) this.push({ kind: 'text', text, style: font, size: style.fontSize, x: ox, y, anchor: style.anchor, fill: style.fill! });
    }
  }
}

function clipPaths(svg: SvgElement): Map<string, SvgElement> {
  const clips = new Map<string, SvgElement>();
  for (const defs of svg.children) {
    if (typeof defs === 'string' || defs.tag !== 'defs') continue;
    for (const c of defs.children) {
      if (typeof c === 'string') continue;
      const shapes = c.children.filter((s): s is SvgElement => typeof s !== 'string');
      if (c.tag !== 'clipPath' || !c.attrs['id'] || shapes.length !== 1 || Object.keys(c.attrs).length !== 1) fail(`defs <${c.tag}>`);
      if (Object.keys(shapes[0]!.attrs).some((k) => !['d', 'x', 'y', 'width', 'height'].includes(k))) fail('clip shape attributes');
      clips.set(c.attrs['id']!, shapes[0]!);
    }
  }
  return clips;
}

/** The drawing program for a Vega SVG, or undefined when the SVG uses anything this does not draw. */
export function compileChart(svgText: string): ChartProgram | undefined {
  try {
    const svg = parseSvg(svgText);
    if (!svg) return undefined;
    const vb = (svg.attrs['viewBox'] ?? '').split(/[\s,]+/).map(Number);
    if (vb.length !== 4 || vb.some((v) => !Number.isFinite(v)) || vb[2]! <= 0 || vb[3]! <= 0) return undefined;
    const { viewBox: _vb, width: _w, height: _h, ...rest } = svg.attrs;
    if (Object.keys(rest).some((k) => !ignored.test(k))) return undefined;
    const c = new Compiler(clipPaths(svg));
    for (const child of svg.children) {
      if (typeof child !== 'string' && child.tag === 'defs') continue;
      if (typeof child === 'string') {
        if (child.trim()) return undefined;
      } else c.element(child, initialStyle, 0, 0);
    }
    c.flushOps();
    return { box: { x: vb[0]!, y: vb[1]!, width: vb[2]!, height: vb[3]! }, ops: c.ops };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
