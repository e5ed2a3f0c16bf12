// The page model's structure tree → a tagged PDF's: marked-content ids
// (MCIDs) for what each page draws, and at the end the structure elements,
// the parent tree (page content and link annotations → their element) and
// the ID tree. pdfkit's `doc.struct` writes its own BDC operators as it
// goes; briefdeck writes content operators itself (content-stream.ts), so
// it assigns the MCIDs and hands pdfkit only dictionaries.
import type { PageItem, StructNode } from './page-model.js';
import type { TaggingInternals, PdfRef } from './pdfkit-internals.js';

type Kid = { node: number } | { page: PdfRef; mcid: number } | { page: PdfRef; annot: PdfRef };

export class TagTree {
  private readonly refs: PdfRef[];
  private readonly kids: Kid[][];
  private readonly attached: boolean[];
  /** The open sequence on the current page: an element index, or an artifact kind. */
  private current: number | string | undefined;
  private page: { ref: PdfRef; parents: PdfRef[] } | undefined;
  private readonly bboxes = new Map<number, number[]>();

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
    if (item.type === 'svg') this.bboxes.set(item.struct, [item.x, this.pageHeightPt - item.y - item.h, item.x + item.w, this.pageHeightPt - item.y]);
    if (this.current === item.struct) return undefined;
    this.current = item.struct;
    const mcid = page.parents.length;
    page.parents.push(this.refs[item.struct]!);
    this.attach(item.struct);
    this.kids[item.struct]!.push({ page: page.ref, mcid });
    return `/${this.nodes[item.struct]!.role} <</MCID ${mcid}>> BDC`;
  }

  /**
   * The `structParent` option for a link annotation of element `struct`:
   * pdfkit calls `add` before it writes the annotation, which then gets its
   * StructParent key, and the element an OBJR (PDF/UA: links are in the tree).
   */
  annotationParent(struct: number): { add(child: { annotationRef: PdfRef }): void } {
    return {
      add: ({ annotationRef }) => {
        const key = this.doc.createStructParentTreeNextKey();
        annotationRef.data['StructParent'] = key;
        this.doc.getStructParentTree().add(key, this.refs[struct]!);
        this.attach(struct);
        this.kids[struct]!.push({ page: this.page!.ref, annot: annotationRef });
      },
    };
  }

  /** Writes every element, the root's kids and the ID tree. Call before `doc.end()`. */
  finish(): void {
    // An element that drew nothing (an empty table cell) still belongs where it was made.
    this.nodes.forEach((_, i) => this.attach(i, true));
    const root = this.doc.getStructTreeRoot();
    root.data['K'] = [this.refs[0]];
    const ids: [string, PdfRef][] = [];
    // pdfkit writes an object as three chunks, each pushed through its stream;
    // hundreds of elements make that a cost of its own: gather them, push once.
    const doc = this.doc;
    const write = doc._write;
    const chunks: Uint8Array[] = [];
    doc._write = (data) => {
      const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
      chunks.push(bytes);
      doc._offset += bytes.length;
    };
    try {
      this.writeElements(root, ids);
    } finally {
      doc._write = write;
    }
    doc.push(Buffer.concat(chunks));
    if (ids.length) {
      // A name tree of one node: its keys sorted (byte order, as PDF compares strings).
      ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      root.data['IDTree'] = { Names: ids.flatMap(([id, ref]) => [new String(id), ref]) };
    }
  }

  private writeElements(root: PdfRef, ids: [string, PdfRef][]): void {
    this.nodes.forEach((n, i) => {
      const data: Record<string, unknown> = { Type: 'StructElem', S: n.role, P: n.parent < 0 ? root : this.refs[n.parent] };
      const kids = this.kids[i]!;
      const firstPage = kids.find((k): k is Kid & { page: PdfRef } => 'page' in k)?.page;
      if (firstPage) data['Pg'] = firstPage;
      const K = kids.map((k) => {
        if ('node' in k) return this.refs[k.node];
        if ('annot' in k) return { Type: 'OBJR', Obj: k.annot, Pg: k.page };
        return k.page === firstPage ? k.mcid : { Type: 'MCR', Pg: k.page, MCID: k.mcid };
      });
      if (K.length) data['K'] = K;
      if (n.alt !== undefined) data['Alt'] = new String(n.alt);
      if (n.lang) data['Lang'] = new String(n.lang);
      if (n.id) {
        data['ID'] = new String(n.id);
        ids.push([n.id, this.refs[i]!]);
      }
      const bbox = this.bboxes.get(i);
      if (n.scope) data['A'] = { O: 'Table', Scope: n.scope };
      else if (bbox) data['A'] = { O: 'Layout', Placement: 'Block', BBox: bbox };
      Object.assign(this.refs[i]!.data, data);
      this.refs[i]!.end();
    });
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
      kids.push({ node: i });
      return;
    }
    let at = 0;
    kids.forEach((k, j) => {
      if ('node' in k && k.node < i) at = j + 1;
    });
    kids.splice(at, 0, { node: i });
  }
}
