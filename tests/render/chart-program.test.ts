// Charts are drawn from a program compiled from Vega's SVG; what the
// compiler does not know goes to svg-to-pdfkit instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileChart } from '../../src/render/pdf/chart-program.js';
import type { PageModel } from '../../src/render/pdf/page-model.js';
import { pagesToPdf } from '../../src/render/pdf/pages-to-pdf.js';
import { pathToPdf } from '../../src/render/pdf/svg-path.js';
import { parseSvg } from '../../src/render/pdf/svg-tree.js';
import { fixtures } from '../helpers.js';
import { readPdf } from './read-pdf.js';

const tradeChart = readFileSync(path.join(fixtures, 'mini', 'expected', 'trade-chart.svg'), 'utf8');
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="100" height="50" viewBox="0 0 100 50">${body}</svg>`;

describe('SVG path data to PDF', () => {
  it('makes relative and shorthand commands absolute, shifted by the offset', () => {
    expect(pathToPdf('M0,0h10v5h-10Z', 1, 2)).toBe('1 2 m\n11 2 l\n11 7 l\n1 7 l\nh');
    expect(pathToPdf('M1 1 2 2 l1,1')).toBe('1 1 m\n2 2 l\n3 3 l');
  });
  it('turns a full circle of two arcs into four quarter cubics that end where the arcs do', () => {
    const ops = pathToPdf('M5,0A5,5,0,1,1,-5,0A5,5,0,1,1,5,0')!.split('\n');
    expect(ops.filter((o) => o.endsWith(' c'))).toHaveLength(4);
    expect(ops[2]!.endsWith(' -5 0 c')).toBe(true);
    expect(ops[4]!.endsWith(' 5 0 c')).toBe(true);
  });
  it('raises quadratics to cubics', () => {
    expect(pathToPdf('M0,0Q3,3,6,0')).toBe('0 0 m\n2 2 4 2 6 0 c');
  });
  it('refuses malformed data', () => {
    expect(pathToPdf('M0,0L5')).toBeUndefined();
    expect(pathToPdf('M0,0 X 4')).toBeUndefined();
  });
});

describe('Vega SVG to a chart program', () => {
  it('reads Vega markup with escaped text', () => {
    const tree = parseSvg(svg('<text>a &amp; b &lt;c&gt; &#x1EA1;</text>'));
    expect(tree?.children[0]).toEqual({ tag: 'text', attrs: {}, children: ['a & b <c> ạ'] });
    expect(parseSvg(svg('<text>a & b</text>'))).toBeUndefined();
    expect(parseSvg(svg('<!-- comment --><g/>'))).toBeUndefined();
  });
  it('compiles the mini trade chart, with its labels as text runs', () => {
    const program = compileChart(tradeChart)!;
    expect(program.box).toEqual({ x: 0, y: 0, width: 471, height: 244 });
    const texts = program.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
    expect(texts).toContain('2023');
    expect(program.ops.every((op) => op.kind !== 'ops' || !/NaN|undefined/.test(op.ops))).toBe(true);
  });
  it('anchors, rotates and colours text as the SVG says', () => {
    const program = compileChart(svg('<g transform="translate(10,20)"><text text-anchor="middle" transform="translate(5,5) rotate(-90)" font-size="9px" font-weight="bold" fill="#ff0000" opacity="0.5">Lạng Sơn</text></g>'))!;
    expect(program.ops).toEqual([
      { kind: 'ops', ops: 'q\n1 0 0 1 10 20 cm\n0 -1 1 0 5 5 cm' },
      { kind: 'alpha', fill: 0.5 },
      { kind: 'text', text: 'Lạng Sơn', style: 'bold', size: 9, x: 0, y: 0, anchor: 'middle', fill: '1 0 0' },
      { kind: 'ops', ops: 'Q' },
    ]);
  });
  it('clips to a clipPath defined after its use', () => {
    const program = compileChart(svg('<g clip-path="url(#clip1)"><path d="M0,0h5v5Z" fill="#000"/></g><defs><clipPath id="clip1"><rect x="0" y="0" width="20" height="10"/></clipPath></defs>'))!;
    expect(program.ops).toEqual([{ kind: 'ops', ops: 'q\n0 0 20 10 re\nW n\n0 0 0 rg\n0 0 m\n5 0 l\n5 5 l\nh\nf\nQ' }]);
  });
  it('knows colour keywords, as Vega writes its defaults ("black")', () => {
    const program = compileChart(svg('<line x2="10" stroke="black" stroke-width="3" stroke-linecap="round"/><path d="M0,0h1" fill="SteelBlue"/>'))!;
    expect(program.ops).toEqual([{ kind: 'ops', ops: '0 0 0 RG\n3 w\n1 J\n0 j\n4 M\n[] 0 d\n0 0 m\n10 0 l\nS\n0.27451 0.509804 0.705882 rg\n0 0 m\n1 0 l\nf' }]);
    expect(compileChart(svg('<path d="M0,0h1" fill="notacolour"/>'))).toBeUndefined();
  });
  it('leaves what it does not draw to svg-to-pdfkit', () => {
    expect(compileChart(svg('<rect width="10" height="10" fill="url(#gradient_1)"/>'))).toBeUndefined();
    expect(compileChart(svg('<image href="x.png" width="10" height="10"/>'))).toBeUndefined();
    expect(compileChart(svg('<g opacity="0.5"><rect width="10" height="10" fill="#000"/></g>'))).toBeUndefined();
    expect(compileChart(svg('<path d="M0,0h5" style="mix-blend-mode: multiply;"/>'))).toBeUndefined();
    expect(compileChart(svg('<text x="5" y="9" fill="#000">at x, y</text>'))).toBeUndefined();
  });
});

describe('charts in the PDF', () => {
  const model = (svgs: string[]): PageModel => ({
    widthPt: 300,
    heightPt: 200,
    pages: [{ number: 1, items: svgs.map((_, i) => ({ type: 'svg' as const, x: 10, y: 10 + 60 * i, w: 100, h: 50, svg: i, title: `chart ${i}` })) }],
    outline: [],
    svgs,
    structure: [{ role: 'Document', parent: -1 }],
    info: { title: 'Charts', lang: 'vi', date: '2025-01-01' },
  });
  it('draws compiled and svg-to-pdfkit charts alike, text extractable', async () => {
    const compiled = svg('<text transform="translate(5,20)" font-size="9px" fill="#1f2933">Phạm Minh Chính</text>');
    const fallback = svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><text x="5" y="30" font-size="9" fill="#1f2933">Lạng Sơn</text>');
    expect(compileChart(compiled)).toBeDefined();
    expect(compileChart(fallback)).toBeUndefined();
    const bytes = await pagesToPdf(model([compiled, fallback]));
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain('Phạm Minh Chính');
    expect(pdf.text).toContain('Lạng Sơn');
    expect(Buffer.compare(await pagesToPdf(model([compiled, fallback])), bytes)).toBe(0);
  });
});
