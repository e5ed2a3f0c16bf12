// The slide model: every slide of the deck as positioned items, in inches on
// a 13.33 × 7.5 in (16:9) or 10 × 7.5 in (4:3) slide. Pure data, printable as JSON and compared
// with goldens; `slidesToPptx` alone turns it into a PowerPoint file.
import type { NativeChart } from '../../charts/native-chart.js';
import type { FontStyle, ThemeImage } from '../../theme/theme.js';

export interface TextRun {
  text: string;
  font: FontStyle;
  sizePt: number;
  color: string;
  /** Superscript citation marker. */
  superscript?: boolean;
  /** The facts a citation marker cites, or a key figure's value shows: the preview's provenance map (PowerPoint ignores it). */
  facts?: string[];
  url?: string;
  /** Language of a run in another language than the deck's (`:lang`). */
  lang?: string;
}

export interface Paragraph {
  runs: TextRun[];
  bullet: boolean;
  /** Numbered list item (1., 2., …) rather than a bullet. */
  numbered?: boolean;
  level: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextItem extends Box {
  type: 'text';
  paragraphs: Paragraph[];
  fill?: string;
  /** The slide's source line: it sits in its band between the body and the footer, not in the body. The title slide's block of title, subtitle and date. */
  role?: 'source-line' | 'title-block';
  valign: 'top' | 'middle' | 'bottom';
  align: 'left' | 'center' | 'right';
}

export interface TableItem extends Box {
  type: 'table';
  columnWidths: number[];
  header: TextRun[][];
  rows: TextRun[][][];
  align: ('left' | 'right' | 'center')[];
  sizePt: number;
  /** Height of each row in inches, the header row first; they add up to `h`. */
  rowHeights: number[];
  /** Alternative text of the table's frame (`descr`): its columns and rows. */
  altText: string;
}

export interface ChartItem extends Box {
  type: 'chart';
  title: string;
  native?: NativeChart;
  /** Index into SlideModel.pictures when the chart is a picture. */
  picture?: number;
  altText: string;
}

export interface RectItem extends Box {
  type: 'rect';
  fill: string;
}

/** A picture (a logo, an image of the document). */
export interface ImageItem extends Box {
  type: 'image';
  /** Index into SlideModel.images. */
  image: number;
  altText: string;
}

export type SlideItem = TextItem | TableItem | ChartItem | RectItem | ImageItem;

export interface Slide {
  number: number;
  kind: 'title' | 'section' | 'content';
  title: string;
  items: SlideItem[];
  /** Speaker notes, one string per paragraph (list items start with "• "). */
  notes: string[];
  footer?: { marking: string; date: string; number: string };
}

export interface SlideModel {
  widthIn: number;
  heightIn: number;
  slides: Slide[];
  /** Chart SVGs to draw as pictures (charts PowerPoint cannot draw natively). */
  pictures: { svg: string; widthPx: number; heightPx: number }[];
  /** Images the slides show (checked and measured when loaded); absent when there are none. */
  images?: ThemeImage[];
  /** The brand's logo on the slide master: index into `images`. */
  masterLogo?: number;
  info: { title: string; author?: string; subject?: string; lang: string; date: string };
}
