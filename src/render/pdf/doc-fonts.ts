// The document's embedded fonts by style, each added to a page's resources
// the first time the page uses it. Styles drawn with the same face (a
// heading and bold, unless a brand sets headings apart) share one font.
import type { FontSet } from '../../theme/fonts.js';
import type { FontStyle } from '../../theme/theme.js';
import { internals, type EmbeddedFont } from './pdfkit-internals.js';

export class DocFonts {
  private readonly byStyle = new Map<FontStyle, EmbeddedFont>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontSet,
  ) {}

  use(style: FontStyle): EmbeddedFont {
    let font = this.byStyle.get(style);
    if (!font) {
      this.doc.font(this.fonts.canonicalStyle(style));
      font = internals(this.doc)._font;
      this.byStyle.set(style, font);
    }
    const resources = internals(this.doc).page.fonts;
    if (resources[font.id] == null) resources[font.id] = font.ref();
    return font;
  }
}
