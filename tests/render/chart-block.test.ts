// A chart block always fits one page body (issue 9): a chart taller than
// the page is shrunk, never drawn past the footer.
import { describe, expect, it } from 'vitest';
import type { Chart } from '../../src/document/nodes.js';
import { layoutBlock } from '../../src/render/layout/layout-blocks.js';
import type { LayoutContext } from '../../src/render/layout/text-blocks.js';
import { defaultTheme as theme } from '../../src/theme/theme.js';

const P = theme.page;
const at = { file: 'brief.md.hbs', line: 3, column: 1 };

describe('a chart block', () => {
  it('is shrunk to fit one page body when its chart is taller than a page', () => {
    const ctx: LayoutContext = { theme, images: [], x: P.marginLeftPt, width: P.widthPt - P.marginLeftPt - P.marginRightPt, diagnostics: [], svgs: [], warnedGlyphs: new Set(), structure: [{ role: 'Document', parent: -1 }], struct: 0 };
    const chart: Chart = {
      type: 'chart', name: 'tall', title: 'A very tall chart', unitLine: 'Unit: tonnes', sourceLine: [{ type: 'text', value: 'Source: somewhere', position: at }], noteLine: 'A note.',
      spec: {}, seriesId: 's', position: at, rendered: { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="471" height="2000"/>', widthPx: 471, heightPx: 2000, labels: [] },
    };
    const [f] = layoutBlock(chart, ctx, 6);
    expect(f!.heightPt).toBeLessThanOrEqual(P.heightPt - P.marginTopPt - P.marginBottomPt + 0.01);
    const svg = f!.items.find((i) => i.type === 'svg')!;
    expect(svg.type === 'svg' && svg.h / svg.w).toBeCloseTo(2000 / 471, 5);
  });
});
