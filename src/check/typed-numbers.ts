// Numbers typed into template prose instead of coming from a fact: the
// figure that goes stale when the data changes. Years, list numbers and
// numbers inside `{{…}}` expressions, front matter and directive attributes
// are not claims; `{{literal "…"}}` keeps one on purpose.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { TemplateFile } from '../template/expand-template.js';

// A number with optional thousands and decimals, and a unit or scale word after it.
const numberPattern = /(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+)(?:[.,]\d+)?(?:\s?(?:%|per ?cent|billion|million|bn|tonnes|tỷ|triệu))?(?![\w-])/g;

function isYear(token: string): boolean {
  return /^(19|20)\d\d$/.test(token);
}

export function findTypedNumbers(t: TemplateFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = t.text.normalize('NFC').split('\n');
  let inFrontMatter = lines[0]?.trim() === '---';
  lines.forEach((raw, i) => {
    if (i > 0 && inFrontMatter && raw.trim() === '---') {
      inFrontMatter = false;
      return;
    }
    if (inFrontMatter) return;
    // Blank out what is not prose, keeping columns: expressions, directive attributes, list markers.
    const line = raw
      .replace(/\{\{[\s\S]*?\}\}/g, (m) => ' '.repeat(m.length))
      .replace(/\{[^{}]*\}/g, (m) => ' '.repeat(m.length))
      .replace(/^(\s*)(\d+)([.)])(?=\s)/, (_m, a: string, b: string, c: string) => a + ' '.repeat(b.length + c.length));
    for (const m of line.matchAll(numberPattern)) {
      if (isYear(m[0])) continue;
      // A month-day like "17 September" or a date is not a figure either.
      if (/^\d{1,2}$/.test(m[0]) && /^\s*(January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(line.slice(m.index + m[0].length))) continue;
      out.push(report('check/typed-number', { file: t.file, line: i + 1, column: m.index + 1 }, { text: m[0] }));
    }
  });
  return out;
}
