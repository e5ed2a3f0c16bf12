// The deck's native charts take their number format from the series'
// written precision (`1.20` → `#,##0.00`; `decimals:` in series.yaml wins),
// the same in both locales (PowerPoint localises the separators).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import type { NativeChart } from '../../src/charts/native-chart.js';
import { fixtures } from '../helpers.js';

const dir = path.join(fixtures, 'units');
const req = (locale: 'en' | 'vi') => ({ templatesDir: path.join(dir, 'templates'), template: 'deck', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out'), locale });

describe.each(['en', 'vi'] as const)('units deck (%s)', async (locale) => {
  const outcome = await buildPptx(req(locale), { write: false });
  const natives = outcome.slideModel!.slides.flatMap((s) => s.items.flatMap((i) => (i.type === 'chart' && i.native ? [i.native as NativeChart] : [])));

  it('builds cleanly with two native charts', () => {
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(natives).toHaveLength(2);
  });

  it('formats a series written 1.20, 1.30, 1.40 with two decimals, though the numbers are 1.2, 1.3, 1.4', () => {
    expect(natives[0]!.series[0]!.values).toEqual([1.2, 1.3, 1.4]);
    expect(natives[0]!.numberFormat).toBe('#,##0.00');
  });

  it('formats a series with `decimals: 1` with one decimal, though its values are whole', () => {
    expect(natives[1]!.numberFormat).toBe('#,##0.0');
  });

  it('prints the declared unit in the deck text', () => {
    const texts = outcome.slideModel!.slides.flatMap((s) => s.items.flatMap((i) => (i.type === 'text' ? i.paragraphs.flatMap((p) => p.runs.map((r) => r.text)) : [])));
    expect(texts.join(' ')).toContain(locale === 'en' ? '€1.40 billion' : '1,40 tỷ euro');
  });
});
