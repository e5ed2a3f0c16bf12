// A strict XML 1.0 parser (saxes) over every part of a package: the regex
// check in read-pptx.ts balances tags but lets through what PowerPoint
// refuses (a raw U+0001, `&#1;`, an unpaired surrogate, a bare `&`).
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The error, or undefined when `xml` is well formed. */
export function strictXmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: false });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  // saxes reads code units; XML 1.0 has no place for a surrogate without its pair.
  if (error === undefined && /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) error = 'unpaired surrogate';
  return error;
}

/** `part: error` for every XML part that does not parse, embedded packages (`ppt/embeddings/*.xlsx`) opened and checked too. */
export async function malformedParts(bytes: Uint8Array, prefix = ''): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
    if (/\.(xml|rels)$/.test(name)) {
      const error = strictXmlError(await zip.file(name)!.async('string'));
      if (error) out.push(`${prefix}${name}: ${error}`);
    } else if (/\.(xlsx|docx|pptx)$/.test(name)) out.push(...(await malformedParts(await zip.file(name)!.async('uint8array'), `${prefix}${name}!`)));
  }
  return out;
}

/** How many XML parts the package has, embedded packages included (so a test knows it looked inside). */
export async function xmlPartCount(bytes: Uint8Array): Promise<{ parts: number; embedded: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let parts = 0;
  let embedded = 0;
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) parts += 1;
    else if (/\.xlsx$/.test(name)) {
      const inner = await xmlPartCount(await zip.file(name)!.async('uint8array'));
      parts += inner.parts;
      embedded += 1;
    }
  }
  return { parts, embedded };
}
