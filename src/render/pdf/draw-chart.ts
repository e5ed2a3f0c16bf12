// Draws a compiled chart program onto a page, scaled into its box the way
// the SVG would be with preserveAspectRatio "xMinYMin meet", and clipped to
// it. Programs are kept per SVG string: the chart cache hands a rebuild the
// very same strings, so a rebuild compiles nothing.
import { compileChart, type ChartProgram } from './chart-program.js';
import { type PageContent, pdfNumber as n } from './content-stream.js';
import type { DocFonts } from './doc-fonts.js';
import { encodeRun, showRun } from './glyph-run.js';
import { LRUCache } from 'lru-cache';

/** Compiled programs by SVG text; null when the SVG needs svg-to-pdfkit. Bounded: old entries go first. */
const programs = new LRUCache<string, { program: ChartProgram | null }>({ max: 64 });

export function chartProgram(svg: string): ChartProgram | undefined {
  let p = programs.get(svg);
  if (p === undefined) {
    p = { program: compileChart(svg) ?? null };
    programs.set(svg, p);
  }
  return p.program ?? undefined;
}

export interface ChartTarget {
  content: PageContent;
  fonts: DocFonts;
  /** Sets fill and stroke opacity in the current graphics state (pdfkit keeps the ExtGStates). */
  opacity(fill: number | undefined, stroke: number | undefined): void;
}

export function drawChart(program: ChartProgram, x: number, y: number, w: number, h: number, target: ChartTarget): void {
  const { content, fonts } = target;
  const { box } = program;
  const s = Math.min(w / box.width, h / box.height);
  content.op(`q\n${n(s)} 0 0 ${n(s)} ${n(x - box.x * s)} ${n(y - box.y * s)} cm\n${n(box.x)} ${n(box.y)} ${n(box.width)} ${n(box.height)} re\nW n`);
  for (const op of program.ops) {
    switch (op.kind) {
      case 'ops':
        content.op(op.ops);
        break;
      case 'alpha':
        target.opacity(op.fill, op.stroke);
        break;
      case 'text': {
        const font = fonts.use(op.style);
        const run = encodeRun(font, op.text);
        const width = (run.advance * op.size) / 1000;
        const left = op.anchor === 'middle' ? op.x - width / 2 : op.anchor === 'end' ? op.x - width : op.x;
        content.fillRgb(op.fill);
        content.text(font.id, op.size, showRun(run, op.size, left, op.y));
        break;
      }
    }
  }
  content.op('Q');
}
