// The page model: every page of the brief as positioned items, in points
// from the page's top-left corner. Pure data (printable as JSON, compared
// with goldens); `pagesToPdf` is the only code that turns it into PDF.
import type { FontStyle, ThemeImage } from '../../theme/theme.js';

export type LinkTarget = { url: string } | { dest: string };

/** Standard structure types (ISO 32000-1 §14.8.4) a tagged brief uses. */
export type StructRole = 'Document' | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Caption' | 'Link' | 'Note' | 'Span';

/** One element of the structure tree; `PageModel.structure[0]` is the Document. */
export interface StructNode {
  role: StructRole;
  /** Index of the parent in `PageModel.structure` (-1 for the Document). */
  parent: number;
  /** Alternative text (figures): read instead of the element's content. */
  alt?: string;
  /**
   * A link's description: its annotation's Contents, what a screen reader
   * says of the link when it is focused ("Source 3: publisher"); the
   * text itself ("[3]") is still what is read in the flow.
   */
  contents?: string;
  lang?: string;
  /** Header cells: which cells they head. */
  scope?: 'Column' | 'Row';
  /** Element identifier (notes: PDF/UA wants one on every Note). */
  id?: string;
}

/**
 * What a drawn item is to a screen reader: `struct` is the index of its
 * structure element; without it the item is an artifact, `artifact` saying
 * which kind (Layout when absent: rules and backgrounds).
 */
interface Tagged {
  struct?: number;
  artifact?: 'Pagination';
}

export interface TextItem extends Tagged {
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
export interface RectItem extends Tagged {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  stroke?: string;
}
export interface LineItem extends Tagged {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  widthPt: number;
}
export interface SvgItem extends Tagged {
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
export interface ImageItem extends Tagged {
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
  /** The structure tree in document order (tagged PDF); items point into it. */
  structure: StructNode[];
  /** Images the pages show; absent when there are none. */
  images?: ThemeImage[];
  info: { title: string; author?: string; subject?: string; keywords?: string; lang: string; date: string };
}
