// Read a tagged PDF's structure back with pdfjs-dist: each page's structure
// tree (getStructTree) and its content in stream order with the marked
// content each piece of text is in, for accessibility assertions.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructElement {
  role: string;
  alt?: string;
  lang?: string;
  children: StructKid[];
}
export type StructKid = StructElement | { type: 'content' | 'object'; id: string };

export interface PageStructure {
  tree: StructElement;
  /** Text of each marked-content sequence with an MCID, by its pdfjs id (`p12R_mc3`). */
  textById: Map<string, string>;
  /** MCIDs in the order the content stream draws them. */
  streamOrder: string[];
  /** Text drawn inside an Artifact sequence. */
  artifactText: string;
  /** Text drawn in no marked-content sequence at all (untagged: must be empty). */
  untaggedText: string;
}

export async function readStructure(bytes: Uint8Array): Promise<PageStructure[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PageStructure[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tree = (await page.getStructTree()) as unknown as StructElement;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const textById = new Map<string, string>();
    const streamOrder: string[] = [];
    const stack: { id: string | null; tag: string }[] = [];
    let artifactText = '';
    let untaggedText = '';
    for (const item of content.items as ({ str: string } | { type: string; id?: string | null; tag?: string })[]) {
      if ('str' in item) {
        const artifact = stack.some((m) => m.tag === 'Artifact');
        const id = [...stack].reverse().find((m) => m.id)?.id;
        if (artifact) artifactText += item.str;
        else if (id) textById.set(id, (textById.get(id) ?? '') + item.str);
        else untaggedText += item.str;
        continue;
      }
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        stack.push({ id: item.id ?? null, tag: item.tag ?? '' });
        if (item.id) streamOrder.push(item.id);
      } else if (item.type === 'endMarkedContent') stack.pop();
    }
    pages.push({ tree, textById, streamOrder, artifactText, untaggedText });
  }
  await doc.destroy();
  return pages;
}

export const isElement = (k: StructKid): k is StructElement => 'role' in k;

/** Elements of a tree, depth first, in order. */
export function elements(e: StructElement): StructElement[] {
  return [e, ...e.children.filter(isElement).flatMap(elements)];
}

/** Content ids of a tree, in tree order. */
export function contentIds(e: StructElement): string[] {
  return e.children.flatMap((k) => (isElement(k) ? contentIds(k) : k.type === 'content' ? [k.id] : []));
}

/** The text of an element's marked content, in tree order. */
export function elementText(e: StructElement, page: PageStructure): string {
  return contentIds(e)
    .map((id) => page.textById.get(id) ?? '')
    .join('');
}
