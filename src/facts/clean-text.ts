// Text from data → text safe to write into XML and to show: the one place
// that decides which characters data may carry and how long text may be.
// Loaders clean what they read (and say so); the deck writer cleans again.

/** Longest text a YAML field may hold (a fact's value or label, a title, a note), in UTF-16 units. */
export const maxYamlTextLength = 2000;
/** Longest text a CSV cell may hold: cells become chart categories, series names and table cells. */
export const maxCsvCellLength = 500;

/**
 * C0 controls except tab and newline, DEL and C1 controls, and UTF-16
 * surrogates without their pair. XML 1.0 forbids most of them (a slide
 * holding U+0001 is a part PowerPoint will not open) and none prints.
 */
const unsafePattern = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Bidi embeddings, overrides and isolates: they can make text read differently from what it says ("Trojan source"). */
const bidiPattern = /[\u202A-\u202E\u2066-\u2069]/g;

/** `U+202E` for a character (or a lone surrogate). */
export const codePointName = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export interface CleanedText {
  text: string;
  /** Control characters and lone surrogates removed, as `U+0001`, each once, in order. */
  controls: string[];
  /** Bidi controls removed, as `U+202E`. */
  bidi: string[];
}

const distinct = (matches: string[]): string[] => [...new Set(matches.map(codePointName))];

/** Remove control characters, lone surrogates and bidi controls, and say which there were. */
export function cleanText(text: string): CleanedText {
  const controls = text.match(unsafePattern) ?? [];
  const bidi = text.match(bidiPattern) ?? [];
  if (controls.length === 0 && bidi.length === 0) return { text, controls: [], bidi: [] };
  return { text: text.replace(unsafePattern, '').replace(bidiPattern, ''), controls: distinct(controls), bidi: distinct(bidi) };
}

/** The writer's last line of defence: characters XML cannot hold are dropped, silently (loaders have reported them). */
export function xmlSafeText(text: string): string {
  return text.replace(unsafePattern, '');
}

/** A copy of a JSON-like value with every string made XML-safe. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}

/** Control characters and bidi marks spelled out (`\u202E`), for messages printed to a terminal. */
export function escapeInvisible(text: string): string {
  return text.replace(unsafePattern, (ch) => `\\u${(ch.charCodeAt(0)).toString(16).toUpperCase().padStart(4, '0')}`).replace(bidiPattern, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
