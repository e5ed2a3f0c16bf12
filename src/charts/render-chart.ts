// Stage 4 (charts): a chart node's Vega-Lite spec → SVG, rendered by Vega in
// Node with text measured by the bundled font, not Vega's length guess, and
// with a loader that refuses every file and URL.
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { RenderedChart } from '../document/nodes.js';
import type { Locale } from '../format/locale.js';
import { measure, styleFor } from '../theme/fonts.js';
import { theme } from '../theme/theme.js';
import { vegaLiteConfig, vegaLocale } from './vega-config.js';

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
      measure(String(text ?? ''), styleFor(item.fontWeight, item.fontStyle === 'italic'), item.fontSize ?? 11);
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

function collectLabels(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { marktype?: string; items?: unknown[]; text?: unknown };
  if (n.text !== undefined && n.text !== null && n.text !== '') out.push(Array.isArray(n.text) ? n.text.join(' ') : String(n.text));
  for (const item of n.items ?? []) collectLabels(item, out);
}

export async function renderChart(spec: Record<string, unknown>, locale: Locale, at: Position): Promise<Result<RenderedChart | undefined>> {
  const { vega, vl } = await loadVega();
  const diagnostics: Diagnostic[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => diagnostics.push(report('chart/compile-failed', at, { detail: m.join(' ') })) && logger,
    warn: (...m: unknown[]) => {
      // Vega-Lite warns about the "fit-y" half of our default `fit-x` even though
      // it asked for none; only a spec's own autosize deserves the warning.
      if (spec['autosize'] === undefined && /^Dropping "fit-y"/.test(String(m[0]))) return logger;
      diagnostics.push(report('chart/vega-warning', at, { detail: m.join(' ') }));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  // The whole chart (labels and legend too) fits the text width, so chart text
  // keeps its size instead of being scaled down with a wide chart.
  const sized = { width: theme.chart.widthPx, height: theme.chart.heightPx, autosize: { type: 'fit-x', contains: 'padding' }, ...spec };
  let vgSpec;
  try {
    vgSpec = vl.compile(sized as never, { config: vegaLiteConfig() as never, logger: logger as never }).spec;
  } catch (e) {
    diagnostics.push(report('chart/compile-failed', at, { detail: (e as Error).message }));
    return { value: undefined, diagnostics };
  }
  try {
    // Vega reports a refused load as a warning and draws an empty chart: make it an error.
    const viewLogger = {
      ...logger,
      warn: (...m: unknown[]) => diagnostics.push(report(String(m[0]).startsWith('Loading failed') ? 'chart/render-failed' : 'chart/vega-warning', at, { detail: m.map(String).join(' ') })) && viewLogger,
      level: () => viewLogger,
    };
    const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', loader: refusingLoader(vega) as never, locale: vegaLocale(locale) as never, logger: viewLogger as never, logLevel: vega.Warn });
    const svg = await view.toSVG();
    const labels: string[] = [];
    collectLabels((view.scenegraph() as unknown as { root: unknown }).root, labels);
    const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    view.finalize();
    return { value: { svg, widthPx: Number(m?.[1] ?? theme.chart.widthPx), heightPx: Number(m?.[2] ?? theme.chart.heightPx), labels }, diagnostics };
  } catch (e) {
    diagnostics.push(report('chart/render-failed', at, { detail: (e as Error).message }));
    return { value: undefined, diagnostics };
  }
}
