// A series CSV → rows with their line numbers. `value` must be numeric;
// `partial` is a boolean; empty cells are null.
import { parse } from 'csv-parse/sync';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Cell, SeriesRow } from './dataset.js';
import { numberTextProblem, writtenDecimals } from './precision.js';
import { cleanText, maxCsvCellLength } from './clean-text.js';
import { splitPlainCsv, type CsvRecord } from './split-plain-csv.js';

interface Parsed {
  columns: string[];
  rows: SeriesRow[];
  /** Most decimals any `value` cell was written with (`1.40` → 2): the series' precision. */
  valueDecimals: number;
  /** Where each row's cells start, parallel to `rows`, for messages about one cell. */
  cells: Record<string, Position>[];
}

const numericColumns = new Set(['value']);
const booleanColumns = new Set(['partial']);

/** Where the quote that is still open at the end of `text` opened (RFC 4180: `""` inside quotes is a quote). */
function unclosedQuote(text: string): { line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  let open: { line: number; column: number } | undefined;
  // A byte order mark is not a column (csv-parse drops it too).
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (!open) open = { line, column };
      else if (text[i + 1] === '"') {
        i++;
        column++;
      } else open = undefined;
    }
    if (c === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return open;
}

export function parseSeriesCsv(file: string, text: string): { value: Parsed | undefined; diagnostics: Diagnostic[] } {
  let records: CsvRecord[];
  const normalized = text.normalize('NFC');
  try {
    // `info` for each record's line; not `raw` (the record's text kept as well: unused, and a tenth of the parse).
    records = splitPlainCsv(normalized) ?? (parse(normalized, { bom: true, info: true, skip_empty_lines: true, trim: true }) as never);
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    // csv-parse finds an unclosed quote at the end of the file: the place to fix is where it opened.
    const opened = err.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuote(normalized) : undefined;
    if (opened) return { value: undefined, diagnostics: [report('csv/syntax', { file, ...opened }, { detail: 'a quote opened here is never closed, so the rest of the file reads as one field' })] };
    return { value: undefined, diagnostics: [report('csv/syntax', { file, line: err.lines ?? 1, column: 1 }, { detail: err.message.replace(/^Invalid [^:]*: /, '') })] };
  }
  const diagnostics: Diagnostic[] = [];
  const [header, ...body] = records;
  if (!header) return { value: { columns: [], rows: [], valueDecimals: 0, cells: [] }, diagnostics };
  const basename = file.split(/[\\/]/).pop() ?? file;
  /** A cell without control characters, lone surrogates or bidi controls (each reported); too long is an error. */
  const cleanCell = (raw: string, position: Position, where: string): string => {
    if (raw.length > maxCsvCellLength) diagnostics.push(report('text/too-long', position, { where, length: raw.length, max: maxCsvCellLength }));
    const c = cleanText(raw);
    if (c.controls.length) diagnostics.push(report('text/control-character', position, { where, found: c.controls }));
    if (c.bidi.length) diagnostics.push(report('text/bidi-control', position, { where, found: c.bidi }));
    return c.text;
  };
  let headerColumn = 1;
  const columns = header.record.map((raw, i) => {
    const position = { file, line: header.info.lines, column: headerColumn };
    headerColumn += raw.length + 1;
    return cleanCell(raw, position, `${basename} column ${i + 1} (header)`);
  });
  const rows: SeriesRow[] = [];
  const cells: Record<string, Position>[] = [];
  let valueDecimals = 0;
  for (const { record, info } of body) {
    // No prototype: a column named `constructor` or `__proto__` is a column like any other.
    const values: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
    const at: Record<string, Position> = Object.create(null) as Record<string, Position>;
    let column = 1;
    record.forEach((written, i) => {
      const name = columns[i]!;
      const position = { file, line: info.lines, column };
      at[name] = position;
      column += written.length + 1;
      const raw = cleanCell(written, position, `${basename} cell \`${name}\` (row ${info.lines})`);
      if (raw === '') values[name] = null;
      else if (numericColumns.has(name)) {
        const n = Number(raw);
        if (!/^-?\d+(\.\d+)?$/.test(raw)) diagnostics.push(report('csv/not-a-number', position, { column: name, found: raw }));
        else {
          const problem = numberTextProblem(raw, n);
          if (problem) diagnostics.push(report('facts/imprecise-number', position, { found: raw, problem, read: String(n) }));
        }
        values[name] = n;
        if (name === 'value') valueDecimals = Math.max(valueDecimals, writtenDecimals(raw) ?? 0);
      } else if (booleanColumns.has(name)) {
        if (raw !== 'true' && raw !== 'false') diagnostics.push(report('facts/schema', position, { path: name, detail: `expected true or false, found \`${raw}\`` }));
        values[name] = raw === 'true';
      } else values[name] = raw;
    });
    rows.push({ values, position: { file, line: info.lines, column: 1 } });
    cells.push(at);
  }
  return { value: { columns, rows, valueDecimals, cells }, diagnostics };
}
