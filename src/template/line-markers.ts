// Handlebars does not map output back to its input, so before compiling we
/// <reference types="handlebars" />
// put an invisible marker (private-use characters) at the start of every
// literal template line, and after expansion read them back out. Each line
// of the Markdown then knows the template file and line it came from, and a
// Markdown error can point at the template, not at generated text.

const OPEN = '\uE000';
const CLOSE = '\uE001';
const markerPattern = /\uE000(\d+)\.(\d+)\uE001/g;

export interface LineOrigin {
  file: string;
  line: number;
  /** Output column (1-based) where the template line's first character landed. */
  outputColumn: number;
}

const marker = (fileIndex: number, line: number) => `${OPEN}${fileIndex}.${line}${CLOSE}`;

function markContent(node: hbs.AST.ContentStatement, fileIndex: number): void {
  // The typings call `original` StripFlags; at run time it is the untrimmed text.
  const original = (node as unknown as { original: string }).original;
  const value = node.value;
  // Whitespace control may have trimmed leading blanks: find where `value` starts.
  let start = 0;
  for (let p = original.length - value.length; p >= 0; p--) {
    if (original.startsWith(value, p) && original.slice(0, p).trim() === '') {
      start = p;
      break;
    }
  }
  let line = node.loc.start.line + (original.slice(0, start).match(/\n/g)?.length ?? 0);
  const atLineStart = start > 0 ? original[start - 1] === '\n' : node.loc.start.column === 0;
  let out = atLineStart ? marker(fileIndex, line) : '';
  for (const ch of value) {
    out += ch;
    if (ch === '\n') out += marker(fileIndex, ++line);
  }
  node.value = out;
}

type AnyNode = hbs.AST.Node & { body?: hbs.AST.Statement[]; program?: hbs.AST.Program; inverse?: hbs.AST.Program };

export function addLineMarkers(program: hbs.AST.Program, fileIndex: number): void {
  const visit = (node: AnyNode | undefined): void => {
    if (!node) return;
    if (node.type === 'ContentStatement') markContent(node as hbs.AST.ContentStatement, fileIndex);
    node.body?.forEach((n) => visit(n as AnyNode));
    visit(node.program as AnyNode | undefined);
    visit(node.inverse as AnyNode | undefined);
  };
  visit(program as AnyNode);
}

/** Remove the markers; return the clean text and each output line's origin. */
export function extractLineOrigins(text: string, files: readonly string[], fallbackFile: string): { text: string; origins: LineOrigin[] } {
  const lines = text.split('\n');
  const origins: LineOrigin[] = [];
  let previous: LineOrigin = { file: fallbackFile, line: 1, outputColumn: 1 };
  const clean = lines.map((line) => {
    // Several markers can start one line (a partial's first line follows the
    // marker of the line that included it): the last one before the text wins.
    const found: LineOrigin[] = [];
    let removed = 0;
    const stripped = line.replace(markerPattern, (m, f: string, l: string, offset: number) => {
      found.push({ file: files[Number(f)] ?? fallbackFile, line: Number(l), outputColumn: offset - removed + 1 });
      removed += m.length;
      return '';
    });
    const textStart = stripped.search(/\S|$/) + 1;
    const origin = found.filter((o) => o.outputColumn <= textStart).pop() ?? found[0];
    previous = origin ?? { ...previous, outputColumn: 1 };
    origins.push(previous);
    return stripped;
  });
  return { text: clean.join('\n'), origins };
}

export function containsMarkerCharacters(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}
