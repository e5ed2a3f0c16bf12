// A page's content stream, written as operator strings and handed to pdfkit
// in one piece. pdfkit turns every `addContent` call into its own byte
// array and joins them at the end; drawing a page item by item through its
// API made thousands of those per brief. Text shown in a row shares one
// BT…ET, and the fill colour and font are set only when they change.
// Marked-content sequences (tagged PDF) wrap runs of items: a sequence is
// opened and closed outside text objects, so BDC/EMC and BT/ET always nest.
import { namedColorHex } from './css-colors.js';
import type { DocInternals } from './pdfkit-internals.js';

/** A number as pdfkit writes one: rounded to 6 decimals, no exponent for PDF sizes. */
export function pdfNumber(v: number): string {
  const r = Math.round(v * 1e6) / 1e6;
  return r === 0 ? '0' : String(r);
}

/** `#rgb` / `#rrggbb` / `rgb(r,g,b)` / a colour keyword → "r g b" in 0–1, or undefined for any other colour syntax. */
export function rgbComponents(css: string): string | undefined {
  let r: number;
  let g: number;
  let b: number;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(namedColorHex(css.trim()) ?? css.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    r = parseInt(h.slice(0, 2), 16);
    g = parseInt(h.slice(2, 4), 16);
    b = parseInt(h.slice(4, 6), 16);
  } else {
    const fn = /^rgb\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*\)$/i.exec(css.trim());
    if (!fn) return undefined;
    [r, g, b] = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
    if (r > 255 || g > 255 || b > 255) return undefined;
  }
  return `${pdfNumber(r / 255)} ${pdfNumber(g / 255)} ${pdfNumber(b / 255)}`;
}

export class PageContent {
  private parts: string[] = [];
  private inText = false;
  /** The fill colour and font last set, while they are known (cleared when something else may have changed them). */
  private fill: string | undefined;
  private font: string | undefined;
  /** A marked-content sequence is open (its EMC is still to come). */
  private marked = false;

  constructor(private readonly doc: DocInternals) {}

  /** Graphics operators (outside a text object). They may change any state (a `Q` restores an older font too). */
  op(ops: string): void {
    this.endText();
    this.parts.push(ops);
    this.fill = undefined;
    this.font = undefined;
  }

  /** Sets the fill colour ("r g b") unless it is already set; allowed inside text objects too. */
  fillRgb(rgb: string): void {
    if (this.fill === rgb) return;
    this.parts.push(`${rgb} rg`);
    this.fill = rgb;
  }

  /** Text operators, inside a BT…ET shared with the text shown just before. */
  text(fontId: string, sizePt: number, ops: string): void {
    if (!this.inText) {
      // The font is text state, which outlives the text object: kept from the last BT…ET unless something else ran since.
      this.parts.push('BT');
      this.inText = true;
    }
    const font = `/${fontId} ${pdfNumber(sizePt)} Tf`;
    if (this.font !== font) {
      this.parts.push(font);
      this.font = font;
    }
    this.parts.push(ops);
  }

  /** Ends the open marked-content sequence, if any, and opens one with `bdc` (`/P <</MCID 3>> BDC`). */
  beginMarked(bdc: string): void {
    this.endMarked();
    this.parts.push(bdc);
    this.marked = true;
  }

  /** Ends the open marked-content sequence: before the page ends. */
  endMarked(): void {
    this.endText();
    if (!this.marked) return;
    this.parts.push('EMC');
    this.marked = false;
  }

  /** Hands everything written so far to pdfkit: call before any pdfkit call that writes content itself. */
  flush(): void {
    this.endText();
    if (this.parts.length) this.doc.addContent(this.parts.join('\n'));
    this.parts = [];
    this.fill = undefined;
    this.font = undefined;
  }

  private endText(): void {
    if (!this.inText) return;
    this.parts.push('ET');
    this.inText = false;
  }
}
