// The loaded dataset ("fact base"): what every later stage reads. Plain
// objects only, so Handlebars can see every field.
import type { Position } from '../diagnostics/diagnostic.js';
import type { Locale } from '../format/locale.js';
import type { Qualifier } from '../format/value.js';
import type { Period } from './period.js';
import type { UnitTable } from './units.js';

export interface Basis {
  id: string;
  label: string;
  according: string;
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  date: string;
  url?: string;
  /** Where `url:` is written, for the warning about a link that is not made live. */
  urlPosition?: Position;
  file?: string;
  notes?: string;
  position: Position;
}

export interface Fact {
  id: string;
  label: string;
  measure: string;
  value: number | string;
  unit?: string;
  period: Period;
  basis?: string;
  asOf?: string;
  source: string;
  qualifier?: Qualifier;
  note?: string;
  position: Position;
  /** Decimals the number prints with: as written (`1.40` → 2), or the fact's `decimals:`. */
  decimals?: number;
  /** For a growth rate: the measure it is the growth of (`growthOf:`). */
  growthOf?: string;
  /** A text fact that states the current state of things (`current: true`), checked for staleness. */
  current?: boolean;
}

/** Arithmetic the dataset declares between its facts (ids), checked within a tolerance. */
export type Relation = (
  | { kind: 'sum'; total: string; parts: string[] }
  | { kind: 'growth'; growth: string; from: string; to: string }
  | { kind: 'share'; share: string; part: string; total: string }
) & { tolerance?: number; note?: string; position: Position };

export type Cell = string | number | boolean | null;

export interface SeriesRow {
  values: Record<string, Cell>;
  position: Position;
}

export interface Series {
  id: string;
  title: string;
  unit: string;
  file: string;
  sources: string[];
  note?: string;
  /** How a chart drawn from the series alone shows it (series.yaml `chart:`). */
  chart?: { mark?: 'bar' | 'line'; x?: string; color?: string };
  /** What the series mixes on purpose (series.yaml `mixes:`). */
  mixes?: ('bases' | 'partial-years')[];
  columns: string[];
  rows: SeriesRow[];
  position: Position;
  /** One precision for the series: the most decimals a `value` was written with, or its `decimals:`. */
  decimals: number;
}

/** A key figure the dataset asks the standard templates to show: a fact id, or a measure query. */
export interface Highlight {
  fact?: string;
  measure?: string;
  period?: string;
  basis?: string;
  source?: string;
  label?: string;
  position: Position;
}

/** A section the dataset asks the standard templates to write. */
export interface Section {
  title: string;
  lead?: string;
  /** Measure prefixes (`trade.` or `trade.bilateral.total`). */
  measures: string[];
  /** Fact ids, besides those the measures select. */
  facts: string[];
  series: string[];
  position: Position;
}

export interface Dataset {
  id: string;
  title: string;
  subtitle?: string;
  description?: string;
  /** Document date when it differs from `asOf`. */
  date?: string;
  highlights: Highlight[];
  /** Undefined when dataset.yaml declares none: the standard templates then make one section of everything. */
  sections?: Section[];
  locale: Locale;
  asOf: string;
  dir: string;
  bases: Record<string, Basis>;
  sources: Record<string, Source>;
  facts: Record<string, Fact>;
  series: Record<string, Series>;
  relations: Relation[];
  /** Every unit facts and series may use: built-in plus declared (dataset.yaml `units:`). */
  units: UnitTable;
}
