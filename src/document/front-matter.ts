// The YAML front matter of a document template → DocumentMeta.
import { z } from 'zod';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { parseDate } from '../facts/period.js';
import { words, type Locale } from '../format/locale.js';
import { formatDate } from '../format/period.js';
import { parseYaml } from '../facts/load-yaml.js';
import type { DocumentMeta } from './nodes.js';

const frontMatterSchema = z.strictObject({
  title: z.string().min(1).optional(),
  /** The output this template makes unless the command line or briefdeck.yaml says otherwise. */
  format: z.enum(['pdf', 'pptx']).optional(),
  subtitle: z.string().optional(),
  marking: z.string().optional(),
  date: z.union([z.string(), z.number()]).transform(String).optional(),
  author: z.string().optional(),
  subject: z.string().optional(),
  keywords: z.union([z.array(z.string()), z.string().transform((s) => s.split(/\s*,\s*/))]).optional(),
  /** A fact older than this, relative to the document date, is reported: `18` (months), `18 months`, `2 years`. */
  staleAfter: z
    .union([z.number().int().positive(), z.string().regex(/^\s*\d+\s*(months?|years?)\s*$/, 'write a number of months, or `18 months`, `2 years`')])
    .transform((v) => (typeof v === 'number' ? v : Number(/\d+/.exec(v)![0]) * (/year/.test(v) ? 12 : 1)))
    .optional(),
});

/** The default age after which a quoted fact counts as stale. */
export const defaultStaleAfterMonths = 24;

export function readFrontMatter(yamlText: string | undefined, at: Position, defaults: { date: string; dataAsOf: string; title: string; subtitle?: string | undefined; locale: Locale }): { meta: DocumentMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let data: z.output<typeof frontMatterSchema> = {};
  if (yamlText !== undefined) {
    // Positions inside the block are relative to its first line (after `---`).
    const parsed = parseYaml(at.file, yamlText);
    const shift = (p: Position): Position => ({ file: at.file, line: at.line + p.line, column: p.column });
    diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, position: shift(d.position) })));
    if (parsed.value) {
      const r = frontMatterSchema.safeParse(parsed.value.data ?? {});
      if (r.success) data = r.data;
      else for (const issue of r.error.issues) diagnostics.push(report('document/bad-front-matter', shift(parsed.value.positionOf(issue.path as PropertyKey[])), { detail: `${issue.path.join('.') || 'front matter'}: ${issue.message}` }));
    }
  }
  let date = defaults.date;
  if (data.date !== undefined) {
    if (parseDate(data.date)) date = data.date;
    else diagnostics.push(report('facts/bad-date', at, { date: data.date }));
  }
  const meta: DocumentMeta = {
    title: (data.title ?? defaults.title).normalize('NFC'),
    date,
    dateText: formatDate(date, defaults.locale),
    dataAsOf: defaults.dataAsOf,
    dataAsOfText: `${words[defaults.locale]['dataAsOf']} ${formatDate(defaults.dataAsOf, defaults.locale)}`,
    staleAfterMonths: data.staleAfter ?? defaultStaleAfterMonths,
    locale: defaults.locale,
  };
  const subtitle = data.subtitle ?? defaults.subtitle;
  if (subtitle) meta.subtitle = subtitle.normalize('NFC');
  if (data.marking) meta.marking = data.marking.normalize('NFC');
  if (data.author) meta.author = data.author.normalize('NFC');
  if (data.subject) meta.subject = data.subject.normalize('NFC');
  if (data.keywords) meta.keywords = data.keywords.map((k) => k.normalize('NFC'));
  return { meta, diagnostics };
}
