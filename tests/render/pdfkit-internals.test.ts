// The adjustments src/render/pdf/pdfkit-internals.ts makes to pdfkit.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { sortDestinationsByBytes } from '../../src/render/pdf/pdfkit-internals.js';

/** The keys of the PDF's named-destination tree, in the order written, as the bytes of each PDF string. */
async function destinationKeys(names: readonly string[]): Promise<string[]> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false });
  sortDestinationsByBytes(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.addPage();
  for (const name of names) doc.addNamedDestination(name, 'XYZ', 0, 0, null);
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks).toString('latin1');
  const tree = /\/Names \[\n([\s\S]*?)\n\]/.exec(pdf)![1]!;
  return [...tree.matchAll(/^\s+\(((?:[^()\\]|\\.)*)\) \[/gm)].map((m) => m[1]!);
}

describe('the named-destination tree', () => {
  it('lists its keys in the order of their bytes, as the PDF format wants (not as localeCompare sorts)', async () => {
    const keys = await destinationKeys(['fact-b', 'fact-a', 'Fact-z', 'fact-é', 'fact-ä', 'fact_c']);
    // ASCII keys are written as they are, in byte order (capitals first);
    // others as UTF-16BE after FE FF, so after every ASCII key.
    expect(keys.slice(0, 4)).toEqual(['Fact-z', 'fact-a', 'fact-b', 'fact_c']);
    expect(keys.slice(4).map((k) => Buffer.from(k, 'latin1').subarray(0, 2).toString('hex'))).toEqual(['feff', 'feff']);
    const utf16 = keys.slice(4).map((k) => Buffer.from(k, 'latin1').subarray(2).swap16().toString('utf16le'));
    expect(utf16).toEqual(['fact-ä', 'fact-é']);
  });
});
