// The dataset format, as zod schemas. README "Dataset format" documents the
// same fields; keep the two in step.
import { z } from 'zod';

export const badIdDetail = 'ids use lowercase letters, digits, dots and hyphens';
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, badIdDetail);
const text = z.string().trim().min(1, 'must not be empty');
/** YAML reads `2024` as a number; periods and dates are text. */
const yearish = z.union([z.string(), z.number().int()]).transform((v) => String(v));

export const basisSchema = z.strictObject({
  label: text,
  /** Standard wording for "…according to X", used when a document shows both values. */
  according: text,
});

export const datasetSchema = z.strictObject({
  id,
  title: text,
  description: text.optional(),
  locale: z.enum(['en', 'vi']).default('en'),
  /** Date the data is current to; also the default document date. */
  asOf: yearish,
  bases: z.record(id, basisSchema).default({}),
  /** What the standard templates show, and in which order (see highlightSchema, sectionSchema). */
  subtitle: text.optional(),
  /** The document date, when it is not `asOf`. */
  date: yearish.optional(),
  highlights: z.array(z.unknown()).optional(),
  sections: z.array(z.unknown()).optional(),
  /** Declared units by name; each declaration is checked on its own (unit-schema.ts). */
  units: z.record(text, z.unknown()).default({}),
});

const idList = z.union([id.transform((v) => [v]), z.array(id)]);
const measureList = z.union([z.string().transform((v) => v.split(/[\s,]+/).filter(Boolean)), z.array(z.string())]);

/**
 * One figure of the standard templates' key-figures strip: a fact id, or a
 * measure query (the latest value unless `period:` says otherwise) that must
 * come down to one value (`basis:`/`source:` pick one).
 */
export const highlightSchema = z.union([
  id.transform((fact) => ({ fact })),
  z.strictObject({ fact: id, label: text.optional() }),
  z.strictObject({ measure: z.string().min(1), period: yearish.optional(), basis: id.optional(), source: id.optional(), label: text.optional() }),
]);

/** A section of the standard templates: its facts (by measure prefix or id), its series charts, a lead text. */
export const sectionSchema = z.strictObject({
  title: text,
  lead: text.optional(),
  measures: measureList.optional(),
  facts: idList.optional(),
  series: idList.optional(),
});

/** Decimals a number prints with, when not the ones it was written with. */
const decimals = z.number().int().min(0).max(10).optional();

export const sourceSchema = z.strictObject({
  id,
  publisher: text,
  title: text,
  date: yearish,
  url: z.url().optional(),
  file: text.optional(),
  notes: text.optional(),
});

export const sourcesFileSchema = z.strictObject({ sources: z.array(z.unknown()) });

export const factSchema = z.strictObject({
  id,
  label: text,
  measure: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'measures are dotted keys such as `trade.bilateral.total`'),
  value: z.union([z.number(), text]),
  unit: z.string().optional(),
  period: yearish,
  basis: id.optional(),
  asOf: yearish.optional(),
  source: id.optional(),
  qualifier: z.enum(['over', 'about', 'under']).optional(),
  note: text.optional(),
  decimals,
  /** A growth rate (%): the measure it is the growth of, when its own measure does not say (see claim-checks.ts). */
  growthOf: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'measures are dotted keys such as `trade.bilateral.total`').optional(),
  /** A text fact that states how things are now (a status, an office holder), so it can go stale like a figure. */
  current: z.boolean().optional(),
});

/** How far a relation may be off, in the facts' unit (sum) or in percentage points (growth, share). */
const tolerance = z.number().nonnegative().optional();

/** Declared arithmetic between facts, checked by `briefdeck check` and before every build. */
export const relationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sum'), total: id, parts: z.array(id).min(2, 'a sum needs at least two parts'), tolerance, note: text.optional() }),
  z.strictObject({ kind: z.literal('growth'), growth: id, from: id, to: id, tolerance, note: text.optional() }),
  z.strictObject({ kind: z.literal('share'), share: id, part: id, total: id, tolerance, note: text.optional() }),
]);

export const factsFileSchema = z.strictObject({ facts: z.array(z.unknown()), relations: z.array(z.unknown()).optional() });

export const seriesSchema = z.strictObject({
  id,
  title: text,
  unit: z.string(),
  file: text,
  sources: z.array(id).min(1, 'a series needs at least one source'),
  note: text.optional(),
  /** How a chart drawn without a spec file shows the series (`::chart{series=…}`). */
  chart: z
    .strictObject({
      mark: z.enum(['bar', 'line']).optional(),
      /** The column along the axis; default `period` (as its label) or the first text column. */
      x: z.string().min(1).optional(),
      /** A column whose values become separate, coloured series. */
      color: z.string().min(1).optional(),
    })
    .optional(),
  /** What the series mixes on purpose (a chart of it says so in its note): `bases`, `partial-years`. */
  mixes: z.array(z.enum(['bases', 'partial-years'])).optional(),
  decimals,
});

export const seriesFileSchema = z.strictObject({ series: z.array(z.unknown()) });
