// The plain-CSV split gives what csv-parse gives, or leaves the file to it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { splitPlainCsv } from '../../src/facts/split-plain-csv.js';
import { root } from '../helpers.js';

const csvParse = (text: string) => (parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[]).map(({ record, info }) => ({ record, info: { lines: info.lines } }));

/** Every CSV in the example, the fixtures and the scaffold. */
function projectCsvs(): string[] {
  const found: string[] = [];
  for (const top of ['data', 'tests/fixtures', 'src']) {
    for (const f of readdirSync(path.join(root, top), { recursive: true }) as string[]) if (f.endsWith('.csv')) found.push(path.join(root, top, f));
  }
  return found;
}

describe('splitPlainCsv', () => {
  const plain: [string, string][] = [
    ['a header and rows', 'period,value,source\n2023,171.9,gso\n2024,205.2,gso\n'],
    ['no final newline', 'a,b\n1,2'],
    ['empty lines between and after', 'a,b\n\n1,2\n\n\n3,4\n\n'],
    ['a BOM and blanks around fields', '\ufeffa , b\n 1 ,\t2\t\n'],
    ['Unicode spaces around fields', 'a,b\n\u00a0x\u3000,\u2028y\u2029\n'],
    ['empty fields', 'a,b,\n1,,\n,,\n'],
    ['Vietnamese text', 'sản phẩm,giá trị\nĐiện thoại,12.5\n'],
    ['no records', ''],
    ['only newlines', '\n\n'],
  ];
  it.each(plain)('splits %s as csv-parse does', (_, text) => {
    const ours = splitPlainCsv(text);
    expect(ours).toBeDefined();
    expect(ours).toEqual(csvParse(text));
  });

  const left: [string, string][] = [
    ['quotes', 'a,b\n"1,5",2\n'],
    ['CRLF line ends', 'a,b\r\n1,2\r\n'],
    ['rows of different lengths (an error csv-parse words)', 'a,b\n1\n'],
    ['a line of blanks only', 'a,b\n1,2\n  \n3,4\n'],
  ];
  it.each(left)('leaves %s to csv-parse', (_, text) => {
    expect(splitPlainCsv(text)).toBeUndefined();
  });

  it('reads every CSV of the project as csv-parse does', () => {
    const files = projectCsvs();
    expect(files.length).toBeGreaterThan(5);
    let split = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8').normalize('NFC');
      const ours = splitPlainCsv(text);
      if (!ours) continue;
      split++;
      expect(ours, f).toEqual(csvParse(text));
    }
    // Most of them are plain: the comparison above is not empty.
    expect(split).toBeGreaterThan(files.length / 2);
  });
});
