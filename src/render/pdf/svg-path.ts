// SVG path data → PDF path construction operators (m, l, c, h), every
// command made absolute and shifted by (dx, dy). PDF has no quadratic
// curves or arcs: quadratics are raised to cubics and arcs split into
// cubic segments of at most 90°. Returns undefined for malformed data, so
// the caller can leave the drawing to a general SVG renderer.
import { pdfNumber as n } from './content-stream.js';

const argCounts: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
const token = /([MLHVCSQTAZmlhvcsqtaz])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/g;

export function pathToPdf(d: string, dx = 0, dy = 0): string | undefined {
  const out: string[] = [];
  const pt = (x: number, y: number) => `${n(x + dx)} ${n(y + dy)}`;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  /** The last control point, for S/s and T/t reflection. */
  let cx = 0;
  let cy = 0;
  let prev = '';
  const cubic = (x1: number, y1: number, x2: number, y2: number, ex: number, ey: number) => {
    out.push(`${pt(x1, y1)} ${pt(x2, y2)} ${pt(ex, ey)} c`);
    cx = x2;
    cy = y2;
    x = ex;
    y = ey;
  };
  const quad = (qx: number, qy: number, ex: number, ey: number) => {
    cubic(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey);
    cx = qx;
    cy = qy;
  };

  // Tokenise: commands and numbers; anything else but separators makes the data malformed.
  const tokens: (string | number)[] = [];
  let last = 0;
  for (const m of d.matchAll(token)) {
    if (!/^[\s,]*$/.test(d.slice(last, m.index))) return undefined;
    tokens.push(m[1] ?? Number(m[2]));
    last = m.index + m[0].length;
  }
  if (!/^[\s,]*$/.test(d.slice(last))) return undefined;

  let i = 0;
  let cmd = '';
  while (i < tokens.length) {
    const t = tokens[i];
    if (typeof t === 'string') {
      cmd = t;
      i++;
    } else if (!cmd || cmd === 'z' || cmd === 'Z') {
      return undefined;
    }
    const lower = cmd.toLowerCase();
    const count = argCounts[lower]!;
    const a = tokens.slice(i, i + count) as number[];
    if (a.length < count || a.some((v) => typeof v !== 'number')) return undefined;
    i += count;
    const rel = cmd !== cmd.toUpperCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    switch (lower) {
      case 'm':
        x = startX = a[0]! + ox;
        y = startY = a[1]! + oy;
        out.push(`${pt(x, y)} m`);
        // Further pairs after a moveto are linetos.
        cmd = rel ? 'l' : 'L';
        break;
      case 'l':
        x = a[0]! + ox;
        y = a[1]! + oy;
        out.push(`${pt(x, y)} l`);
        break;
      case 'h':
        x = a[0]! + ox;
        out.push(`${pt(x, y)} l`);
        break;
      case 'v':
        y = a[0]! + oy;
        out.push(`${pt(x, y)} l`);
        break;
      case 'c':
        cubic(a[0]! + ox, a[1]! + oy, a[2]! + ox, a[3]! + oy, a[4]! + ox, a[5]! + oy);
        break;
      case 's': {
        const reflect = prev === 'c' || prev === 's';
        cubic(reflect ? 2 * x - cx : x, reflect ? 2 * y - cy : y, a[0]! + ox, a[1]! + oy, a[2]! + ox, a[3]! + oy);
        break;
      }
      case 'q':
        quad(a[0]! + ox, a[1]! + oy, a[2]! + ox, a[3]! + oy);
        break;
      case 't': {
        const reflect = prev === 'q' || prev === 't';
        quad(reflect ? 2 * x - cx : x, reflect ? 2 * y - cy : y, a[0]! + ox, a[1]! + oy);
        break;
      }
      case 'a':
        arc(a[0]!, a[1]!, a[2]!, a[3]! !== 0, a[4]! !== 0, a[5]! + ox, a[6]! + oy);
        break;
      case 'z':
        out.push('h');
        x = startX;
        y = startY;
        break;
    }
    prev = lower;
  }
  return out.join('\n');

  /** SVG elliptical arc (implementation notes F.6.5/F.6.6) from the current point, as cubics. */
  function arc(rxIn: number, ryIn: number, angleDeg: number, large: boolean, sweep: boolean, ex: number, ey: number): void {
    let rx = Math.abs(rxIn);
    let ry = Math.abs(ryIn);
    if ((x === ex && y === ey) || rx === 0 || ry === 0) {
      if (x !== ex || y !== ey) out.push(`${pt(ex, ey)} l`);
      x = ex;
      y = ey;
      return;
    }
    const phi = (angleDeg * Math.PI) / 180;
    const cos = Math.cos(phi);
    const sin = Math.sin(phi);
    const hx = (x - ex) / 2;
    const hy = (y - ey) / 2;
    const x1 = cos * hx + sin * hy;
    const y1 = -sin * hx + cos * hy;
    const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
    if (lambda > 1) {
      rx *= Math.sqrt(lambda);
      ry *= Math.sqrt(lambda);
    }
    const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
    const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
    let k = Math.sqrt(Math.max(0, num / den));
    if (large === sweep) k = -k;
    const ccx = (k * rx * y1) / ry;
    const ccy = (-k * ry * x1) / rx;
    const centerX = cos * ccx - sin * ccy + (x + ex) / 2;
    const centerY = sin * ccx + cos * ccy + (y + ey) / 2;
    const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    const theta1 = angle(1, 0, (x1 - ccx) / rx, (y1 - ccy) / ry);
    let delta = angle((x1 - ccx) / rx, (y1 - ccy) / ry, (-x1 - ccx) / rx, (-y1 - ccy) / ry);
    if (!sweep && delta > 0) delta -= 2 * Math.PI;
    if (sweep && delta < 0) delta += 2 * Math.PI;
    const segments = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
    const step = delta / segments;
    const t = (4 / 3) * Math.tan(step / 4);
    // A point and its derivative on the ellipse at parameter `th`.
    const at = (th: number) => {
      const c = Math.cos(th);
      const s = Math.sin(th);
      return { px: centerX + rx * c * cos - ry * s * sin, py: centerY + rx * c * sin + ry * s * cos, tx: -rx * s * cos - ry * c * sin, ty: -rx * s * sin + ry * c * cos };
    };
    let from = at(theta1);
    for (let i = 1; i <= segments; i++) {
      const to = at(theta1 + step * i);
      const end = i === segments ? { px: ex, py: ey } : to;
      cubic(from.px + t * from.tx, from.py + t * from.ty, to.px - t * to.tx, to.py - t * to.ty, end.px, end.py);
      from = to;
    }
  }
}
