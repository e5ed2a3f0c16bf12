// Make pptxgenjs output reproducible: it stamps dates into docProps/core.xml
// (and into each embedded chart workbook), gives zip entries the current
// time, and numbers charts with a counter that lives as long as the process.
// Here dates are fixed, entry times pinned and charts renumbered 1…n in
// order, in every part that names them.
import JSZip from 'jszip';

const zipDate = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

async function rezip(zip: JSZip, date: Date): Promise<Buffer> {
  zip.forEach((_, file) => {
    file.date = zipDate(date);
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

function fixCoreDates(xml: string, iso: string): string {
  return xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
}

export async function normalizePptx(pptx: Buffer, date: Date): Promise<Buffer> {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zip = await JSZip.loadAsync(pptx);
  // Chart numbers in order of appearance → 1, 2, 3…
  const numbers = Object.keys(zip.files)
    .map((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const renumber = new Map(numbers.map((n, i) => [n, i + 1]));
  const rename = (s: string) =>
    s.replace(/chart(\d+)\.xml/g, (m, n: string) => (renumber.has(Number(n)) ? `chart${renumber.get(Number(n))}.xml` : m)).replace(/Microsoft_Excel_Worksheet(\d+)\.xlsx/g, (m, n: string) => (renumber.has(Number(n)) ? `Microsoft_Excel_Worksheet${renumber.get(Number(n))}.xlsx` : m));
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0))) {
    const file = zip.files[name]!;
    if (file.dir) continue;
    const target = rename(name);
    if (/\.(xml|rels)$/.test(name)) {
      let text = await file.async('string');
      text = rename(text);
      if (name === 'docProps/core.xml') text = fixCoreDates(text, iso);
      out.file(target, text);
    } else if (name.endsWith('.xlsx')) {
      const inner = await JSZip.loadAsync(await file.async('nodebuffer'));
      const core = inner.file('docProps/core.xml');
      if (core) inner.file('docProps/core.xml', fixCoreDates(await core.async('string'), iso));
      out.file(target, await rezip(inner, date));
    } else {
      out.file(target, await file.async('nodebuffer'));
    }
  }
  return rezip(out, date);
}
