// Slide model → SVG (the watch preview's slides and `npm run preview`): well
// formed, one per slide, Vietnamese exact, cited numbers and markers carrying
// their facts, native charts drawn from their Vega SVGs, byte-stable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { renderCharts } from '../../src/charts/render-charts.js';
import { chartSvgsOf, slidesToSvg, xmlText } from '../../src/render/svg/slides-to-svg.js';
import { citedNumberSpan } from '../../src/render/svg/cited-number.js';
import { strictXmlError } from '../hostile/strict-xml.js';
import { fixtures, root } from '../helpers.js';
import { hostileStandard } from '../hostile/hostile-data.js';

const text = (svg: string) => svg.replace(/<title>.*?<\/title>/, '').replace(/<[^>]+>/g, '');

describe('the example deck as SVG', async () => {
  const outcome = await buildPptx({ templatesDir: path.join(root, 'templates'), template: 'deck', dataDir: path.join(root, 'data', 'vietnam-china'), outDir: '/nonexistent' }, { write: false });
  await renderCharts(outcome.prepared!.document);
  const svgs = slidesToSvg(outcome.slideModel!, chartSvgsOf(outcome.prepared!.document));

  it('is one well-formed SVG per slide', () => {
    expect(svgs.length).toBe(outcome.slideModel!.slides.length);
    for (const svg of svgs) expect(strictXmlError(svg)).toBeUndefined();
  });

  it('keeps Vietnamese exactly', () => {
    expect(svgs.map(text).join('\n')).toContain('Lào Cai – Hà Nội – Hải Phòng');
  });

  it('marks cited numbers and citation markers with their facts', () => {
    const all = svgs.join('');
    expect(all).toMatch(/data-facts="trade-total-2024-cn-customs"[^>]*>US\$260\.65bn</);
    expect(all).toMatch(/data-facts="trade-total-2024-cn-customs trade-growth-2024-cn-customs"[^>]*>\[1\]</);
    for (const m of all.matchAll(/data-facts="([^"]+)"/g)) for (const id of m[1]!.split(' ')) expect(Object.hasOwn(outcome.prepared!.dataset.facts, id)).toBe(true);
  });

  it('draws every chart from its Vega SVG', () => {
    const charts = outcome.slideModel!.slides.flatMap((s) => s.items.filter((i) => i.type === 'chart'));
    expect(charts.length).toBeGreaterThan(0);
    expect(svgs.join('').match(/<svg[^>]*class="marks"[^>]*role="img"/g)?.length).toBe(charts.length);
  });

  it('is the same twice', () => {
    expect(slidesToSvg(outcome.slideModel!, chartSvgsOf(outcome.prepared!.document))).toEqual(svgs);
  });
});

describe('another topic (invented figures, standard deck)', async () => {
  const outcome = await buildPptx({ templatesDir: path.join(root, 'templates'), template: 'standard-deck', dataDir: path.join(fixtures, 'standard', 'data'), outDir: '/nonexistent' }, { write: false });
  const svgs = slidesToSvg(outcome.slideModel!, chartSvgsOf(outcome.prepared!.document));
  it('draws its slides, its cited figures marked', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const svg of svgs) expect(strictXmlError(svg)).toBeUndefined();
    expect(svgs.join('')).toMatch(/data-facts="trade-total-2024-kr"[^>]*>US\$11\.2 billion</);
  });
});

describe('text in SVG', () => {
  it('escapes markup and leaves out what XML cannot hold', () => {
    expect(xmlText('a<b>&"c"\u0001\uD800z')).toBe('a&lt;b&gt;&amp;&quot;c&quot;z');
  });

  it('finds the cited figure before a citation', () => {
    const s = 'Two-way trade in 2024 was US$260.65 billion according to China’s customs';
    const span = citedNumberSpan(s)!;
    expect(s.slice(span.start, span.end)).toBe('US$260.65 billion');
    const printed = citedNumberSpan('reached 692,500 tonnes in Jan–Oct 2024', ['692,500 tonnes'])!;
    expect(printed).toEqual({ start: 8, end: 22 });
    expect(citedNumberSpan('no figure here')).toBeUndefined();
    const vi = 'kim ngạch đạt 260,65 tỷ USD theo Hải quan';
    const v = citedNumberSpan(vi)!;
    expect(vi.slice(v.start, v.end)).toBe('260,65 tỷ USD');
  });
});

describe('hostile text (control characters, lone surrogates, bidi controls, <&>"\') in every field', async () => {
  const dir = hostileStandard();
  const outcome = await buildPptx({ templatesDir: path.join(root, 'templates'), template: 'standard-deck', dataDir: path.join(dir, 'data'), outDir: '/nonexistent' }, { write: false });
  it('gives well-formed SVG with the markup escaped', () => {
    expect(outcome.slideModel).toBeDefined();
    const svgs = slidesToSvg(outcome.slideModel!, chartSvgsOf(outcome.prepared!.document));
    for (const svg of svgs) expect(strictXmlError(svg)).toBeUndefined();
    expect(svgs.join('')).toContain('&lt;&amp;&gt;');
    expect(svgs.join('')).not.toMatch(/<&>/);
  });
});
