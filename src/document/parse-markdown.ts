// Markdown text → mdast (remark), with GitHub tables and footnotes,
// directives and YAML front matter.
//
// After a figure changes, only the block that prints it changes: the text
// is cut before each top-level block that nothing before it can continue
// (a heading, a paragraph, a table or a leaf directive after a blank line),
// each piece is parsed on its own (and remembered by its text), and the
// trees are joined with positions shifted to the whole text. The result is
// the tree the whole text parses to; where a cut could change it, or the
// scan for cuts could misread the text (footnotes and link definitions
// resolve across the whole text, raw HTML blocks run across blank lines,
// fences in list items, \r line ends…), the text is parsed whole.
import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { contentHash, diskMemo } from '../util/disk-memo.js';
import { LRUCache } from 'lru-cache';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

/** Trees by text (whole documents and their pieces). Callers must not mutate them; markdownToDocument only reads. */
const recent = new LRUCache<string, Root>({ max: 1024 });

function remember(text: string, root: Root): Root {
  recent.set(text, root);
  return root;
}

function parseText(text: string): Root {
  return recent.get(text) ?? remember(text, processor.parse(text));
}

interface Section {
  text: string;
  /** 0-based line and character offset of the section's start in the whole text. */
  line: number;
  offset: number;
}

/**
 * A line that starts a top-level block no earlier block continues, when it
 * follows a blank line at the top level: an ATX heading, a paragraph (a
 * letter, a digit not starting a list item, bold text, an image), a table
 * row, a leaf directive (`::chart`). Not list items (a list goes on after a
 * blank line), nor anything indented, quoted or fenced.
 */
const blockStart = /^(#{1,6}(\s|$)|\p{L}|\d+(?!\d|[.)](\s|$))|\*\*[^*\s]|!\[|\||::[A-Za-z])/u;

/** HTML blocks that run across blank lines (comments, `<pre>`, `<script>`…; CommonMark types 1–5). */
const longHtml = /<(!--|\?|![A-Za-z]|!\[CDATA\[|pre|script|style|textarea)/i;

/**
 * What the line-by-line scan below does not follow as remark does: such a
 * text is parsed whole (slower after an edit, never different).
 */
function scanCannotFollow(text: string): boolean {
  return (
    // Line ends other than \n.
    text.includes('\r') ||
    // Resolved across the whole text: footnotes (`[^1]`) and link reference definitions (also in quotes and lists).
    text.includes('[^') ||
    text.includes(']:') ||
    longHtml.test(text) ||
    // A fence not at the start of a line (in a list item or a quote), or three backticks in a line's text.
    /^(?! {0,3}(`{3,}|~{3,}))[^\n]*(`{3}|~{3})/m.test(text) ||
    // A backtick in a backtick fence's info string: not a fence.
    /^ {0,3}`{3,}[^`\n]+`/m.test(text)
  );
}

/** Blank as CommonMark counts it: spaces and tabs only (not a no-break space). */
const blank = /^[ \t]*$/;

/**
 * Cut points: before a block start (`blockStart`) after a blank line,
 * outside front matter, code fences and directive containers.
 */
export function splitSections(text: string): Section[] {
  const whole = [{ text, line: 0, offset: 0 }];
  if (scanCannotFollow(text)) return whole;
  const lines = text.split('\n');
  const sections: Section[] = [];
  let start = { line: 0, offset: 0 };
  let offset = 0;
  let fence: string | undefined;
  const containers: number[] = [];
  // As remark-frontmatter reads it: `---` (trailing spaces allowed) to the next such line; unclosed, nothing is cut.
  const frontMatterFence = /^---[ \t]*$/;
  let inFrontMatter = frontMatterFence.test(lines[0]!);
  for (const [i, line] of lines.entries()) {
    if (i > 0 && inFrontMatter) {
      if (frontMatterFence.test(line)) inFrontMatter = false;
    } else if (!inFrontMatter) {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      } else if (f) fence = f[1];
      else {
        const open = /^ {0,3}(:{3,})[A-Za-z]/.exec(line);
        const close = /^ {0,3}(:{3,})[ \t]*$/.exec(line);
        if (open) containers.push(open[1]!.length);
        else if (close && containers.length) {
          // A fence shorter than the container's does not close it (nor, then, anything this scan can follow).
          if (close[1]!.length < containers[containers.length - 1]!) return whole;
          containers.pop();
        } else if (containers.length === 0 && i > 0 && blank.test(lines[i - 1]!) && blockStart.test(line)) {
          sections.push({ text: text.slice(start.offset, offset), line: start.line, offset: start.offset });
          start = { line: i, offset };
        }
      }
    }
    offset += line.length + 1;
  }
  if (inFrontMatter) return whole;
  sections.push({ text: text.slice(start.offset), line: start.line, offset: start.offset });
  return sections;
}

type Point = { line: number; column: number; offset?: number | undefined };

/** A copy of `node` with every position moved down `lines` lines and on `chars` characters. */
function shifted<T>(node: T, lines: number, chars: number): T {
  if (Array.isArray(node)) return node.map((n) => shifted(n, lines, chars)) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'position' && v) {
      const move = (p: Point): Point => ({ ...p, line: p.line + lines, ...(p.offset === undefined ? {} : { offset: p.offset + chars }) });
      const pos = v as { start: Point; end: Point };
      out[k] = { start: move(pos.start), end: move(pos.end) };
    } else out[k] = shifted(v, lines, chars);
  }
  return out as T;
}

export function parseMarkdown(markdown: string): Root {
  const text = markdown.normalize('NFC');
  // The whole tree is plain JSON (unist), so it keeps on disk as it is; its pieces only here.
  return recent.get(text) ?? remember(text, diskMemo('markdown', contentHash('mdast', text), () => parseBySections(text)));
}

function parseBySections(text: string): Root {
  const sections = splitSections(text);
  if (sections.length === 1) return parseText(text);
  const children: RootContent[] = [];
  for (const s of sections) {
    const root = parseText(s.text);
    children.push(...(s.line === 0 ? root.children : shifted(root.children, s.line, s.offset)));
  }
  const last = sections[sections.length - 1]!;
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  const root: Root = {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: last.line + last.text.split('\n').length, column: lastLine.length + 1, offset: text.length } },
  };
  return root;
}

/** The parser itself, on the whole text at once: what the sectioned parse must equal (tests). */
export function parseWhole(markdown: string): Root {
  return processor.parse(markdown.normalize('NFC'));
}
