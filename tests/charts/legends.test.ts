// Chart legends are never cut (issue 9): every value of a chart's colour
// field is drawn in full, in every chart of every fixture and in a legend
// made long on purpose.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/build.js';
import { renderChart } from '../../src/charts/render-chart.js';
import { documentCharts } from '../../src/charts/render-charts.js';
import { defaultTheme as theme } from '../../src/theme/theme.js';

const measure = theme.fonts.measure.bind(theme.fonts);
import { fixtures, root } from '../helpers.js';

type Json = Record<string, unknown>;

/** Values a chart's legend must show: the colour field's values in its rows (legends turned off or relabelled are skipped). */
function legendEntries(spec: Json): string[] {
  const fields = new Set<string>();
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as Json;
    const color = (o['encoding'] as Json | undefined)?.['color'] as Json | undefined;
    const legend = color?.['legend'] as Json | null | undefined;
    if (typeof color?.['field'] === 'string' && color['type'] !== 'quantitative' && legend !== null && !legend?.['labelExpr']) fields.add(color['field']);
    for (const [k, v] of Object.entries(o)) if (k !== 'datasets') walk(v);
  };
  walk(spec);
  const rows = Object.values((spec['datasets'] ?? {}) as Record<string, Json[]>).flat();
  return [...new Set(rows.flatMap((r) => [...fields].filter((f) => r[f] != null).map((f) => String(r[f]))))];
}

/**
 * Text the SVG draws inside its own box, read from the SVG itself (not from
 * Vega's scene, which keeps entries the SVG's edge cuts off): nested
 * `translate`s summed, each text's width measured with the bundled font.
 */
function textInsideSvg(svg: string): string[] {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const translate = (tag: string) => {
    const m = /transform="translate\(([-\d.e]+),\s*([-\d.e]+)\)"/.exec(tag);
    return m ? Number(m[1]) : 0;
  };
  const stack: number[] = [0];
  const out: string[] = [];
  for (const m of svg.matchAll(/<(\/?)(g|text)\b([^>]*)>(?:([^<]*)<\/text>)?/g)) {
    const [, close, tag, attrs = '', content] = m;
    if (tag === 'g' && close) stack.pop();
    else if (tag === 'g' && !attrs.endsWith('/')) stack.push(stack.at(-1)! + translate(attrs));
    else if (tag === 'text' && content !== undefined) {
      const text = content.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      const sizePx = Number(/font-size="([\d.]+)px"/.exec(attrs)?.[1] ?? 11);
      const w = measure(text, /font-weight="bold"/.test(attrs) ? 'bold' : 'regular', sizePx);
      const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
      const x = stack.at(-1)! + translate(attrs) - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
      if (x >= -0.5 && x + w <= width + 0.5) out.push(text);
    }
  }
  return out;
}

const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(fixtures, d.name, 'data')))
  .flatMap((d) => {
    const dir = path.join(fixtures, d.name);
    const templatesDir = path.join(dir, 'templates');
    const own = existsSync(path.join(templatesDir, 'brief')) ? ['brief'] : [];
    return [...own, 'standard-brief'].map((template) => ({ name: `${d.name} ${template}`, templatesDir, template, dataDir: path.join(dir, 'data') }));
  })
  .concat([{ name: 'bundled example brief', templatesDir: path.join(root, 'templates'), template: 'brief', dataDir: path.join(root, 'data', 'vietnam-china') }]);

describe.each(cases)('legends of $name', async ({ templatesDir, template, dataDir }) => {
  const outcome = await buildPdf({ templatesDir, template, dataDir, outDir: '/nonexistent' }, { write: false });
  const charts = documentCharts(outcome.prepared!.document).filter((c) => c.rendered);

  it('draw every entry in full, inside the chart', () => {
    for (const c of charts) {
      const drawn = textInsideSvg(c.rendered!.svg);
      const missing = legendEntries(c.spec).filter((e) => !c.rendered!.labels.includes(e) || !drawn.includes(e));
      expect({ chart: c.title, missing }).toEqual({ chart: c.title, missing: [] });
      expect(c.rendered!.widthPx).toBeLessThanOrEqual(theme.chart.widthPx);
    }
  });
});

describe('a long legend', () => {
  const at = { file: 'c.vl.json', line: 1, column: 1 };
  const names = ['Gỗ và sản phẩm gỗ', 'Copper concentrate', 'Zinc and lead ores', 'Fishmeal and fish oil', 'Frozen squid and octopus', 'Fresh grapes and blueberries', 'Other products', 'Thủy sản chế biến đông lạnh xuất khẩu sang Nhật Bản', 'Q', 'Máy móc, thiết bị, dụng cụ và phụ tùng khác', 'Coffee', 'Tea'];
  const spec = (labels: string[]) => ({
    data: { name: 's' },
    datasets: { s: labels.map((product, i) => ({ product, value: i + 1 })) },
    mark: { type: 'arc' },
    encoding: { theta: { field: 'value', type: 'quantitative' }, color: { field: 'product', type: 'nominal', sort: null, legend: { title: null } } },
  });

  it('wraps onto more rows and draws every entry in full', async () => {
    const r = await renderChart(spec(names), 'en', at);
    expect(r.diagnostics).toEqual([]);
    expect(names.filter((n) => !r.value!.labels.includes(n))).toEqual([]);
    expect(names.filter((n) => !textInsideSvg(r.value!.svg).includes(n))).toEqual([]);
    expect(r.value!.widthPx).toBeLessThanOrEqual(theme.chart.widthPx);
  });
  it('shortens only a label longer than the whole chart, and keeps it inside', async () => {
    const huge = 'An entry whose name is far longer than the whole width of the chart could ever hold on one line of an A4 page';
    const r = await renderChart(spec(['Short', huge]), 'en', at);
    expect(r.value!.labels, JSON.stringify(r.value!.labels)).toContain('Short');
    expect(r.value!.labels.some((l) => l.endsWith('…') && huge.startsWith(l.slice(0, -1)))).toBe(true);
    expect(r.value!.widthPx).toBeLessThanOrEqual(theme.chart.widthPx);
  });
});
