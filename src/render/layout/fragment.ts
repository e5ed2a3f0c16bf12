// A fragment is the unit the paginator moves: a strip of page items that is
// never split (a line of text, a table row, a whole chart), with the rules
// for breaking around it.
import type { Position } from '../../diagnostics/diagnostic.js';
import type { OutlineEntry, PageItem } from '../pdf/page-model.js';
import type { Line } from './break-lines.js';
import type { RunTagger } from './structure.js';

export interface Fragment {
  heightPt: number;
  spaceBeforePt: number;
  /** Must stay on the same page as the next fragment (headings, orphan/widow lines). */
  keepWithNext: boolean;
  /** Items with `y` relative to the fragment's top. */
  items: PageItem[];
  /** Baseline of the first text line, relative to the top (for list bullets). */
  firstBaselinePt?: number;
  outline?: Omit<OutlineEntry, 'page' | 'y'>;
  pageBreakBefore?: boolean;
  /** Table header to repeat when this row starts a new page. */
  repeatHeader?: Fragment;
  /** The block it came from, for diagnostics. */
  position?: Position;
}

/** Move items down by `dy` (fragment-relative → page coordinates). */
export function shiftItems(items: readonly PageItem[], dy: number): PageItem[] {
  return items.map((it) => {
    switch (it.type) {
      case 'line':
        return { ...it, y1: it.y1 + dy, y2: it.y2 + dy };
      case 'text':
      case 'rect':
      case 'svg':
      case 'dest':
      case 'image':
        return { ...it, y: it.y + dy };
      default: {
        const never: never = it;
        return never;
      }
    }
  });
}

/** Text items for one line placed at `x`, its top at `y`; `tag` gives each its structure element. */
export function lineItems(line: Line, x: number, y: number, align: 'left' | 'right' | 'center' = 'left', width = 0, tag?: RunTagger): PageItem[] {
  const offset = align === 'right' ? width - line.widthPt : align === 'center' ? (width - line.widthPt) / 2 : 0;
  const drawn = line.segments.filter((s) => s.text.trim() !== '');
  return drawn.map((s, i) => {
    // The space a wrap dropped is written (invisible, not counted in the width), so words do not run together when read.
    const text = line.spaceAfter && i === drawn.length - 1 ? `${s.text.trimEnd()} ` : s.text.trimEnd();
    const item: PageItem = { type: 'text', x: x + offset + s.x, y: y + line.baselinePt - s.run.risePt, text, font: s.run.font, sizePt: s.run.sizePt, color: s.run.color, width: s.width };
    if (s.run.link) item.link = s.run.link;
    if (tag) item.struct = tag(s.run);
    return item;
  });
}

/** Copies of `items` as artifacts of pagination (a table header repeated on a new page). */
export function asPagination(items: readonly PageItem[]): PageItem[] {
  return items.map((it) => {
    if (it.type === 'dest') return it;
    const { struct: _struct, ...rest } = it;
    return { ...rest, artifact: 'Pagination' };
  });
}

/** Stack fragments into one unsplittable fragment (for boxes that must stay whole). */
export function stack(fragments: readonly Fragment[], offsetTop = 0): { items: PageItem[]; heightPt: number } {
  const items: PageItem[] = [];
  let y = offsetTop;
  fragments.forEach((f, i) => {
    if (i > 0) y += f.spaceBeforePt;
    items.push(...shiftItems(f.items, y));
    y += f.heightPt;
  });
  return { items, heightPt: y };
}
