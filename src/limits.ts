// The tool's own limits: what a document may ask of it before the build
// stops with "limit exceeded" instead of hanging or running out of memory.
// Defaults here; a project changes them under `limits:` in briefdeck.yaml.
import { z } from 'zod';
import { defaultDocumentMemoryMb } from './batch/start-worker.js';

export const defaultLimits = {
  /** Rows in one series CSV. */
  seriesRows: 100_000,
  /** Rows drawn by one chart (all its series together); longer series are refused, not silently cut. */
  chartRows: 20_000,
  /** A chart's width or height in pixels, as the spec asks for it. */
  chartPixels: 4_000,
  /** Rows a chart's Vega transforms may produce (e.g. `sequence`). */
  transformRows: 100_000,
  /** Characters of Markdown a template may expand to. */
  templateOutputChars: 2_000_000,
  /** Iterations of `{{#each}}` (and the other block helpers) over one document. */
  loopIterations: 100_000,
  /** Partials nested in partials. */
  partialDepth: 20,
  /** Pixels of one image (width × height, read from its header before it is decoded): a logo or an image of the document. */
  imagePixels: 40_000_000,
  /** Bytes of one image file. */
  imageBytes: 20 * 1024 * 1024,
  /** Pages of a PDF. */
  pages: 300,
  /** Slides of a deck. */
  slides: 300,
  /** Seconds one document may take. */
  documentSeconds: 60,
  /**
   * Heap of the worker thread that builds a document, in MB (the CLI builds
   * in workers; a worker builds its documents one after another). Past it,
   * the document stops with this error instead of the process running out
   * of memory.
   */
  documentMemoryMb: defaultDocumentMemoryMb,
} as const;

export type Limits = { -readonly [K in keyof typeof defaultLimits]: number };

/** `limits:` in briefdeck.yaml: any of the limits, each a positive whole number. */
export const limitsSchema = z.strictObject(Object.fromEntries(Object.keys(defaultLimits).map((k) => [k, z.number().int().positive().optional()])) as Record<keyof Limits, z.ZodOptional<z.ZodNumber>>);

export function resolveLimits(given: Partial<Limits> | undefined): Limits {
  const out: Limits = { ...defaultLimits };
  for (const [k, v] of Object.entries(given ?? {})) if (typeof v === 'number') out[k as keyof Limits] = v;
  return out;
}
