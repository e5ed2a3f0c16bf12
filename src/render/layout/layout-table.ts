// A table → a header fragment and one fragment per row. Column widths come
// from the content (narrowest word to widest line), rows never split, and
// the header is repeated at the top of every page the table continues on.
import type { Table } from '../../document/nodes.js';
import type { FontSet } from '../../theme/fonts.js';
import { breakLines, type Line } from './break-lines.js';
import { asPagination, lineItems, type Fragment } from './fragment.js';
import type { Run } from './inline-runs.js';
import { openStruct, runTagger, type StructContext } from './structure.js';
import { checkGlyphs, runsFor, type LayoutContext, type TextStyle } from './text-blocks.js';

const padX = 4;
const padY = 3;
const tableLineHeight = 1.3;

export function columnWidths(cells: Run[][][], total: number, fonts: FontSet): number[] {
  const cols = cells[0]?.length ?? 0;
  const min = new Array<number>(cols).fill(0);
  const max = new Array<number>(cols).fill(0);
  for (const row of cells) {
    row.forEach((runs, c) => {
      let full = 0;
      for (const r of runs) {
        full += fonts.measure(r.text, r.font, r.sizePt);
        for (const word of r.text.split(/\s+/)) min[c] = Math.max(min[c]!, fonts.measure(word, r.font, r.sizePt) + 2 * padX);
      }
      max[c] = Math.max(max[c]!, full + 2 * padX + 1);
    });
  }
  // Water-filling: a column whose widest line fits a fair share of the space
  // left gets that width (short columns like values and periods never wrap);
  // the others share the rest in proportion to how much they could use.
  const widths = new Array<number | undefined>(cols).fill(undefined);
  let remaining = total;
  for (let changed = true; changed; ) {
    changed = false;
    const open = widths.map((w, i) => (w === undefined ? i : -1)).filter((i) => i >= 0);
    const share = remaining / Math.max(1, open.length);
    for (const i of open) {
      if (max[i]! <= share) {
        widths[i] = max[i]!;
        remaining -= max[i]!;
        changed = true;
      }
    }
  }
  const open = widths.map((w, i) => (w === undefined ? i : -1)).filter((i) => i >= 0);
  if (open.length === 0) return widths.map((w) => w! + (remaining * w!) / (total - remaining));
  const openMin = open.reduce((s, i) => s + min[i]!, 0);
  const openMax = open.reduce((s, i) => s + max[i]!, 0);
  for (const i of open) {
    widths[i] = openMin >= remaining ? (min[i]! * remaining) / openMin : min[i]! + ((max[i]! - min[i]!) * (remaining - openMin)) / (openMax - openMin || 1);
  }
  return widths.map((w) => w!);
}

export function layoutTable(table: Table, ctx: LayoutContext, spaceBeforePt: number): Fragment[] {
  const theme = ctx.theme;
  const c = theme.colors;
  const body: TextStyle = { font: 'regular', sizePt: theme.sizePt.small + 0.5, color: c.text };
  const head: TextStyle = { ...body, font: 'bold' };
  const cols = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  const pad = <T>(cells: T[], fill: () => T) => [...cells, ...Array.from({ length: cols - cells.length }, fill)];
  const headRuns = pad(table.header.map((cell) => runsFor(theme, cell.children, head)), () => []);
  const rowRuns = table.rows.map((row) => pad(row.map((cell) => runsFor(theme, cell.children, body)), () => []));
  for (const runs of [headRuns, ...rowRuns]) for (const r of runs) checkGlyphs(r, ctx);
  const widths = columnWidths([headRuns, ...rowRuns], ctx.width, theme.fonts);

  // One Table element however many pages it spans: THead (header cells scoped to their column) and TBody.
  const tableCtx = openStruct(ctx, 'Table');
  const headCtx = openStruct(tableCtx, 'THead');
  const bodyCtx = openStruct(tableCtx, 'TBody');
  const rowFragment = (runs: Run[][], style: TextStyle, index: number, isHeader: boolean): Fragment => {
    const row: StructContext = openStruct(isHeader ? headCtx : bodyCtx, 'TR');
    const lines: Line[][] = runs.map((r, i) => breakLines(r, widths[i]! - 2 * padX, tableLineHeight, theme.fonts));
    const contentHeight = Math.max(style.sizePt * tableLineHeight, ...lines.map((ls) => ls.reduce((s, l) => s + l.heightPt, 0)));
    const heightPt = contentHeight + 2 * padY;
    const items: Fragment['items'] = [];
    if (isHeader) items.push({ type: 'rect', x: ctx.x, y: 0, w: ctx.width, h: heightPt, fill: c.tableHeaderFill });
    else if (index % 2 === 1) items.push({ type: 'rect', x: ctx.x, y: 0, w: ctx.width, h: heightPt, fill: c.tableStripeFill });
    let x = ctx.x;
    lines.forEach((cellLines, i) => {
      let y = padY;
      const align = table.align[i] ?? 'left';
      const tag = runTagger(runs[i]!, isHeader ? openStruct(row, 'TH', { scope: 'Column' }) : openStruct(row, 'TD'));
      for (const line of cellLines) {
        items.push(...lineItems(line, x + padX, y, align, widths[i]! - 2 * padX, tag));
        y += line.heightPt;
      }
      x += widths[i]!;
    });
    items.push({ type: 'line', x1: ctx.x, y1: heightPt, x2: ctx.x + ctx.width, y2: heightPt, color: isHeader ? c.accent : c.rule, widthPt: isHeader ? 0.8 : 0.4 });
    return { heightPt, spaceBeforePt: 0, keepWithNext: isHeader, items };
  };

  const header = rowFragment(headRuns, head, 0, true);
  header.spaceBeforePt = spaceBeforePt;
  // The repeated header is drawn again, not read again.
  const repeat: Fragment = { ...header, spaceBeforePt: 0, items: asPagination(header.items) };
  const rows = rowRuns.map((r, i) => ({ ...rowFragment(r, body, i, false), repeatHeader: repeat }));
  // Never leave a single row alone on a page before the next one starts.
  if (rows.length > 1) rows[rows.length - 2]!.keepWithNext = true;
  return [header, ...rows];
}
