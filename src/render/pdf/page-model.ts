// The page model: every page of the brief as positioned items, in points
// from the page's top-left corner. Pure data (printable as JSON, compared
// with goldens); `pagesToPdf` is the only code that turns it into PDF.
import type { FontStyle, ThemeImage } from '../../theme/theme.js';

export type LinkTarget = { url: string } | { dest: string };

export interface TextItem {
  type: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  font: FontStyle;
  sizePt: number;
  color: string;
  width: number;
  link?: LinkTarget;
}
export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  stroke?: string;
}
export interface LineItem {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  widthPt: number;
}
export interface SvgItem {
  type: 'svg';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Index into PageModel.svgs. */
  svg: number;
  title: string;
}
/** A named destination (link target) at this position. */
export interface DestItem {
  type: 'dest';
  name: string;
  y: number;
}
/** A picture (a logo, an image of the document). */
export interface ImageItem {
  type: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Index into PageModel.images. */
  image: number;
  alt: string;
}
export type PageItem = TextItem | RectItem | LineItem | SvgItem | DestItem | ImageItem;

export interface Page {
  number: number;
  items: PageItem[];
}

export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
  y: number;
}

export interface PageModel {
  widthPt: number;
  heightPt: number;
  pages: Page[];
  outline: OutlineEntry[];
  svgs: string[];
  /** Images the pages show; absent when there are none. */
  images?: ThemeImage[];
  info: { title: string; author?: string; subject?: string; keywords?: string; lang: string; date: string };
}
