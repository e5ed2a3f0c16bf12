// The `units:` map of dataset.yaml, as zod schemas: one declaration per unit
// name. README "Units" documents the same fields; keep the two in step.
import { z } from 'zod';
import { scales } from './units.js';

const shown = (v: unknown) => (typeof v === 'string' ? `\`${v}\`` : JSON.stringify(v) ?? String(v));

/** A value for every locale, or `{ en: …, vi: … }`; the error names what was found. */
function perLocale<T extends z.ZodType>(schema: T, expected: string) {
  return z.union([schema, z.strictObject({ en: schema.optional(), vi: schema.optional() })], {
    error: (issue) => `expected ${expected}, or one per locale ({ en: …, vi: … }); found ${shown(issue.input)}`,
  });
}

const text = z.string().trim().min(1, 'must not be empty');
/** A whole form: `{n}` marks where the number goes. */
const form = text.refine((s) => s.includes('{n}'), 'a form must contain `{n}` where the number goes');

export const unitDeclarationSchema = z.strictObject({
  /** Currency sign or code: `€`, `US$`, `KES`. */
  symbol: perLocale(text, 'text').optional(),
  /** Word(s) after the number: `tonnes`, `TEU`. */
  name: perLocale(text, 'text').optional(),
  position: perLocale(z.enum(['before', 'after']), '`before` or `after`').optional(),
  scale: z.enum(scales).optional(),
  negative: z.boolean().optional(),
  rate: z.boolean().optional(),
  ordinal: z.boolean().optional(),
  long: perLocale(form, 'a form with `{n}`').optional(),
  short: perLocale(form, 'a form with `{n}`').optional(),
  axis: perLocale(text, 'text').optional(),
});
