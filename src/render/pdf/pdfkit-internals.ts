// The few pdfkit internals briefdeck reaches into, typed in one place.
// pdfkit's public text API (`doc.text`) re-runs option handling, line
// wrapping and width measurement for every call, which the layout has
// already done; drawing placed glyph runs needs the embedded font's
// encoder and the page's font resources, which pdfkit does not expose.
// These shapes match pdfkit 0.17–0.20 (checked by the PDF tests).

/** A glyph position from pdfkit's encoder, in 1/1000 em. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The width the font's /W array gives the glyph. */
  advanceWidth: number;
}

/** A fontkit glyph, as far as encoding needs it. */
export interface LaidGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** fontkit's subset, as pdfkit's EmbeddedFont holds it. */
export interface FontSubset {
  glyphs: number[];
  mapping: Record<number, number>;
  /** Adds a glyph (by font glyph id) if new; returns its subset id. */
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

/** pdfkit's EmbeddedFont: one per font per document. */
export interface EmbeddedFont {
  /** Resource name on the page, e.g. "F2". */
  id: string;
  /** fontkit's font object (the process-wide one from fontkit-shared). */
  font: object;
  subset: FontSubset;
  /** Font units → 1/1000 em. */
  scale: number;
  /** By subset glyph id: width for the /W array (1/1000 em) and code points for the ToUnicode map. */
  widths: number[];
  unicode: number[][];
  /** Shaped text, split at spaces as pdfkit shapes it; positions in 1/1000 em. */
  layout(text: string): { glyphs: LaidGlyph[]; positions: GlyphPosition[] };
  /** Glyphs as 4-digit hex subset ids, and their positions. */
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

/** The parts of a PDFDocument used beyond its typings. */
export interface DocInternals {
  _font: EmbeddedFont;
  /** Every font the document opened, by name (a font may be listed more than once). */
  _fontFamilies: Record<string, EmbeddedFont>;
  page: { fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

export const internals = (doc: PDFKit.PDFDocument): DocInternals => doc as unknown as DocInternals;

/** A PDF object pdfkit will write: its dictionary, written when ended. */
export interface PdfRef {
  id: number;
  /** Where the object starts in the file (for the xref table). */
  offset: number;
  data: Record<string, unknown>;
  end(): void;
  /** "12 0 R" */
  toString(): string;
}

/** pdfkit's tagging internals (its MarkingsMixin, pdfkit ≥ 0.15), used to write a structure tree of our own MCIDs. */
export interface TaggingInternals {
  ref(data: Record<string, unknown>): PdfRef;
  page: { dictionary: PdfRef; structParentTreeKey: number; annotations: PdfRef[] };
  getStructTreeRoot(): PdfRef;
  getStructParentTree(): { get(key: number): unknown; add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
  /** Bytes written so far (no encryption: briefdeck never sets a password). */
  _offset: number;
  /** Records a written object's offset for the xref table. */
  _refEnd(ref: PdfRef): void;
  /** The Readable stream's push: the file's bytes go out through it. */
  push(chunk: Uint8Array): boolean;
}

export const taggingInternals = (doc: PDFKit.PDFDocument): TaggingInternals => doc as unknown as TaggingInternals;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * pdfkit copies the Info values (title, author…) into the XMP packet as
 * they are, so a title with `&` or `<` made the packet unreadable (PDF/UA
 * wants it read). They are escaped for the packet only; Info keeps the text.
 */
export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as { info: Record<string, unknown>; _addInfo(): void };
  const addInfo = d._addInfo;
  d._addInfo = () => {
    const info = d.info;
    d.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    try {
      addInfo.call(d);
    } finally {
      d.info = info;
    }
  };
}

/** The XMP identification of PDF/UA-1 (ISO 14289-1 §5), as pdfkit's PDF/UA subset writes it. */
export function claimPdfUa(doc: PDFKit.PDFDocument): void {
  (doc as unknown as { appendXML(xml: string): void }).appendXML(`
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        `);
}

/**
 * pdfkit sorts the keys of the named-destination tree with localeCompare.
 * The PDF format wants them in the order of their bytes (ISO 32000-1,
 * 7.9.6; a viewer finds a name by binary search), and the first
 * localeCompare of a process loads ICU's collation data (about 20 ms of a
 * cold build). pdfkit writes an ASCII key as its bytes and any other as
 * UTF-16BE after the FE FF mark, so: ASCII keys first, each kind in
 * code-unit order (which is the byte order of both).
 */
export function sortDestinationsByBytes(doc: PDFKit.PDFDocument): void {
  const names = (doc as unknown as { _root: { data: { Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } } } } })._root.data.Names.data;
  const ascii = (s: string) => !/[^\u0000-\u007f]/.test(s);
  names.Dests._compareKeys = (a, b) => {
    const kindA = ascii(a);
    if (kindA !== ascii(b)) return kindA ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}
