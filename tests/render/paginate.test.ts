// The paginator on fragments made by hand (issue 9): every fragment stays
// inside the page area, in the order it came, even after charts that do
// not fit.
import { describe, expect, it } from 'vitest';
import type { Fragment } from '../../src/render/layout/fragment.js';
import { paginate } from '../../src/render/layout/paginate.js';

const block = (name: string, heightPt: number): Fragment => ({
  heightPt,
  spaceBeforePt: 0,
  keepWithNext: false,
  items: [{ type: 'rect', x: 0, y: 0, w: 10, h: heightPt, fill: name }],
});
/** Each block as (page, top, bottom), in the order the pages show them. */
function placed(fragments: Fragment[]) {
  const { pages } = paginate(fragments, { topPt: 0, bottomPt: 100 }, []);
  return pages.flatMap((p) => p.items.flatMap((it) => (it.type === 'rect' ? [{ name: it.fill, page: p.number, top: it.y, bottom: it.y + it.h }] : []))).sort((a, b) => a.page - b.page || a.top - b.top);
}

describe('paginate', () => {
  // The shape of the fidelity brief: text, charts that do not fit, then a callout.
  const fragments = [block('text', 60), block('chart-a', 50), block('chart-b', 45), block('callout', 50), block('after', 10)];

  it('keeps every block inside the page area', () => {
    for (const b of placed(fragments)) {
      expect(b.top, b.name).toBeGreaterThanOrEqual(0);
      expect(b.bottom, b.name).toBeLessThanOrEqual(100);
    }
  });
  it('keeps the order of the blocks: a chart that does not fit moves on and takes the later blocks with it', () => {
    expect(placed(fragments).map((b) => b.name)).toEqual(['text', 'chart-a', 'chart-b', 'callout', 'after']);
    expect(placed(fragments).map((b) => b.page)).toEqual([1, 2, 2, 3, 3]);
  });
  it('drops the space before a block at the top of a page', () => {
    const spaced = [block('a', 90), { ...block('b', 20), spaceBeforePt: 8 }];
    expect(placed(spaced)[1]).toEqual({ name: 'b', page: 2, top: 0, bottom: 20 });
  });
});
