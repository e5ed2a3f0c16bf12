// Read a PDF back with pdfjs-dist: pages, text, metadata, outline, links and
// embedded fonts, for assertions on what a reader would actually see.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
  outline: string[];
  links: { page: number; url?: string; dest?: unknown }[];
  fonts: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const links: ReadPdf['links'] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let text = '';
    let lastY: number | undefined;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = item.transform[5] as number;
      // Citation markers sit a few points above the baseline: same line.
      if (lastY !== undefined && Math.abs(y - lastY) > 5) text += '\n';
      text += item.str;
      if (item.str.trim() !== '' && !/^\[\d+\]$|^\d+$/.test(item.str.trim())) lastY = y;
      else lastY ??= y;
    }
    pages.push(text);
    for (const a of await page.getAnnotations()) if (a.subtype === 'Link') links.push({ page: i, url: a.url, dest: a.dest });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []).flatMap(function flat(o: { title: string; items?: unknown[] }): string[] {
    return [o.title, ...((o.items ?? []) as { title: string; items?: unknown[] }[]).flatMap(flat)];
  });
  const raw = Buffer.from(bytes).toString('latin1');
  const fonts = [...new Set([...raw.matchAll(/\/BaseFont\s*\/([^\s/<>\[\]]+)/g)].map((m) => m[1]!))].sort();
  await doc.destroy();
  return { pages, text: pages.join('\n'), info: meta.info as Record<string, unknown>, outline, links, fonts };
}
