// Numbers typed into template prose instead of coming from a fact: the
// figure that goes stale when the data changes. Years, list numbers and
// numbers inside `{{…}}` expressions and `{{!-- … --}}` comments, front
// matter, directive attributes, link targets, heading numbers, footnote marks
// ("Exports (1)", "[^1]"), labels and ranks ("Table 2", "No. 1") are not claims; `{{literal "…"}}` keeps one on purpose.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { TemplateFile } from '../template/expand-template.js';

// A number with optional thousands and decimals, and a unit or scale word after it.
const numberPattern = /(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+)(?:[.,]\d+)?(?:\s?(?:%|per ?cent|billion|million|bn|tonnes|tỷ|triệu))?(?![\w-])/g;

function isYear(token: string): boolean {
  return /^(19|20)\d\d$/.test(token);
}

/** Blank out, keeping line breaks and columns. */
const blank = (m: string): string => m.replace(/[^\n]/g, ' ');

/** Words after which a number is a label or a rank, not a quantity: "No. 1", "#1", "Table 2", "hạng 3". */
const labelWords = /(?:\bNo\.|#|(?<![\p{L}])(?:rank(?:ed)?|number|top|table|figure|chart|section|chapter|annex|part|phase|step|item|note|page|hình|bảng|phụ lục|mục|phần|hạng|thứ|số))\s?$/iu;

export function findTypedNumbers(t: TemplateFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Comments first (`{{!-- … }} … --}}` may hold `}}`), then every other expression, across lines.
  const text = t.text
    .normalize('NFC')
    .replace(/\{\{~?!--[\s\S]*?--~?\}\}/g, blank)
    .replace(/\{\{[\s\S]*?\}\}/g, blank);
  const lines = text.split('\n');
  let inFrontMatter = lines[0]?.trim() === '---';
  lines.forEach((raw, i) => {
    if (i > 0 && inFrontMatter && raw.trim() === '---') {
      inFrontMatter = false;
      return;
    }
    if (inFrontMatter) return;
    // Blank out what is not prose, keeping columns: directive attributes, link targets and URLs,
    // list and heading numbers ("1.", "2.1 Exports"), footnote marks ("[^1]", "Exports (1)"), times.
    const line = raw
      .replace(/\{[^{}]*\}/g, blank)
      .replace(/\]\([^)]*\)/g, blank)
      .replace(/\bhttps?:\/\/\S+/g, blank)
      .replace(/\[\^[^\]]*\]/g, blank)
      .replace(/^(\s*(?:>\s*)?(?:[-*+]\s+)?)(\(\d{1,2}\)|\d+[.)])(?=\s)/, (_m, a: string, b: string) => a + blank(b))
      .replace(/^(\s*#{1,6}\s+)(\d+(?:\.\d+)*\.?)(?=\s+\p{Lu})/u, (_m, a: string, b: string) => a + blank(b))
      .replace(/[([]\d{1,2}[)\]]/g, blank)
      .replace(/\b\d{1,2}:\d{2}\b/g, blank);
    for (const m of line.matchAll(numberPattern)) {
      if (isYear(m[0])) continue;
      // A month-day like "17 September" or a date is not a figure either.
      if (/^\d{1,2}$/.test(m[0]) && /^\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(line.slice(m.index + m[0].length))) continue;
      // A label or rank ("No. 1", "Table 2", "ranked 3"), not a quantity.
      if (/^\d{1,3}$/.test(m[0]) && labelWords.test(line.slice(0, m.index))) continue;
      out.push(report('check/typed-number', { file: t.file, line: i + 1, column: m.index + 1 }, { text: m[0] }));
    }
  });
  return out;
}
