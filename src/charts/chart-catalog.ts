// The chart specs a document may name, loaded on first use and resolved
// against the dataset: what the document stage asks for `::chart{spec=…}`.
import { existsSync } from 'node:fs';
import type { Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Dataset } from '../facts/dataset.js';
import type { Locale } from '../format/locale.js';
import { chartSpecPath, listChartSpecs, loadChartSpec } from './load-specs.js';
import { resolveChart, type ResolvedChart } from './resolve-chart.js';

export interface ChartCatalog {
  resolve(name: string, at: Position): Result<ResolvedChart | undefined>;
}

export function chartCatalog(dir: string, dataset: Dataset, locale: Locale): ChartCatalog {
  return {
    resolve(name, at) {
      const file = chartSpecPath(dir, name);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !existsSync(file)) {
        return { value: undefined, diagnostics: [report('chart/unknown-spec', at, { name, known: listChartSpecs(dir) })] };
      }
      const loaded = loadChartSpec(file, name);
      if (!loaded.value) return { value: undefined, diagnostics: loaded.diagnostics };
      const resolved = resolveChart(loaded.value, dataset, locale);
      return { value: resolved.value, diagnostics: [...loaded.diagnostics, ...resolved.diagnostics] };
    },
  };
}
