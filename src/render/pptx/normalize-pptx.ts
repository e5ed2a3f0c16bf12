// Make pptxgenjs output reproducible: it stamps dates into docProps/core.xml
// (and into each embedded chart workbook), gives zip entries the current
// time, and numbers charts with a counter that lives as long as the process.
// Here dates are fixed, entry times pinned and charts renumbered 1…n in
// order, in every part that names them; shape ids repeated on a slide are
// made unique. The zip is read with JSZip and
// written with yazl, whose deflate and CRC are Node's own (zlib): several
// times faster than JSZip's JavaScript ones.
import JSZip from 'jszip';
import yazl from 'yazl';

interface Entry {
  name: string;
  data: Buffer;
}

/** Pictures are compressed already: deflating them again costs time and saves nothing. */
const compressedPicture = /\.(png|jpe?g|gif)$/i;

/**
 * Zip `entries` in order, every entry dated `date` (a DOS date, the same in
 * every time zone); `compress: false` stores them (an embedded workbook).
 */
function writeZip(entries: readonly Entry[], date: Date, compress = true): Promise<Buffer> {
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime, mode: 0o100644, compress: compress && !compressedPicture.test(e.name), forceDosTimestamp: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * pptxgenjs numbers a table's frame `tableNumber × slideNumber + 1`, which
 * can equal another shape's id on the slide; PowerPoint then offers to
 * repair the file. A repeated id gets the next free number.
 */
function uniqueShapeIds(xml: string): string {
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  let next = Math.max(0, ...ids) + 1;
  const seen = new Set<number>();
  return xml.replace(/<p:cNvPr id="(\d+)"/g, (m, n: string) => {
    if (!seen.has(Number(n))) {
      seen.add(Number(n));
      return m;
    }
    return `<p:cNvPr id="${next++}"`;
  });
}

function fixCoreDates(xml: string, iso: string): string {
  return xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
}

/** Every file of a zip, `[Content_Types].xml` first as Office expects. */
async function readZip(bytes: Buffer): Promise<{ name: string; file: JSZip.JSZipObject }[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files)
    .filter((n) => !zip.files[n]!.dir)
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0))
    .map((name) => ({ name, file: zip.files[name]! }));
}

async function normalizeWorkbook(bytes: Buffer, iso: string, date: Date): Promise<Buffer> {
  const entries: Entry[] = [];
  for (const { name, file } of await readZip(bytes)) {
    const data = await file.async('nodebuffer');
    entries.push({ name, data: name === 'docProps/core.xml' ? Buffer.from(fixCoreDates(data.toString('utf8'), iso)) : data });
  }
  // Stored: the deck's zip deflates the workbook whole, which costs one deflate instead of one per part and packs as small.
  return writeZip(entries, date, false);
}

/** `rewrite`, if given, changes an XML part's text (by its final name) before the zip is written. */
export async function normalizePptx(pptx: Buffer, date: Date, rewrite?: (name: string, xml: string) => string): Promise<Buffer> {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files = await readZip(pptx);
  // Chart numbers in order of appearance → 1, 2, 3…
  const numbers = files
    .map((f) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(f.name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const renumber = new Map(numbers.map((n, i) => [n, i + 1]));
  const rename = (s: string) =>
    s
      .replace(/chart(\d+)\.xml/g, (m, n: string) => (renumber.has(Number(n)) ? `chart${renumber.get(Number(n))}.xml` : m))
      .replace(/Microsoft_Excel_Worksheet(\d+)\.xlsx/g, (m, n: string) => (renumber.has(Number(n)) ? `Microsoft_Excel_Worksheet${renumber.get(Number(n))}.xlsx` : m));
  const entries: Entry[] = [];
  for (const { name, file } of files) {
    const target = rename(name);
    if (/\.(xml|rels)$/.test(name)) {
      let text = rename(await file.async('string'));
      if (name === 'docProps/core.xml') text = fixCoreDates(text, iso);
      if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) text = uniqueShapeIds(text);
      if (rewrite) text = rewrite(target, text);
      entries.push({ name: target, data: Buffer.from(text) });
    } else if (name.endsWith('.xlsx')) {
      entries.push({ name: target, data: await normalizeWorkbook(await file.async('nodebuffer'), iso, date) });
    } else {
      entries.push({ name: target, data: await file.async('nodebuffer') });
    }
  }
  return writeZip(entries, date);
}
