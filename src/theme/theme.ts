// One theme for everything: document typography, PDF page, chart styling
// and (later) slides all read these values, so a brief and its charts match.

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'semibold';

export const theme = {
  font: {
    family: 'Be Vietnam Pro',
    /** Named for viewers without the font (PPTX cannot embed it). */
    fallbacks: ['Noto Sans', 'Segoe UI', 'Arial', 'sans-serif'],
  },
  colors: {
    text: '#1f2933',
    muted: '#5c6873',
    accent: '#0b4f8a',
    accentLight: '#e8f0f8',
    rule: '#c4ccd4',
    tableHeaderFill: '#e8f0f8',
    tableStripeFill: '#f6f8fa',
    warningFill: '#fdf3e1',
    warningRule: '#c98a12',
    link: '#0b4f8a',
    chartPalette: ['#0b4f8a', '#e07a10', '#2a8c82', '#b8373a', '#6f5aa8', '#8a7a2a', '#5c6873'],
  },
  /** Sizes in points. */
  sizePt: {
    body: 10,
    small: 8,
    tiny: 7,
    title: 22,
    subtitle: 12.5,
    h1: 15,
    h2: 12.5,
    h3: 11,
    h4: 10,
    keyFigureValue: 17,
    header: 7.5,
    chartText: 9,
  },
  lineHeight: 1.42,
  page: {
    /** A4 in points. */
    widthPt: 595.28,
    heightPt: 841.89,
    marginTopPt: 62,
    marginBottomPt: 58,
    marginLeftPt: 62,
    marginRightPt: 62,
  },
  chart: {
    /** Whole chart width, axes and legend included: the A4 text width, so 1 px = 1 pt. */
    widthPx: 471,
    heightPx: 220,
  },
} as const;

export type Theme = typeof theme;
