// The document's embedded fonts by style, each added to a page's resources
// the first time the page uses it.
import type { FontStyle } from '../../theme/theme.js';
import { internals, type EmbeddedFont } from './pdfkit-internals.js';

export class DocFonts {
  private readonly byStyle = new Map<FontStyle, EmbeddedFont>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  use(style: FontStyle): EmbeddedFont {
    let font = this.byStyle.get(style);
    if (!font) {
      this.doc.font(style);
      font = internals(this.doc)._font;
      this.byStyle.set(style, font);
    }
    const resources = internals(this.doc).page.fonts;
    if (resources[font.id] == null) resources[font.id] = font.ref();
    return font;
  }
}
