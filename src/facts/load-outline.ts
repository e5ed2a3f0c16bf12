// dataset.yaml `highlights:` and `sections:` → what the standard templates
// show. Ids and series are checked here, against the loaded facts and series;
// measure queries are answered later, by the template stage (src/template/outline.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { suggest } from '../util/suggest.js';
import type { Fact, Highlight, Section, Series } from './dataset.js';
import type { YamlFile } from './load-yaml.js';
import { highlightSchema, sectionSchema } from './schema.js';
import { zodDiagnostics } from './zod-diagnostics.js';

interface OutlineInput {
  yaml: YamlFile;
  highlights: unknown[] | undefined;
  sections: unknown[] | undefined;
  facts: Record<string, Fact>;
  series: Record<string, Series>;
}

/** Whether a fact's measure is `prefix` or lies under it (`trade.` and `trade` both select `trade.total`). */
export function measureMatches(measure: string, prefix: string): boolean {
  const p = prefix.replace(/\.$/, '');
  return measure === p || measure.startsWith(`${p}.`);
}

export function loadOutline(input: OutlineInput): { highlights: Highlight[]; sections: Section[] | undefined; diagnostics: Diagnostic[] } {
  const { yaml, facts, series } = input;
  const diagnostics: Diagnostic[] = [];
  const factIds = Object.keys(facts);
  const checkFact = (id: string, path: (string | number)[]) => {
    if (!facts[id]) diagnostics.push(report('facts/outline-unknown', yaml.positionOf(path), { kind: 'fact', id, suggestions: suggest(id, factIds) }));
  };

  const highlights: Highlight[] = [];
  (input.highlights ?? []).forEach((raw, i) => {
    const r = highlightSchema.safeParse(raw);
    if (!r.success) {
      diagnostics.push(...zodDiagnostics(yaml, ['highlights', i], r.error));
      return;
    }
    const h: Highlight = { ...r.data, position: yaml.positionOf(['highlights', i]) };
    if (h.fact !== undefined) checkFact(h.fact, typeof raw === 'string' ? ['highlights', i] : ['highlights', i, 'fact']);
    highlights.push(h);
  });

  if (input.sections === undefined) return { highlights, sections: undefined, diagnostics };
  const sections: Section[] = [];
  const measures = [...new Set(Object.values(facts).map((f) => f.measure))];
  input.sections.forEach((raw, i) => {
    const r = sectionSchema.safeParse(raw);
    if (!r.success) {
      diagnostics.push(...zodDiagnostics(yaml, ['sections', i], r.error));
      return;
    }
    const s = r.data;
    const listed = (key: string, j: number, value: string[]) => (value.length > 1 || Array.isArray((raw as Record<string, unknown>)[key]) ? ['sections', i, key, j] : ['sections', i, key]);
    (s.measures ?? []).forEach((m, j) => {
      if (!measures.some((x) => measureMatches(x, m))) diagnostics.push(report('facts/outline-unknown', yaml.positionOf(listed('measures', j, s.measures!)), { kind: 'measure', id: m, suggestions: suggest(m, measures) }));
    });
    (s.facts ?? []).forEach((id, j) => checkFact(id, listed('facts', j, s.facts!)));
    (s.series ?? []).forEach((id, j) => {
      if (!series[id]) diagnostics.push(report('facts/outline-unknown', yaml.positionOf(listed('series', j, s.series!)), { kind: 'series', id, suggestions: suggest(id, Object.keys(series)) }));
    });
    const section: Section = { title: s.title, measures: s.measures ?? [], facts: s.facts ?? [], series: s.series ?? [], position: yaml.positionOf(['sections', i]) };
    if (s.lead !== undefined) section.lead = s.lead;
    sections.push(section);
  });
  return { highlights, sections, diagnostics };
}
