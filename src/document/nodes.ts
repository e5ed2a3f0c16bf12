// Our own document tree: the closed set of nodes every renderer reads.
// Renderers never see Markdown; a directive is validated once, here.
import type { Position } from '../diagnostics/diagnostic.js';
import type { Locale } from '../format/locale.js';
import type { ThemeImage } from '../theme/theme.js';

interface Node {
  position: Position;
}

// Inline content

export interface Text extends Node {
  type: 'text';
  value: string;
}
export interface Strong extends Node {
  type: 'strong';
  children: Inline[];
}
export interface Emphasis extends Node {
  type: 'emphasis';
  children: Inline[];
}
export interface Link extends Node {
  type: 'link';
  url: string;
  children: Inline[];
}
/** A numbered reference to an entry of the document's source list. */
export interface Citation extends Node {
  type: 'citation';
  number: number;
  sourceId: string;
  factIds: string[];
}
export interface FootnoteRef extends Node {
  type: 'footnote-ref';
  number: number;
}
export interface Break extends Node {
  type: 'break';
}
/** Text in another language than the document's (`:lang[…]{code=fr}`): screen readers switch voice and spell-checkers language. */
export interface Lang extends Node {
  type: 'lang';
  /** A BCP 47 language tag: `en`, `zh-Hans`, `fr-CA`. */
  lang: string;
  children: Inline[];
}
export type Inline = Text | Strong | Emphasis | Link | Citation | FootnoteRef | Break | Lang;

// Blocks

export interface Heading extends Node {
  type: 'heading';
  level: 1 | 2 | 3 | 4;
  /** Slug, unique in the document: bookmark and link target. */
  id: string;
  children: Inline[];
}
export interface Paragraph extends Node {
  type: 'paragraph';
  children: Inline[];
}
export interface ListItem extends Node {
  type: 'list-item';
  children: Block[];
}
export interface List extends Node {
  type: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}
export type Align = 'left' | 'right' | 'center';
export interface TableCell extends Node {
  type: 'table-cell';
  children: Inline[];
}
export interface Table extends Node {
  type: 'table';
  align: Align[];
  header: TableCell[];
  rows: TableCell[][];
}
export interface RenderedChart {
  svg: string;
  widthPx: number;
  heightPx: number;
  /** Text labels drawn in the chart (axis labels, titles) for alt text and checks. */
  labels: string[];
  /** The data of the chart's first data mark as Vega drew it (after transforms): what its alternative text describes. */
  drawn?: { marktype: string; data: DrawnDatum[] };
}
/** One drawn bar, point or slice: its datum's plain fields. */
export type DrawnDatum = Record<string, string | number | boolean | null>;
export interface Chart extends Node {
  type: 'chart';
  /** Spec name: `templates/charts/<name>.vl.json`. */
  name: string;
  title: string;
  unitLine: string;
  sourceLine: Inline[];
  noteLine?: string;
  /** Vega-Lite spec with the series rows inlined; nothing else is read. */
  spec: Record<string, unknown>;
  /**
   * What Vega draws instead of `spec` when the two differ: a long line
   * thinned for drawing (src/charts/drawing-spec.ts). `spec` keeps every
   * row (the deck's native chart embeds them); `note` says what was drawn,
   * under a chart drawn from this spec.
   */
  drawing?: { spec: Record<string, unknown>; drawn: number; total: number; note?: string };
  seriesId: string;
  /** The series' precision (ResolvedChart.decimals): the deck's native chart number format. */
  decimals?: number;
  /** Qualifier words by fact id (ResolvedChart.qualifiers): kept in the deck's value labels. */
  qualifiers?: Record<string, string>;
  /** Filled by the charts stage before rendering. */
  rendered?: RenderedChart;
  /** Alternative text made from the spec and the drawn data (charts stage, `chartAltText`): PDF Figure Alt, deck `descr`. */
  altText?: string;
  /** Set by the charts stage when the series has no rows: the placeholder text drawn instead of a chart ("No data"). */
  noData?: string;
}
export interface KeyFigure extends Node {
  type: 'key-figure';
  value: string;
  label: string;
  period: string;
  change?: string;
  citations: Citation[];
}
export interface KeyFigures extends Node {
  type: 'key-figures';
  figures: KeyFigure[];
}
export type CalloutKind = 'key-points' | 'note' | 'warning' | 'success' | 'danger';
export interface Callout extends Node {
  type: 'callout';
  kind: CalloutKind;
  title: string;
  children: Block[];
}
export interface PageBreak extends Node {
  type: 'page-break';
}
export interface ThematicBreak extends Node {
  type: 'thematic-break';
}
export interface SourceEntry {
  number: number;
  sourceId: string;
  publisher: string;
  title: string;
  date: string;
  url?: string;
}
export interface SourcesList extends Node {
  type: 'sources-list';
  title: string;
  entries: SourceEntry[];
}
export interface FootnoteList extends Node {
  type: 'footnote-list';
  items: { number: number; children: Block[] }[];
}
/**
 * A picture of the document: `![alt](images/map.png){width=60%}` alone in a
 * paragraph, or `::image[Caption]{src=… alt=… width=…}` for a caption that
 * cites a source.
 */
export interface Image extends Node {
  type: 'image';
  /** The path as written. */
  src: string;
  alt: string;
  /** Share of the text width, 10–100; absent: as wide as the text allows. */
  widthPercent?: number;
  caption: Inline[];
  /** Filled by the images stage (src/images): the checked file. */
  loaded?: ThemeImage;
}
/** Speaker notes (`:::notes`); shown in decks, not in briefs. */
export interface Notes extends Node {
  type: 'notes';
  children: Block[];
}
export type Block = Heading | Paragraph | List | Table | Chart | KeyFigures | Callout | PageBreak | ThematicBreak | SourcesList | FootnoteList | Notes | Image;

export interface DocumentMeta {
  title: string;
  subtitle?: string;
  marking?: string;
  /** Document date, `YYYY-MM-DD`; also the PDF creation date. */
  date: string;
  dateText: string;
  /** The date the dataset is current to (`YYYY-MM-DD`…), stated in every output. */
  dataAsOf: string;
  /** "Data as of 30 September 2025", in the document's language. */
  dataAsOfText: string;
  /** Facts older than this many months at the document date are reported as stale. */
  staleAfterMonths: number;
  author?: string;
  subject?: string;
  keywords?: string[];
  locale: Locale;
  /** Paper of a brief (front matter `paper:`); absent: the brand's (A4 by default). */
  paper?: 'a4' | 'letter';
  /** Shape of a deck (front matter `slides:`); absent: the brand's (16:9 by default). */
  slides?: '16:9' | '4:3';
  /** The corporate template a deck is built on (front matter `reference-deck:`), as written. */
  referenceDeck?: ReferenceDeckConfig;
}

/** `reference-deck:` in the front matter or briefdeck.yaml: the template file, and which of its layouts each kind of slide goes on. */
export interface ReferenceDeckConfig {
  file: string;
  layouts?: Partial<Record<'title' | 'section' | 'content' | 'title-only' | 'blank', string>>;
}

export interface Document {
  meta: DocumentMeta;
  children: Block[];
  /** Sources in citation order: entry n is citation number n. */
  sources: SourceEntry[];
  /** Ids of the facts the document cites or charts, in order of first use. */
  facts: string[];
}

/** Compile-time exhaustiveness: a switch that forgets a node type fails to type-check. */
export function assertNever(x: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(x)}`);
}
