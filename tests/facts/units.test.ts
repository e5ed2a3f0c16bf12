// Units and precision as the dataset declares them: the built-in table
// written as declarations, declared units, written decimals, and the errors
// for unknown units, bad declarations and forbidden negative values.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { report } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { declarationExample, unknownUnitArgs } from '../../src/facts/unit-hint.js';
import { builtInUnits, unitFromDeclaration } from '../../src/facts/units.js';
import { copyFixture, edit, fixtures, lineOf } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'units', 'data'));

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
/** A temp copy of the units fixture with one edit, loaded; its errors. */
function errorsAfter(file: string, from: string, to: string) {
  dir = copyFixture('units');
  edit(dir, file, from, to);
  return loadDataset(path.join(dir, 'data')).diagnostics.filter((d) => d.severity === 'error');
}
const at = (file: string, needle: string, column: number) => ({ file: path.join(dir!, file), line: lineOf(dir!, file, needle), column });

describe('built-in units', () => {
  it('come out exactly as the fixed table did before declarations', () => {
    // The table as it was in src/facts/units.ts, before units were declared; counts, quantities, durations and ranks now refuse negatives.
    expect(builtInUnits()).toEqual({
      'USD bn': { long: { en: 'US${n} billion', vi: '{n} tỷ USD' }, short: { en: 'US${n}bn', vi: '{n} tỷ USD' }, axis: { en: 'US$ billion', vi: 'tỷ USD' } },
      'USD m': { long: { en: 'US${n} million', vi: '{n} triệu USD' }, short: { en: 'US${n}m', vi: '{n} triệu USD' }, axis: { en: 'US$ million', vi: 'triệu USD' } },
      '%': { long: { en: '{n}%', vi: '{n}%' }, short: { en: '{n}%', vi: '{n}%' }, axis: { en: 'per cent', vi: 'phần trăm' }, isRate: true },
      pp: { long: { en: '{n} percentage points', vi: '{n} điểm phần trăm' }, short: { en: '{n} pp', vi: '{n} điểm %' }, axis: { en: 'percentage points', vi: 'điểm phần trăm' } },
      tonnes: { long: { en: '{n} tonnes', vi: '{n} tấn' }, short: { en: '{n} t', vi: '{n} tấn' }, axis: { en: 'tonnes', vi: 'tấn' }, negative: false },
      projects: { long: { en: '{n} projects', vi: '{n} dự án' }, short: { en: '{n} projects', vi: '{n} dự án' }, axis: { en: 'projects', vi: 'dự án' }, negative: false },
      count: { long: { en: '{n}', vi: '{n}' }, short: { en: '{n}', vi: '{n}' }, axis: { en: 'number', vi: 'số lượng' }, negative: false },
      rank: { long: { en: '{n}', vi: 'thứ {n}' }, short: { en: '{n}', vi: 'thứ {n}' }, axis: { en: 'rank', vi: 'thứ hạng' }, isOrdinal: true, negative: false },
      years: { long: { en: '{n} years', vi: '{n} năm' }, short: { en: '{n} yrs', vi: '{n} năm' }, axis: { en: 'years', vi: 'năm' }, negative: false },
    });
  });

  it('puts a symbol where each locale wants it, and spaces letters from the number', () => {
    const kes = unitFromDeclaration('KES m', { symbol: 'KES', scale: 'million' });
    expect(kes.long).toEqual({ en: 'KES {n} million', vi: '{n} triệu KES' });
    expect(kes.short).toEqual({ en: 'KES {n}m', vi: '{n} triệu KES' });
    const after = unitFromDeclaration('EUR', { symbol: '€', position: 'after' });
    expect(after.long).toEqual({ en: '{n}€', vi: '{n}€' });
    expect(unitFromDeclaration('widgets', {}).axis).toEqual({ en: 'widgets', vi: 'widgets' });
  });
});

describe('declared units', () => {
  it('load with the dataset, cleanly, next to the built-in ones', () => {
    expect(dataset.diagnostics).toEqual([]);
    const units = dataset.value!.units;
    expect(units['EUR bn']).toEqual({ long: { en: '€{n} billion', vi: '{n} tỷ euro' }, short: { en: '€{n}bn', vi: '{n} tỷ euro' }, axis: { en: '€ billion', vi: 'tỷ euro' } });
    expect(units['TEU']).toEqual({ long: { en: '{n} TEU', vi: '{n} TEU' }, short: { en: '{n} TEU', vi: '{n} TEU' }, axis: { en: 'TEU', vi: 'TEU' }, negative: false });
    expect(units['million tonnes']!.short).toEqual({ en: '{n}m t', vi: '{n} triệu tấn' });
    expect(units['million tonnes']!.axis).toEqual({ en: 'million tonnes', vi: 'triệu tấn' });
    expect(units['USD bn']!.long.en).toBe('US${n} billion');
  });

  it('override a built-in unit of the same name for that dataset only', () => {
    dir = copyFixture('units');
    edit(dir, 'data/dataset.yaml', 'units:\n', 'units:\n  tonnes:\n    name: { en: metric tons, vi: tấn }\n    rate: true\n');
    const units = loadDataset(path.join(dir, 'data')).value!.units;
    expect(units['tonnes']!.long.en).toBe('{n} metric tons');
    expect(units['tonnes']!.isRate).toBe(true);
    expect(builtInUnits()['tonnes']!.long.en).toBe('{n} tonnes');
  });

  it('survive the JSON dataset cache as plain objects', () => {
    expect(JSON.parse(JSON.stringify(dataset.value))).toEqual(dataset.value);
  });
});

describe('precision as written', () => {
  it('keeps the decimals of each fact, or its `decimals:`', () => {
    const facts = dataset.value!.facts;
    expect(facts['exports-2024']!.decimals).toBe(2); // 1.40
    expect(facts['exports-kes-2024']!.decimals).toBe(1); // 2973.0
    expect(facts['containers-2024']!.decimals).toBe(0);
    expect(facts['imports-2024']!.decimals).toBe(2); // 0.2 with decimals: 2
  });

  it('gives a series the most decimals its CSV values were written with, or its `decimals:`', () => {
    expect(dataset.value!.series['exports']!.decimals).toBe(2); // 1.20, 1.30, 1.40
    expect(dataset.value!.series['containers']!.decimals).toBe(1); // integers, decimals: 1
  });
});

describe('unit errors', () => {
  it('reports an unknown unit in facts.yaml at the unit, with a declaration to copy', () => {
    const errors = errorsAfter('data/facts.yaml', 'unit: TEU', 'unit: KES bn');
    const units = loadDataset(path.join(dir!, 'data')).value!.units;
    expect(errors).toEqual([report('facts/unknown-unit', at('data/facts.yaml', 'unit: KES bn', 11), unknownUnitArgs('KES bn', units))]);
    expect(errors[0]!.hint).toContain('units:\n        KES bn:\n          symbol: KES\n          scale: billion');
    expect(errors[0]!.hint).toContain('`EUR bn`');
  });

  it('reports an unknown unit in series.yaml at the unit', () => {
    const errors = errorsAfter('data/series.yaml', 'unit: TEU', 'unit: containers');
    expect(errors.map((d) => [d.rule, d.position])).toEqual([['facts/unknown-unit', at('data/series.yaml', 'unit: containers', 11)]]);
    expect(errors[0]!.hint).toContain('name: { en: containers, vi: containers }');
  });

  it('guesses a declaration from the unit name', () => {
    expect(declarationExample('million tonnes')).toBe('units:\n  million tonnes:\n    name: { en: tonnes, vi: tonnes }\n    scale: million');
    expect(declarationExample('‰')).toBe('units:\n  "‰":\n    name: { en: "‰", vi: "‰" }');
  });

  it.each([
    ['scale: billion', 'scale: zillion', 'units.EUR bn.scale', 'expected one of `thousand`, `million`, `billion`, `trillion`', 12],
    ['symbol: KES', 'symbol: KES\n    position: left', 'units.KES m.position', 'expected `before` or `after`, or one per locale ({ en: …, vi: … }); found `left`', 15],
    ['short: { en: "{n}m t" }', 'short: { en: "m t" }', 'units.million tonnes.short.en', 'a form must contain `{n}` where the number goes', 18],
    ['short: { en: "{n}m t" }', 'short: "m t"', 'units.million tonnes.short', 'a form must contain `{n}` where the number goes', 12],
    ['negative: false', 'negative: no', 'units.TEU.negative', 'expected boolean, found string', 15],
    ['negative: false', 'negative: false\n    colour: red', 'units.TEU', 'unknown field `colour`', 5],
  ])('reports a bad unit declaration (%s → %s) at its position', (from, to, fieldPath, detail, column) => {
    const errors = errorsAfter('data/dataset.yaml', from, to);
    const needle = to.split('\n').at(-1)!.trim();
    expect(errors).toEqual([report('facts/schema', at('data/dataset.yaml', needle, column), { path: fieldPath, detail })]);
  });

  it('reports a negative fact value in a unit that forbids it, at the value', () => {
    const errors = errorsAfter('data/facts.yaml', 'value: 12500', 'value: -12500');
    expect(errors).toEqual([report('facts/negative-value', at('data/facts.yaml', 'value: -12500', 12), { owner: 'fact `containers-2024`', value: -12500, unit: 'TEU' })]);
  });

  it('reports a negative series value in a unit that forbids it, at the cell', () => {
    const errors = errorsAfter('data/series/containers.csv', '2023,11800,', '2023,-11800,');
    expect(errors).toEqual([report('facts/negative-value', at('data/series/containers.csv', '-11800', 6), { owner: 'series `containers`', value: -11800, unit: 'TEU' })]);
  });

  it('allows negative values where the unit does not forbid them', () => {
    expect(dataset.value!.facts['flowers-change-2024']!.value).toBe(-0.25);
  });

  it('reports `decimals:` on a text fact and out of range', () => {
    const onText = errorsAfter('data/facts.yaml', 'value: 0.35\n    unit: million tonnes', 'value: a third of a million tonnes\n    decimals: 1');
    expect(onText).toEqual([report('facts/decimals-on-text', at('data/facts.yaml', 'decimals: 1', 15), { id: 'volume-2024' })]);
    expect(errorsAfter('data/facts.yaml', 'decimals: 2', 'decimals: 11').map((d) => d.message)).toEqual([report('facts/schema', { file: '', line: 0, column: 0 }, { path: 'facts[5].decimals', detail: 'Too big: expected number to be <=10' }).message]);
  });
});
