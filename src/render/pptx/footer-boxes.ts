// A slide's footer (marking, date, number) as three boxes: where each sits
// and how it is styled, for every renderer of the slide model (the deck and
// the preview's SVG), so that they cannot place it differently.
import type { FontStyle, Theme } from '../../theme/theme.js';

export interface FooterBox {
  text: string;
  font: FontStyle;
  color: string;
  sizePt: number;
  /** Inches from the slide's top left. */
  x: number;
  y: number;
  w: number;
  h: number;
  align: 'left' | 'center' | 'right';
}

/** No marking, no box: an empty text box is one more stop for a screen reader. */
export function footerBoxes(footer: { marking: string; date: string; number: string }, widthIn: number, heightIn: number, theme: Theme): FooterBox[] {
  const c = theme.colors;
  const y = heightIn - 0.5;
  const box = { sizePt: 10, y, w: 4, h: 0.3 };
  return [
    ...(footer.marking ? [{ ...box, text: footer.marking.toUpperCase(), font: 'bold' as const, color: c.accent, x: 0.6, align: 'left' as const }] : []),
    { ...box, text: footer.date, font: 'regular', color: c.muted, x: Math.round((widthIn - 4) * 50) / 100, align: 'center' },
    { ...box, text: footer.number, font: 'regular', color: c.muted, x: widthIn - 4.6, align: 'right' },
  ];
}
