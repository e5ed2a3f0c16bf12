// Fragments → pages, in the author's order. Greedy filling with three rules:
// a chain of keep-with-next fragments moves to the next page whole (so no
// heading ends a page, no paragraph leaves one line behind), a table row
// that starts a page brings its header along, and space before a block is
// dropped at the top of a page. A block that does not fit (a chart, a
// callout) goes to the next page and leaves the space empty: later blocks
// never jump ahead of it, so the reader meets text and charts in the order
// they were written (issue 9).
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report } from '../../diagnostics/messages.js';
import type { OutlineEntry, Page } from '../pdf/page-model.js';
import { shiftItems, type Fragment } from './fragment.js';

export interface PageArea {
  topPt: number;
  bottomPt: number;
}

/** Height of fragments i..k where every fragment before k keeps with its next. */
function chainHeight(fragments: readonly Fragment[], i: number, limit: number): number {
  let h = fragments[i]!.heightPt;
  let k = i;
  while (fragments[k]!.keepWithNext && k + 1 < fragments.length && h < limit) {
    k++;
    if (fragments[k]!.pageBreakBefore) break;
    h += fragments[k]!.spaceBeforePt + fragments[k]!.heightPt;
  }
  return h;
}

export function paginate(fragments: readonly Fragment[], area: PageArea, diagnostics: Diagnostic[]): { pages: Page[]; outline: OutlineEntry[] } {
  const pages: Page[] = [];
  const outline: OutlineEntry[] = [];
  const pageHeight = area.bottomPt - area.topPt;
  let page: Page = { number: 1, items: [] };
  let y = area.topPt;
  const newPage = () => {
    pages.push(page);
    page = { number: pages.length + 1, items: [] };
    y = area.topPt;
  };
  const place = (f: Fragment, top: number) => {
    page.items.push(...shiftItems(f.items, top));
    if (f.outline) outline.push({ ...f.outline, page: page.number, y: top });
  };

  fragments.forEach((f, i) => {
    if (f.pageBreakBefore) {
      if (y > area.topPt) newPage();
      return;
    }
    const needed = Math.min(chainHeight(fragments, i, pageHeight), pageHeight);
    if (y > area.topPt && y + f.spaceBeforePt + needed > area.bottomPt) {
      newPage();
      if (f.repeatHeader) {
        place(f.repeatHeader, y);
        y += f.repeatHeader.heightPt;
      }
    }
    // Space before a block is dropped at the top of a page.
    const top = y === area.topPt ? y : y + f.spaceBeforePt;
    if (f.heightPt > pageHeight && f.position) {
      diagnostics.push(report('render/overflow', f.position, { what: 'a block', detail: `it is ${Math.round(f.heightPt)} pt tall and a page holds ${Math.round(pageHeight)} pt; split it or make it smaller` }));
    }
    place(f, top);
    y = top + f.heightPt;
  });
  if (page.items.length > 0 || pages.length === 0) pages.push(page);
  return { pages, outline };
}
