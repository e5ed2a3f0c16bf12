// The page model's structure tree → a tagged PDF's: marked-content ids
// (MCIDs) for what each page draws, and at the end the structure elements,
// the parent tree (page content and link annotations → their element) and
// the ID tree. pdfkit's `doc.struct` writes its own BDC operators as it
// goes; briefdeck writes content operators itself (content-stream.ts), so
// it assigns the MCIDs and hands pdfkit only dictionaries.
import type { LinkTarget, PageItem, StructNode } from './page-model.js';
import { pdfNumber } from './content-stream.js';
import type { TaggingInternals, PdfRef } from './pdfkit-internals.js';

type Kid = { kind: 'node'; node: number } | { kind: 'mcr'; page: PdfRef; mcid: number } | { kind: 'objr'; page: PdfRef; annot: PdfRef };

export class TagTree {
  private readonly refs: PdfRef[];
  private readonly kids: Kid[][];
  private readonly attached: boolean[];
  /** The open sequence on the current page: an element index, or an artifact kind. */
  private current: number | string | undefined;
  private page: { ref: PdfRef; parents: PdfRef[] } | undefined;
  private readonly bboxes = new Map<number, number[]>();
  /** Link annotations of tagged links, written with the elements. */
  private readonly annotations: { ref: PdfRef; rect: number[]; target: LinkTarget; key: number; contents: string }[] = [];

  constructor(
    private readonly doc: TaggingInternals,
    private readonly nodes: readonly StructNode[],
    private readonly pageHeightPt: number,
  ) {
    this.refs = nodes.map(() => doc.ref({}));
    this.kids = nodes.map(() => []);
    this.attached = nodes.map((_, i) => i === 0);
  }

  /** Call after each `addPage`: MCIDs start again at 0. */
  beginPage(): void {
    const page = this.doc.page;
    const parents = this.doc.getStructParentTree().get(page.structParentTreeKey) as PdfRef[];
    this.page = { ref: page.dictionary, parents };
    this.current = undefined;
  }

  /** The BDC operator that must open before `item` is drawn, or undefined if it continues the open sequence. */
  enter(item: Exclude<PageItem, { type: 'dest' }>): string | undefined {
    const page = this.page!;
    if (item.struct === undefined) {
      const kind = item.artifact ?? 'Layout';
      if (this.current === kind) return undefined;
      this.current = kind;
      return `/Artifact <</Type /${kind}>> BDC`;
    }
    if (item.type === 'svg' || item.type === 'image') this.bboxes.set(item.struct, [item.x, this.pageHeightPt - item.y - item.h, item.x + item.w, this.pageHeightPt - item.y]);
    if (this.current === item.struct) return undefined;
    this.current = item.struct;
    const mcid = page.parents.length;
    page.parents.push(this.refs[item.struct]!);
    this.attach(item.struct);
    this.kids[item.struct]!.push({ kind: 'mcr', page: page.ref, mcid });
    return `/${this.nodes[item.struct]!.role} <</MCID ${mcid}>> BDC`;
  }

  /**
   * A link annotation of element `struct` over the box (x, y, w, h) (y down
   * from the page top), written by `finish` with the elements: pdfkit's
   * `link`/`goTo` cost a generic conversion and three stream pushes per
   * object, and hundreds of citations made that a cost of its own. PDF/UA:
   * the annotation has a StructParent, its element an OBJR, and `Contents` describes it.
   */
  link(struct: number, x: number, y: number, w: number, h: number, target: LinkTarget, contents: string): void {
    const ref = this.doc.ref({});
    this.doc.page.annotations.push(ref);
    const key = this.doc.createStructParentTreeNextKey();
    this.doc.getStructParentTree().add(key, this.refs[struct]!);
    this.attach(struct);
    this.kids[struct]!.push({ kind: 'objr', page: this.page!.ref, annot: ref });
    this.annotations.push({ ref, rect: [x, this.pageHeightPt - y - h, x + w, this.pageHeightPt - y], target, key, contents });
  }

  /** Writes every element, the root's kids and the ID tree. Call before `doc.end()`. */
  finish(): void {
    // An element that drew nothing (an empty table cell) still belongs where it was made.
    this.nodes.forEach((_, i) => this.attach(i, true));
    const root = this.doc.getStructTreeRoot();
    root.data['K'] = [this.refs[0]];
    const ids: [string, PdfRef][] = [];
    this.writeElements(root, ids);
    if (ids.length) {
      // A name tree of one node: its keys sorted (byte order, as PDF compares strings).
      ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      root.data['IDTree'] = { Names: ids.flatMap(([id, ref]) => [new String(id), ref]) };
    }
  }

  /**
   * The elements as PDF objects, serialised here and handed to pdfkit's
   * stream in one chunk: its general `end()` (three stream pushes and a
   * generic conversion per object) cost as much as the rest of the tagging.
   * pdfkit still records each object's offset for the xref table (`_refEnd`).
   */
  private writeElements(root: PdfRef, ids: [string, PdfRef][]): void {
    const doc = this.doc;
    const r = (ref: PdfRef) => `${ref.id} 0 R`;
    let out = '';
    for (let i = 0; i < this.nodes.length; i++) {
      const n = this.nodes[i]!;
      const ref = this.refs[i]!;
      const kids = this.kids[i]!;
      let firstPage: PdfRef | undefined;
      for (const k of kids) {
        if (k.kind !== 'node') {
          firstPage = k.page;
          break;
        }
      }
      let text = `${ref.id} 0 obj\n<< /S /${n.role} /P ${r(n.parent < 0 ? root : this.refs[n.parent]!)}`;
      if (firstPage) text += ` /Pg ${r(firstPage)}`;
      if (kids.length) {
        text += ' /K [';
        for (const k of kids) {
          if (k.kind === 'node') text += ` ${r(this.refs[k.node]!)}`;
          else if (k.kind === 'objr') text += ` << /Type /OBJR /Obj ${r(k.annot)} /Pg ${r(k.page)} >>`;
          else text += k.page === firstPage ? ` ${k.mcid}` : ` << /Type /MCR /Pg ${r(k.page)} /MCID ${k.mcid} >>`;
        }
        text += ' ]';
      }
      if (n.alt !== undefined) text += ` /Alt ${pdfTextString(n.alt)}`;
      if (n.lang) text += ` /Lang ${pdfTextString(n.lang)}`;
      if (n.id) {
        text += ` /ID ${pdfTextString(n.id)}`;
        ids.push([n.id, ref]);
      }
      const bbox = this.bboxes.get(i);
      if (n.scope) text += ` /A << /O /Table /Scope /${n.scope} >>`;
      else if (bbox) text += ` /A << /O /Layout /Placement /Block /BBox [${bbox.map(pdfNumber).join(' ')}] >>`;
      text += ' >>\nendobj\n';
      ref.offset = doc._offset;
      // Hex and escaped strings only: one byte per character.
      doc._offset += text.length;
      doc._refEnd(ref);
      out += text;
    }
    for (const a of this.annotations) {
      // As pdfkit writes a link: no border, printed (F 4); the action inline.
      const action = 'url' in a.target ? `<< /S /URI /URI ${pdfTextString(a.target.url)} >>` : `<< /S /GoTo /D ${pdfTextString(a.target.dest)} >>`;
      const text = `${a.ref.id} 0 obj\n<< /Type /Annot /Subtype /Link /Rect [${a.rect.map(pdfNumber).join(' ')}] /Border [0 0 0] /F 4 /A ${action} /StructParent ${a.key} /Contents ${pdfTextString(a.contents)} >>\nendobj\n`;
      a.ref.offset = doc._offset;
      doc._offset += text.length;
      doc._refEnd(a.ref);
      out += text;
    }
    doc.push(Buffer.from(out, 'latin1'));
  }

  /**
   * Puts element `i` among its parent's kids, parents first. While drawing,
   * kids come in the order they are drawn (the reading order); at the end
   * (`late`) an element that drew nothing goes after the last sibling made before it.
   */
  private attach(i: number, late = false): void {
    if (this.attached[i]) return;
    this.attached[i] = true;
    const parent = this.nodes[i]!.parent;
    this.attach(parent, late);
    const kids = this.kids[parent]!;
    if (!late) {
      kids.push({ kind: 'node', node: i });
      return;
    }
    let at = 0;
    kids.forEach((k, j) => {
      if (k.kind === 'node' && k.node < i) at = j + 1;
    });
    kids.splice(at, 0, { kind: 'node', node: i });
  }
}

/**
 * A PDF text string literal: printable ASCII as it is, anything else as
 * UTF-16BE with its byte-order mark, the bytes as latin1 characters (the
 * caller writes latin1), with `\`, `(`, `)` and CR escaped.
 */
export function pdfTextString(s: string): string {
  const bytes = /^[\x20-\x7e]*$/.test(s) ? s : Buffer.from(`\ufeff${s}`, 'utf16le').swap16().toString('latin1');
  return `(${bytes.replace(/[\\()\r]/g, (c) => (c === '\r' ? '\\r' : `\\${c}`))})`;
}
