// The look of a document as data: typography, colours, page and chart sizes,
// logo. Document layout, PDF, slides and charts all take a Theme, so a brief
// and its charts match. `defaultTheme` is today's look (also written as the
// repository's `_brand.yml`); src/brand makes a Theme from a user's brand file.
import { bundledFamily, bundledFonts, type FontSet } from './fonts.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'semibold' | 'heading' | 'subheading';

/** An image the brand names (a logo): its bytes, checked and measured by src/brand/load-image. */
export interface ThemeImage {
  /** Real path of the file. */
  file: string;
  kind: 'png' | 'jpeg' | 'svg';
  bytes: Buffer;
  widthPx: number;
  heightPx: number;
  alt: string;
}

export interface ThemeColors {
  text: string;
  muted: string;
  accent: string;
  accentLight: string;
  background: string;
  dark: string;
  light: string;
  rule: string;
  tableHeaderFill: string;
  tableStripeFill: string;
  warningFill: string;
  warningRule: string;
  successFill: string;
  successRule: string;
  dangerFill: string;
  dangerRule: string;
  link: string;
  chartPalette: readonly string[];
}

/** A callout's fill and its bar and title colour, by kind: the accent for notes and key points, the semantic colours for the others. */
export function calloutColors(c: ThemeColors, kind: 'key-points' | 'note' | 'warning' | 'success' | 'danger'): { fill: string; rule: string } {
  if (kind === 'warning') return { fill: c.warningFill, rule: c.warningRule };
  if (kind === 'success') return { fill: c.successFill, rule: c.successRule };
  if (kind === 'danger') return { fill: c.dangerFill, rule: c.dangerRule };
  return { fill: c.accentLight, rule: c.accent };
}

/** Paper sizes in points (ISO 216 A4; US Letter 8.5 × 11 in). */
export const paperSizes = {
  a4: { widthPt: 595.28, heightPt: 841.89 },
  letter: { widthPt: 612, heightPt: 792 },
} as const;
export type Paper = keyof typeof paperSizes;

/** Deck sizes in inches (PowerPoint's "Widescreen" and "Standard"). */
export const slideSizes = {
  '16:9': { widthIn: 13.333, heightIn: 7.5 },
  '4:3': { widthIn: 10, heightIn: 7.5 },
} as const;
export type SlideAspect = keyof typeof slideSizes;

export interface Theme {
  /** `meta.name` of the brand. */
  name: string;
  font: {
    family: string;
    headingFamily: string;
    /** Named for viewers without the font (PPTX cannot embed it). */
    fallbacks: readonly string[];
  };
  fonts: FontSet;
  colors: ThemeColors;
  /** Sizes in points. */
  sizePt: {
    body: number;
    small: number;
    tiny: number;
    title: number;
    subtitle: number;
    h1: number;
    h2: number;
    h3: number;
    h4: number;
    keyFigureValue: number;
    header: number;
    chartText: number;
  };
  lineHeight: number;
  paper: Paper;
  page: {
    widthPt: number;
    heightPt: number;
    marginTopPt: number;
    marginBottomPt: number;
    marginLeftPt: number;
    marginRightPt: number;
  };
  slides: SlideAspect;
  chart: {
    /** Whole chart width, axes and legend included: the text width, so 1 px = 1 pt. */
    widthPx: number;
    heightPx: number;
  };
  logo: { small?: ThemeImage; medium?: ThemeImage; large?: ThemeImage };
}

const margins = { marginTopPt: 62, marginBottomPt: 58, marginLeftPt: 62, marginRightPt: 62 };

export const defaultTheme: Theme = {
  name: 'briefdeck',
  font: { family: bundledFamily, headingFamily: bundledFamily, fallbacks: ['Noto Sans', 'Segoe UI', 'Arial', 'sans-serif'] },
  fonts: bundledFonts,
  colors: {
    text: '#1f2933',
    muted: '#5c6873',
    accent: '#0b4f8a',
    accentLight: '#e8f0f8',
    background: '#ffffff',
    dark: '#1f2933',
    light: '#e8f0f8',
    rule: '#c4ccd4',
    tableHeaderFill: '#e8f0f8',
    tableStripeFill: '#f6f8fa',
    // 12 % of the warning colour on the background, as a brand's is made (src/brand/load-brand.ts `tint`).
    warningFill: '#f9f1e3',
    warningRule: '#c98a12',
    successFill: '#e5f1f0',
    successRule: '#2a8c82',
    dangerFill: '#f6e7e7',
    dangerRule: '#b8373a',
    link: '#0b4f8a',
    chartPalette: ['#0b4f8a', '#e07a10', '#2a8c82', '#b8373a', '#6f5aa8', '#8a7a2a', '#5c6873'],
  },
  sizePt: { body: 10, small: 8, tiny: 7, title: 22, subtitle: 12.5, h1: 15, h2: 12.5, h3: 11, h4: 10, keyFigureValue: 17, header: 7.5, chartText: 9 },
  lineHeight: 1.42,
  paper: 'a4',
  page: { ...paperSizes.a4, ...margins },
  slides: '16:9',
  chart: { widthPx: 471, heightPx: 220 },
  logo: {},
};

/** `theme` on another paper: the page and the chart width (the text width) follow it. */
export function withPaper(theme: Theme, paper: Paper): Theme {
  if (paper === theme.paper) return theme;
  const page = { ...theme.page, ...paperSizes[paper] };
  const widthPx = Math.round(page.widthPt - page.marginLeftPt - page.marginRightPt);
  return { ...theme, paper, page, chart: { ...theme.chart, widthPx } };
}
