// A dataset folder (dataset.yaml, sources.yaml, facts.yaml, series.yaml and
// series CSVs) → a validated Dataset. Every file is read and every item
// checked, so one run reports all problems.
import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Basis, Dataset, Fact, Relation, Series, Source } from './dataset.js';
import { parseSeriesCsv } from './load-csv.js';
import { loadOutline } from './load-outline.js';
import { parseYaml, type YamlFile } from './load-yaml.js';
import { reparseYamlEdit } from './yaml-edit.js';
import { parseDate, parsePeriod } from './period.js';
import { badIdDetail, datasetSchema, factSchema, factsFileSchema, relationSchema, seriesFileSchema, seriesSchema, sourceSchema, sourcesFileSchema } from './schema.js';
import { loadUnits } from './load-units.js';
import { numberTextProblem, writtenDecimals } from './precision.js';
import { unknownUnitArgs } from './unit-hint.js';
import { zodDiagnostics } from './zod-diagnostics.js';
import { contentHash, diskMemo } from '../util/disk-memo.js';
import { isDiagnostic, maxCsvBytes, maxTextBytes, readProjectFile, type ReadOptions } from '../util/project-files.js';
import { defaultLimits } from '../limits.js';
import { decimalsOf } from '../format/number.js';
import { ownRecord, toOwnRecord } from '../util/own-record.js';
import { isWindowsReservedName } from '../util/reserved-names.js';
import { LRUCache } from 'lru-cache';

function readText(file: string, diagnostics: Diagnostic[], opts: ReadOptions): string | undefined {
  const r = readProjectFile(file, opts);
  if (isDiagnostic(r)) {
    diagnostics.push(r);
    return undefined;
  }
  return r.text;
}

/** Parsed files by path and content: a rebuild in the same process re-parses only what changed. */
// Bounded: a batch of hundreds of datasets in one worker would otherwise keep every parsed file.
const parsedFiles = new LRUCache<string, { text: string; parsed: ReturnType<typeof parseYaml> }>({ max: 64 });

function loadYaml(file: string, diagnostics: Diagnostic[], what: string, opts: { root: string }): YamlFile | undefined {
  const text = readText(file, diagnostics, { root: opts.root, maxBytes: maxTextBytes, what, name: path.basename(file) });
  if (text === undefined) return undefined;
  let entry = parsedFiles.get(file);
  if (entry?.text !== text) {
    // After an edit to one value, the last parse is reused (src/facts/yaml-edit.ts).
    entry = { text, parsed: entry ? reparseYamlEdit(file, text, entry.parsed) : parseYaml(file, text) };
    parsedFiles.set(file, entry);
  }
  const parsed = entry.parsed;
  diagnostics.push(...parsed.diagnostics);
  return parsed.value;
}

/** Validate each item of a top-level list on its own, so one bad item doesn't hide the others. */
function eachItem<S extends z.ZodType>(yaml: YamlFile, listKey: string, list: unknown[], schema: S, diagnostics: Diagnostic[]): { item: z.output<S>; index: number }[] {
  const out: { item: z.output<S>; index: number }[] = [];
  list.forEach((raw, index) => {
    const r = schema.safeParse(raw);
    if (r.success) out.push({ item: r.data, index });
    else diagnostics.push(...zodDiagnostics(yaml, [listKey, index], r.error));
  });
  return out;
}

function topList<S extends z.ZodType>(yaml: YamlFile | undefined, schema: S, key: string, diagnostics: Diagnostic[]): unknown[] {
  if (!yaml) return [];
  const r = schema.safeParse(yaml.data ?? {});
  if (!r.success) {
    diagnostics.push(...zodDiagnostics(yaml, [], r.error));
    return [];
  }
  return (r.data as Record<string, unknown[]>)[key] ?? [];
}

function checkDate(value: string, position: Position, diagnostics: Diagnostic[]): string {
  const d = parseDate(value);
  if (!d) diagnostics.push(report('facts/bad-date', position, { date: value }));
  return value;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const datasetFiles = ['dataset.yaml', 'sources.yaml', 'facts.yaml', 'series.yaml'];

export interface DatasetOptions {
  /**
   * The project folder: every file the dataset is read from must lie inside
   * it (real paths, so symlinks count). Default: the dataset folder's
   * grandparent (`<project>/data/<name>` → `<project>`).
   */
  root?: string;
  /** Rows a series CSV may have (`limits.seriesRows`); default: the built-in limit. */
  seriesRows?: number;
}

/**
 * Non-blank lines of a CSV after its header, counted before it is parsed (an
 * upper bound on its rows: a quoted cell may hold a line break), so a huge
 * file is refused in milliseconds. `\r\n`, `\n` and a lone `\r` all end a line.
 */
function csvDataLines(text: string): number {
  // A regular expression runs natively: a character loop here took milliseconds per thousand rows, interpreted.
  const nonBlank = text.match(/^[ \t]*[^ \t\r\n].*$/gm);
  return Math.max(0, (nonBlank?.length ?? 0) - 1);
}

/** Everything a dataset is read from, as one text: the disk cache key. Undefined when a file cannot be read (or may not be: the fresh load says why). */
function datasetInputs(dir: string, root: string): string | undefined {
  const texts = [path.resolve(dir), root];
  const read = (f: string, maxBytes: number): boolean => {
    const r = readProjectFile(path.join(dir, f), { root, maxBytes, what: 'file' });
    if (isDiagnostic(r)) return false;
    texts.push(`${f}\u0000${r.text}`);
    return true;
  };
  if (!datasetFiles.every((f) => read(f, maxTextBytes))) return undefined;
  const seriesFiles = [...texts[5]!.matchAll(/^\s*file:\s*(\S+)/gm)].map((m) => m[1]!.replace(/^["']|["']$/g, ''));
  return seriesFiles.every((f) => read(f, maxCsvBytes)) ? texts.join('\u0000') : undefined;
}

/**
 * Load and validate a dataset folder. A dataset whose files did not change
 * since a clean load comes from the disk cache (its positions included).
 */
export function loadDataset(dir: string, opts: DatasetOptions = {}): Result<Dataset | undefined> {
  const options = { ...opts, root: opts.root ?? path.dirname(path.dirname(path.resolve(dir))) };
  const inputs = datasetInputs(dir, options.root);
  if (inputs === undefined) return loadDatasetFresh(dir, options);
  // The limit is part of the key: a dataset cached under a higher limit must be checked again under a lower one.
  const r = diskMemo('datasets', contentHash('dataset', `${inputs}\u0000seriesRows=${options.seriesRows ?? defaultLimits.seriesRows}`), () => loadDatasetFresh(dir, options), (r) => r.value !== undefined && r.diagnostics.length === 0);
  if (r.value) withOwnRecords(r.value);
  return r;
}

/** Records keyed by user ids get no prototype again after the JSON round trip of the cache (see own-record.ts). */
function withOwnRecords(d: Dataset): void {
  d.bases = toOwnRecord(d.bases);
  d.sources = toOwnRecord(d.sources);
  d.facts = toOwnRecord(d.facts);
  d.series = toOwnRecord(d.series);
  d.units = toOwnRecord(d.units);
  for (const s of Object.values(d.series)) for (const row of s.rows) row.values = toOwnRecord(row.values);
}

function loadDatasetFresh(dir: string, opts: DatasetOptions & { root: string }): Result<Dataset | undefined> {
  const diagnostics: Diagnostic[] = [];
  const file = (name: string) => path.join(dir, name);

  const metaYaml = loadYaml(file('dataset.yaml'), diagnostics, 'dataset description', opts);
  const meta = metaYaml ? datasetSchema.safeParse(metaYaml.data ?? {}) : undefined;
  if (metaYaml && meta && !meta.success) diagnostics.push(...zodDiagnostics(metaYaml, [], meta.error));
  const info = meta?.success ? meta.data : undefined;
  if (info && metaYaml) checkDate(info.asOf, metaYaml.positionOf(['asOf']), diagnostics);
  // The id names the outputs (`<id>-<template>`) and the dataset's folder under `briefdeck new`.
  if (info && metaYaml && isWindowsReservedName(info.id)) diagnostics.push(report('project/reserved-name', metaYaml.positionOf(['id']), { name: info.id, what: 'dataset id' }));
  const bases = ownRecord<Basis>();
  for (const [id, b] of Object.entries(info?.bases ?? {})) bases[id] = { id, label: b.label.normalize('NFC'), according: b.according };
  // zod's record skips a key `__proto__` without a word; it is no id (ids start with a letter or digit).
  const rawBases = metaYaml && isRecord(metaYaml.data) ? metaYaml.data['bases'] : undefined;
  if (isRecord(rawBases) && Object.hasOwn(rawBases, '__proto__')) diagnostics.push(report('facts/schema', metaYaml!.positionOf(['bases', '__proto__'], 'key'), { path: 'bases.__proto__', detail: badIdDetail }));
  // Units are read even when another field of dataset.yaml is wrong, so facts using them are not also reported.
  // The parsed data, not zod's copy: zod's record drops a key `__proto__`.
  const declaredUnits = metaYaml && isRecord(metaYaml.data) && isRecord(metaYaml.data['units']) ? metaYaml.data['units'] : {};
  const units = toOwnRecord(loadUnits(metaYaml, declaredUnits, diagnostics));
  const checkUnit = (unit: string, position: Position) => {
    if (!units[unit]) diagnostics.push(report('facts/unknown-unit', position, unknownUnitArgs(unit, units)));
  };
  const checkSign = (value: unknown, unit: string, owner: string, position: Position) => {
    if (typeof value === 'number' && value < 0 && units[unit]?.negative === false) diagnostics.push(report('facts/negative-value', position, { owner, value, unit }));
  };

  // Sources
  const sources = ownRecord<Source>();
  const sourcesYaml = loadYaml(file('sources.yaml'), diagnostics, 'source list', opts);
  for (const { item, index } of eachItem(sourcesYaml!, 'sources', topList(sourcesYaml, sourcesFileSchema, 'sources', diagnostics), sourceSchema, diagnostics)) {
    const position = sourcesYaml!.positionOf(['sources', index]);
    if (sources[item.id]) {
      diagnostics.push(report('facts/duplicate-id', sourcesYaml!.positionOf(['sources', index, 'id']), { kind: 'source', id: item.id }));
      continue;
    }
    checkDate(item.date, sourcesYaml!.positionOf(['sources', index, 'date']), diagnostics);
    sources[item.id] = { ...item, position, ...(item.url !== undefined ? { urlPosition: sourcesYaml!.positionOf(['sources', index, 'url']) } : {}) };
  }
  const sourceIds = Object.keys(sources);

  const checkSource = (id: string | undefined, owner: string, position: Position) => {
    if (id === undefined) diagnostics.push(report('facts/missing-source', position, { owner }));
    else if (!sources[id] && sourcesYaml) diagnostics.push(report('facts/unknown-source', position, { id, owner, known: sourceIds }));
  };
  const usedBases = new Set<string>();

  // Facts
  const facts = ownRecord<Fact>();
  const factsYaml = loadYaml(file('facts.yaml'), diagnostics, 'fact list', opts);
  for (const { item, index } of eachItem(factsYaml!, 'facts', topList(factsYaml, factsFileSchema, 'facts', diagnostics), factSchema, diagnostics)) {
    const at = (key?: string) => factsYaml!.positionOf(key ? ['facts', index, key] : ['facts', index]);
    const owner = `fact \`${item.id}\``;
    if (facts[item.id]) {
      diagnostics.push(report('facts/duplicate-id', at('id'), { kind: 'fact', id: item.id }));
      continue;
    }
    checkSource(item.source, owner, at(item.source === undefined ? undefined : 'source'));
    if (item.basis !== undefined) {
      usedBases.add(item.basis);
      if (!bases[item.basis]) diagnostics.push(report('facts/unknown-basis', at('basis'), { id: item.basis, owner, known: Object.keys(bases) }));
    }
    if (item.unit !== undefined) {
      checkUnit(item.unit, at('unit'));
      checkSign(item.value, item.unit, owner, at('value'));
    }
    if (typeof item.value === 'string' && item.decimals !== undefined) diagnostics.push(report('facts/decimals-on-text', at('decimals'), { id: item.id }));
    if (typeof item.value === 'string' && item.unit !== undefined) diagnostics.push(report('facts/text-with-unit', at('unit'), { id: item.id }));
    if (typeof item.value === 'number') {
      const written = factsYaml!.sourceOf(['facts', index, 'value']) ?? String(item.value);
      const problem = numberTextProblem(written, item.value);
      if (problem) diagnostics.push(report('facts/imprecise-number', at('value'), { found: written, problem, read: String(item.value) }));
    }
    if (typeof item.value === 'number' && item.unit === undefined) diagnostics.push(report('facts/number-without-unit', at('value'), { id: item.id }));
    if (item.asOf !== undefined) checkDate(item.asOf, at('asOf'), diagnostics);
    const period = parsePeriod(item.period);
    if (!period) diagnostics.push(report('facts/bad-period', at('period'), { period: item.period }));
    const fact: Fact = {
      id: item.id,
      label: item.label,
      measure: item.measure,
      value: typeof item.value === 'string' ? item.value.normalize('NFC') : item.value,
      period: period ?? { text: item.period, kind: 'year', start: '0000-01-01', end: '0000-12-31', partialYear: false },
      source: item.source ?? '',
      position: at(),
    };
    if (item.unit !== undefined) fact.unit = item.unit;
    if (item.basis !== undefined) fact.basis = item.basis;
    if (item.asOf !== undefined) fact.asOf = item.asOf;
    if (item.qualifier !== undefined) fact.qualifier = item.qualifier;
    if (item.note !== undefined) fact.note = item.note;
    if (item.growthOf !== undefined) fact.growthOf = item.growthOf;
    if (item.current !== undefined) fact.current = item.current;
    // Precision as written in facts.yaml (`1.40` keeps its zero), unless `decimals:` says otherwise.
    if (typeof item.value === 'number') fact.decimals = item.decimals ?? writtenDecimals(factsYaml!.sourceOf(['facts', index, 'value']) ?? '') ?? decimalsOf(item.value);
    facts[item.id] = fact;
  }

  // Relations between facts (checked for arithmetic later, by `check`)
  const relations: Relation[] = [];
  if (factsYaml) {
    for (const { item, index } of eachItem(factsYaml, 'relations', topList(factsYaml, factsFileSchema, 'relations', diagnostics), relationSchema, diagnostics)) {
      const position = factsYaml.positionOf(['relations', index]);
      const { kind: _kind, tolerance: _tolerance, note: _note, ...roles } = item;
      for (const [role, ids] of Object.entries(roles)) {
        (Array.isArray(ids) ? ids : [ids]).forEach((factId, i) => {
          const f = facts[factId];
          const at = factsYaml.positionOf(Array.isArray(ids) ? ['relations', index, role, i] : ['relations', index, role]);
          if (!f) diagnostics.push(report('facts/relation-unknown-fact', at, { id: factId, role }));
          else if (typeof f.value !== 'number') diagnostics.push(report('facts/relation-not-a-number', at, { id: factId, role }));
        });
      }
      relations.push({ ...item, position } as Relation);
    }
  }

  // Series
  const series = ownRecord<Series>();
  const seriesYaml = loadYaml(file('series.yaml'), diagnostics, 'series list', opts);
  for (const { item, index } of eachItem(seriesYaml!, 'series', topList(seriesYaml, seriesFileSchema, 'series', diagnostics), seriesSchema, diagnostics)) {
    const at = (key?: string) => seriesYaml!.positionOf(key ? ['series', index, key] : ['series', index]);
    const owner = `series \`${item.id}\``;
    if (series[item.id]) {
      diagnostics.push(report('facts/duplicate-id', at('id'), { kind: 'series', id: item.id }));
      continue;
    }
    item.sources.forEach((s, i) => {
      if (!sources[s] && sourcesYaml) diagnostics.push(report('facts/unknown-source', seriesYaml!.positionOf(['series', index, 'sources', i]), { id: s, owner, known: sourceIds }));
    });
    checkUnit(item.unit, at('unit'));
    const csvFile = path.join(dir, item.file);
    const csvText = readText(csvFile, diagnostics, { root: opts.root, maxBytes: maxCsvBytes, what: 'series file', name: item.file, at: at('file') });
    if (csvText === undefined) continue;
    const seriesRows = opts.seriesRows ?? defaultLimits.seriesRows;
    const lines = csvDataLines(csvText);
    if (lines > seriesRows) {
      // Counted, not parsed: a 1,000,000-row file parsed into rows with positions took gigabytes.
      diagnostics.push(report('limit/exceeded', at('file'), { what: 'rows in one series file', limit: seriesRows, key: 'seriesRows', detail: `\`${item.file}\` has ${lines.toLocaleString('en')} lines after its header` }));
      continue;
    }
    const csv = parseSeriesCsv(csvFile, csvText);
    diagnostics.push(...csv.diagnostics);
    if (!csv.value) continue;
    if (!csv.value.columns.includes('value')) diagnostics.push(report('csv/missing-column', { file: csvFile, line: 1, column: 1 }, { column: 'value', file: item.file }));
    csv.value.rows.forEach((row, i) => checkSign(row.values['value'], item.unit, owner, csv.value!.cells[i]?.['value'] ?? row.position));
    for (const row of csv.value.rows) {
      const s = row.values['source'];
      if (typeof s === 'string' && !item.sources.includes(s)) diagnostics.push(report('facts/series-source-mismatch', row.position, { series: item.id, source: s }));
      const b = row.values['basis'];
      if (typeof b === 'string') {
        usedBases.add(b);
        if (!bases[b]) diagnostics.push(report('facts/unknown-basis', row.position, { id: b, owner, known: Object.keys(bases) }));
      }
      const p = row.values['period'];
      if (typeof p === 'string' && !parsePeriod(p)) diagnostics.push(report('facts/bad-period', row.position, { period: p }));
      // A row that names its fact must say the same as the fact (one number, one place of truth).
      const factId = row.values['fact'];
      if (typeof factId === 'string') {
        const f = facts[factId];
        if (!f) diagnostics.push(report('facts/series-unknown-fact', row.position, { series: item.id, id: factId }));
        else {
          const checks: [string, unknown, unknown][] = [
            ['value', row.values['value'], f.value],
            ['source', row.values['source'], f.source],
            ['period', row.values['period'], f.period.text],
            ['basis', row.values['basis'], f.basis],
          ];
          for (const [field, rowValue, factValue] of checks) {
            if (rowValue === undefined || (rowValue === null && factValue === undefined)) continue;
            if (rowValue !== factValue) diagnostics.push(report('facts/series-fact-mismatch', row.position, { series: item.id, id: factId, field, row: String(rowValue), fact: String(factValue ?? '') }));
          }
        }
      }
    }
    const s: Series = { id: item.id, title: item.title, unit: item.unit, file: csvFile, sources: item.sources, columns: csv.value.columns, rows: csv.value.rows, position: at(), decimals: item.decimals ?? csv.value.valueDecimals };
    if (item.note !== undefined) s.note = item.note;
    if (item.mixes !== undefined) s.mixes = item.mixes;
    if (item.chart !== undefined) {
      s.chart = item.chart;
      const chartColumns = [...s.columns, ...(s.columns.includes('period') ? ['periodLabel'] : [])];
      for (const key of ['x', 'color'] as const) {
        const column = item.chart[key];
        if (column !== undefined && !chartColumns.includes(column)) diagnostics.push(report('facts/series-unknown-column', seriesYaml!.positionOf(['series', index, 'chart', key]), { series: item.id, column, columns: chartColumns }));
      }
    }
    series[item.id] = s;
  }

  if (metaYaml) for (const id of Object.keys(bases)) if (!usedBases.has(id)) diagnostics.push(report('facts/unused-basis', metaYaml.positionOf(['bases', id], 'key'), { id }));

  if (!info) return { value: undefined, diagnostics };
  const outline = loadOutline({ yaml: metaYaml!, highlights: info.highlights, sections: info.sections, facts, series });
  diagnostics.push(...outline.diagnostics);
  if (info.date !== undefined) checkDate(info.date, metaYaml!.positionOf(['date']), diagnostics);
  const dataset: Dataset = { id: info.id, title: info.title, locale: info.locale, asOf: info.asOf, dir, bases, sources, facts, series, relations, units, highlights: outline.highlights };
  if (outline.sections) dataset.sections = outline.sections;
  if (info.description !== undefined) dataset.description = info.description;
  if (info.subtitle !== undefined) dataset.subtitle = info.subtitle.normalize('NFC');
  if (info.date !== undefined) dataset.date = info.date;
  return { value: dataset, diagnostics };
}
