// The YAML front matter of a document template → DocumentMeta; and, read
// from the raw template before it runs, the output format it asks for.
import { describeIssue } from '../facts/zod-diagnostics.js';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { parseDate } from '../facts/period.js';
import { words, type Locale } from '../format/locale.js';
import { formatDate } from '../format/period.js';
import { parseYaml } from '../facts/load-yaml.js';
import type { DocumentMeta, ReferenceDeckConfig } from './nodes.js';

export const outputFormats = ['pdf', 'pptx'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** `reference-deck: corporate.pptx`, or `{ file: corporate.potx, layouts: { content: "Body" } }`. */
export const referenceDeckSchema = z
  .union([
    z.string().regex(/\.(pptx|potx)$/i, 'a .pptx or .potx file'),
    z.strictObject({
      file: z.string().regex(/\.(pptx|potx)$/i, 'a .pptx or .potx file'),
      layouts: z.strictObject({ title: z.string().min(1).optional(), section: z.string().min(1).optional(), content: z.string().min(1).optional(), 'title-only': z.string().min(1).optional(), blank: z.string().min(1).optional() }).optional(),
    }),
  ])
  .transform((v): ReferenceDeckConfig => (typeof v === 'string' ? { file: v } : v.layouts ? { file: v.file, layouts: v.layouts } : { file: v.file }));

const frontMatterSchema = z.strictObject({
  /** The template's default output; read (and checked) by `templateFormat` before the template runs. */
  format: z.unknown().optional(),
  title: z.string().min(1).optional(),
  subtitle: z.string().optional(),
  marking: z.string().optional(),
  date: z.union([z.string(), z.number()]).transform(String).optional(),
  author: z.string().optional(),
  subject: z.string().optional(),
  keywords: z.union([z.array(z.string()), z.string().transform((s) => s.split(/\s*,\s*/))]).optional(),
  /** Paper of a brief, and shape of a deck; the brand's (`defaults.briefdeck`) otherwise. */
  paper: z.enum(['a4', 'letter']).optional(),
  slides: z.enum(['16:9', '4:3']).optional(),
  /** The corporate template a deck is built on (src/render/pptx/reference-deck.ts). */
  'reference-deck': referenceDeckSchema.optional(),
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
      else for (const issue of r.error.issues) diagnostics.push(report('document/bad-front-matter', shift(parsed.value.positionOf(issue.path as PropertyKey[])), { detail: issue.path.length ? `\`${issue.path.join('.')}\`: ${describeIssue(issue)}` : describeIssue(issue) }));
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
  if (data.paper) meta.paper = data.paper;
  if (data.slides) meta.slides = data.slides;
  if (data['reference-deck']) meta.referenceDeck = data['reference-deck'];
  if (data.keywords) meta.keywords = data.keywords.map((k) => k.normalize('NFC'));
  return { meta, diagnostics };
}

/**
 * The front matter block at the top of a template. Handlebars comments may
 * come before it: they expand to nothing, so after expansion the block is
 * still at the top, where remark-frontmatter looks for it.
 */
const frontMatterBlock = /^\uFEFF?(?:\s*\{\{!--[\s\S]*?--\}\}|\s*\{\{![^}]*\}\})*\s*?(?:^|\n)---[ \t]*\r?\n((?:[\s\S]*?\r?\n)?)---[ \t]*(?:\r?\n|$)/;

/**
 * `format:` from the front matter of a template's raw text, before
 * Handlebars runs: which output a template makes must be known before it
 * runs (a brief and a deck expand differently). The rest of the block may
 * hold Handlebars that is not YAML yet, so only a literal top-level
 * `format:` is read and a block that does not parse is left to the
 * front-matter check after expansion.
 */
export function templateFormat(file: string, text: string): { format?: OutputFormat; diagnostics: Diagnostic[] } {
  const block = frontMatterBlock.exec(text);
  if (!block) return { diagnostics: [] };
  const yamlText = block[1]!;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (!isMap(doc.contents)) return { diagnostics: [] };
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'format');
  if (!pair) return { diagnostics: [] };
  const value = pair.value;
  if (isScalar(value) && (outputFormats as readonly unknown[]).includes(value.value)) return { format: value.value as OutputFormat, diagnostics: [] };
  const node = (value ?? pair.key) as { range?: [number, number, number] } | null;
  const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
  const found = (node?.range ? yamlText.slice(node.range[0], node.range[1]).trim() : '') || '(nothing)';
  // Lines before the block's first one: the opening `---` and anything above it.
  const contentStart = block.index + block[0].lastIndexOf('---') - yamlText.length;
  const linesBefore = text.slice(0, contentStart).split('\n').length - 1;
  return { diagnostics: [report('document/bad-format', { file, line: linesBefore + line, column: col }, { found, expected: [...outputFormats] })] };
}
