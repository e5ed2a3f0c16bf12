// The common CSV, read without a parser: no quotes and no carriage returns,
// so every line is a record and every comma a field boundary. csv-parse
// reads a character at a time, which for a 2,000-row series was about 40 ms
// of a cold build; this is a split. Anything else, and any file whose rows
// differ in length (an error, which csv-parse words), goes to csv-parse.
// Same result as csv-parse with { bom, info, skip_empty_lines, trim }:
// tests/facts/split-plain-csv.test.ts compares the two.

export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** The records of a plain CSV, or undefined when the file needs csv-parse. */
export function splitPlainCsv(text: string): CsvRecord[] | undefined {
  if (/["\r]/.test(text)) return undefined;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const records: CsvRecord[] = [];
  let width = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    // A line of blanks only: csv-parse's reading of it is its own.
    if (line.trim() === '') return undefined;
    const record = line.split(',');
    // csv-parse's `trim` removes what String.prototype.trim does (Unicode spaces, line separators, the BOM).
    for (let j = 0; j < record.length; j++) record[j] = record[j]!.trim();
    if (width === -1) width = record.length;
    else if (record.length !== width) return undefined;
    records.push({ record, info: { lines: i + 1 } });
  }
  return records;
}
