// Fragments → pages. Greedy filling with four rules: a chain of
// keep-with-next fragments moves to the next page whole (so no heading ends
// a page, no paragraph leaves one line behind), a table row that starts a
// page brings its header along, space before a block is dropped at the top
// of a page, and a chart that does not fit floats to the top of the next
// page while the text after it (up to the next section) fills the gap.
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

  const deferred: Fragment[] = [];
  const placeFlow = (f: Fragment, i: number) => {
    const atTop = y === area.topPt;
    const space = atTop ? 0 : f.spaceBeforePt;
    const needed = chainHeight(fragments, i, pageHeight);
    if (!atTop && y + space + Math.min(needed, pageHeight) > area.bottomPt) {
      newPage();
      placeDeferred();
      if (f.repeatHeader) {
        place(f.repeatHeader, y);
        y += f.repeatHeader.heightPt;
      }
    }
    const top = y === area.topPt ? y : y + (y === area.topPt ? 0 : f.spaceBeforePt);
    if (f.heightPt > pageHeight && f.position) {
      diagnostics.push(report('render/overflow', f.position, { what: 'a block', detail: `it is ${Math.round(f.heightPt)} pt tall and a page holds ${Math.round(pageHeight)} pt; split it or make it smaller` }));
    }
    place(f, top);
    y = top + f.heightPt;
  };
  // Floats waiting for a page: placed first on the next page, in order.
  const placeDeferred = () => {
    while (deferred.length) {
      const f = deferred.shift()!;
      if (y > area.topPt && y + f.spaceBeforePt + f.heightPt > area.bottomPt) newPage();
      const top = y === area.topPt ? y : y + f.spaceBeforePt;
      place(f, top);
      y = top + f.heightPt;
    }
  };

  fragments.forEach((f, i) => {
    if (f.pageBreakBefore || f.sectionStart) {
      // A new section (or a forced break) never starts before the floats of the last one.
      if (deferred.length) {
        newPage();
        placeDeferred();
      }
      if (f.pageBreakBefore) {
        if (y > area.topPt) newPage();
        return;
      }
    }
    if (f.float) {
      const fits = y === area.topPt || y + f.spaceBeforePt + f.heightPt <= area.bottomPt;
      if (deferred.length || !fits) {
        deferred.push(f);
        return;
      }
    }
    placeFlow(f, i);
  });
  if (deferred.length) {
    newPage();
    placeDeferred();
  }
  if (page.items.length > 0 || pages.length === 0) pages.push(page);
  return { pages, outline };
}
