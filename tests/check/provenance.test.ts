// Each provenance rule on the mini fixture: an edit that triggers it (with
// the expected message and position) and one that does not.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPdf, checkDocument } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { copyFixture, edit, lineOf, root } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = copyFixture('mini');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const req = () => ({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });
const brief = 'templates/brief/document.md.hbs';
/** Diagnostics other than the conflict listing, as `rule file:line message`. */
const found = () =>
  checkDocument(req())
    .diagnostics.filter((d) => d.rule !== 'check/conflict')
    .map((d) => `${d.rule} ${path.relative(dir, d.position.file)}:${d.position.line} ${d.message}`);
const say = (text: string) => edit(dir, brief, 'Value with markup:', `${text}\n\nValue with markup:`);
const markdown = async () => (await buildPdf(req(), { write: false })).prepared?.markdown ?? '';

describe('the fixture itself, and the bundled project', () => {
  it('passes every check', () => {
    expect(found()).toEqual([]);
  });

  it('checks the bundled Viet Nam–China brief and deck clean, listing the one real conflict', () => {
    for (const template of ['brief', 'deck']) {
      const d = checkDocument({ templatesDir: path.join(root, 'templates'), template, dataDir: path.join(root, 'data', 'vietnam-china'), outDir: path.join(dir, 'out') }).diagnostics;
      expect(d.filter((x) => x.severity !== 'info')).toEqual([]);
      expect(d.map((x) => x.rule)).toEqual(['check/conflict']);
      expect(d[0]!.message).toContain('`trade.bilateral.total` (2024)');
    }
  });
});

describe('a conflicted measure in a template', () => {
  it('is an error naming every candidate when no basis or source is given', () => {
    say('Trade was {{fact measure="trade.bilateral.total" period="2024"}}.');
    const line = lineOf(dir, brief, 'Trade was');
    expect(found()).toEqual([
      `template/conflicting-figures ${brief}:${line} ${messages['template/conflicting-figures'].text({
        measure: 'trade.bilateral.total',
        period: '2024',
        candidates: ['US$260.65 billion (`trade-2024`, China customs, General Administration of Customs)', 'over US$200 billion (`vn-2024`, Viet Nam statistics, Viet Nam News)'],
        bases: [],
      })}`,
    ]);
  });

  it('does not hide the other problems of the document', () => {
    say('Trade was {{fact measure="trade.bilateral.total" period="2024"}}. In 2023 it was {{fact "trade-2023"}}.');
    edit(dir, brief, '{{factTable measure="trade."}}', '');
    edit(dir, brief, ':::key-figures\n{{keyFigure "trade-2024" growth="growth-2024" changeLabel="y/y"}}', ':::key-figures');
    edit(dir, brief, '- Trade reached {{fact "trade-2024"}} in {{fact "trade-2024" "period"}}.\n- Up {{change "trade-2023" "trade-2024" mixedBases=true}} on the earlier figure, which has no stated basis.\n', '- Nothing.\n');
    edit(dir, brief, '::chart{spec="trade"}', '');
    expect(found().map((d) => d.split(' ')[0])).toEqual(['template/conflicting-figures', 'check/newer-value']);
  });

  it('is found in a branch the template does not take, too', () => {
    say('{{#if dataset.nothing}}Trade was {{fact measure="trade.bilateral.total" period="2024"}}.{{/if}}');
    expect(found().map((d) => d.split(' ')[0])).toEqual(['template/conflicting-figures']);
  });

  it('refuses several values where a helper shows one figure', () => {
    say('{{fact "period" measure="trade.bilateral.total" period="2024" basis="cn-customs,vn-stats"}}');
    edit(dir, brief, '{{keyFigure "vn-2024"}}', '{{keyFigure measure="trade.bilateral.total" period="2024" all=true}}');
    expect(found().map((d) => d.split(' ').slice(0, 3).join(' '))).toEqual([
      `template/bad-argument ${brief}:10 \`keyFigure\`:`,
      `template/bad-argument ${brief}:${lineOf(dir, brief, 'cn-customs,vn-stats')} \`fact\`:`,
    ]);
  });

  it('prints the one figure a basis or a source picks', async () => {
    say('A {{fact measure="trade.bilateral.total" period="2024" basis="vn-stats"}} B {{fact measure="trade.bilateral.total" period="2024" source="gacc"}}.');
    expect(found()).toEqual([]);
    expect(await markdown()).toContain('A over US$200 billion:cite{source="vns" fact="vn-2024"} B US$260.65 billion:cite{source="gacc" fact="trade-2024"}.');
  });

  it('shows several side by side with the standard wording when asked for them', async () => {
    say('Trade was {{fact measure="trade.bilateral.total" period="2024" basis="cn-customs,vn-stats"}}.');
    expect(found()).toEqual([]);
    expect(await markdown()).toContain(
      `Trade was US$260.65 billion according to China's customs:cite{source="gacc" fact="trade-2024"}; over US$200 billion according to Viet Nam's statistics:cite{source="vns" fact="vn-2024"}.`,
    );
  });

  it('takes the latest period when none is named, and reports unknown measures, periods and bases', () => {
    say('{{fact measure="trade.bilateral.growth"}} {{fact measure="trade.bilateral.totl"}} {{fact measure="trade.bilateral.total" period="2019"}} {{fact measure="trade.bilateral.total" period="2024" basis="imf"}}');
    const d = checkDocument(req()).diagnostics.filter((x) => x.rule !== 'check/conflict');
    expect(d.map((x) => x.rule)).toEqual(['template/unknown-measure', 'template/no-fact-for-period', 'template/no-fact-for-choice']);
    expect(d.map((x) => x.hint)).toEqual(['did you mean `trade.bilateral.total`, `trade.bilateral.growth`?', 'periods in the dataset: `2024`, `2023`', 'bases available: `cn-customs`, `vn-stats`']);
  });
});

describe('a chart that mixes bases or partial years', () => {
  const spec = 'templates/charts/trade.vl.json';

  it('is an error at the spec unless the spec declares it', () => {
    edit(dir, spec, '  "usermeta": { "mixes": ["bases"] },\n', '');
    expect(found()).toEqual([`chart/mixed-bases ${spec}:3 ${messages['chart/mixed-bases'].text({ series: 'trade', bases: ['basis not stated', 'China customs'] })}`]);
  });

  it('says so in the note line when declared', async () => {
    const outcome = await buildPdf(req(), { write: false });
    const chart = outcome.prepared!.document.children.find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.noteLine).toContain('Mixes statistical bases (basis not stated; China customs).');
  });

  it('reports an unknown entry in usermeta.mixes', () => {
    edit(dir, spec, '"mixes": ["bases"]', '"mixes": ["bases", "units"]');
    expect(found()).toEqual([`chart/bad-mixes ${spec}:4 ${messages['chart/bad-mixes'].text({ found: 'units', known: ['bases', 'partial-years'] })}`]);
  });

  it('catches a part-year row among full years', () => {
    edit(dir, 'data/series/trade.csv', '2024,260.65,gacc,cn-customs', '2024,260.65,gacc,cn-customs\n2025-01..2025-03,51.25,gacc,cn-customs');
    expect(found()).toEqual([`chart/mixed-periods ${spec}:4 ${messages['chart/mixed-periods'].text({ series: 'trade' })}`]);
    edit(dir, spec, '"mixes": ["bases"]', '"mixes": ["bases", "partial-years"]');
    expect(found()).toEqual([]);
  });
});

describe('stale and superseded facts', () => {
  it('warns about a fact older than staleAfter, and not with the default of 24 months', () => {
    expect(found()).toEqual([]);
    edit(dir, brief, 'author: Test unit', 'author: Test unit\nstaleAfter: 2 months');
    const d = found();
    // trade-2024 ends 2024-12-31; the document date is 2025-04-10.
    expect(d).toContain(`check/stale-fact ${brief}:${lineOf(dir, brief, 'Trade reached')} ${messages['check/stale-fact'].text({ fact: '`trade-2024` (2024: US$260.65 billion)', age: 3, limit: 2 })}`);
    // A change baseline and table rows are not claims.
    expect(d.filter((x) => x.includes('`trade-2023`'))).toEqual([]);
  });

  it('rejects a staleAfter it cannot read, at the front matter line', () => {
    edit(dir, brief, 'author: Test unit', 'author: Test unit\nstaleAfter: soon');
    expect(found().map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual([`document/bad-front-matter ${brief}:6`]);
  });

  it('warns when a newer value of the same measure is in the dataset but not in the document', () => {
    say('In 2023 trade was {{fact "trade-2023"}}.');
    edit(dir, brief, '{{factTable measure="trade."}}', '');
    edit(dir, brief, ':::key-figures\n{{keyFigure "trade-2024" growth="growth-2024" changeLabel="y/y"}}', ':::key-figures');
    edit(dir, brief, '- Trade reached {{fact "trade-2024"}} in {{fact "trade-2024" "period"}}.\n- Up {{change "trade-2023" "trade-2024" mixedBases=true}} on the earlier figure, which has no stated basis.\n', '- Nothing.\n');
    edit(dir, 'templates/brief/document.md.hbs', '::chart{spec="trade"}', '');
    const line = lineOf(dir, brief, 'In 2023 trade was');
    expect(found()).toEqual([
      `check/newer-value ${brief}:${line} ${messages['check/newer-value'].text({ fact: '`trade-2023` (2023: US$171.9 billion)', newer: '`trade-2024` (2024: US$260.65 billion)', measure: 'trade.bilateral.total' })}`,
    ]);
  });

  it('does not warn when the document shows the newer value too, or the old one is marked historical', () => {
    say('In 2023 trade was {{fact "trade-2023"}}.');
    expect(found()).toEqual([]);
    edit(dir, brief, '{{factTable measure="trade."}}', '');
    edit(dir, brief, 'In 2023 trade was {{fact "trade-2023"}}.', 'In 2023 trade was {{fact "trade-2023" historical=true}}.');
    expect(found()).toEqual([]);
  });
});

describe('declared relations', () => {
  const relation = (yaml: string) => edit(dir, 'data/facts.yaml', 'facts:\n', `relations:\n${yaml}\nfacts:\n`);

  it('reports a growth that does not follow from the two values, naming the facts and the difference', () => {
    relation('  - kind: growth\n    growth: growth-2024\n    from: trade-2023\n    to: trade-2024');
    expect(found()).toEqual([
      `check/relation-mismatch data/facts.yaml:2 ${messages['check/relation-mismatch'].text({ relation: '`growth-2024` = change from `trade-2023` to `trade-2024`', stated: '13.5', computed: '51.629', difference: '38.129 percentage points', tolerance: '0 percentage points' })}`,
    ]);
  });

  it('accepts a sum that holds up to rounding, and one within the tolerance', () => {
    edit(dir, 'data/facts.yaml', 'facts:\n', 'facts:\n  - { id: ex, label: Exports, measure: trade.ex, value: 161.9, unit: USD bn, period: 2024, basis: cn-customs, source: gacc }\n  - { id: im, label: Imports, measure: trade.im, value: 98.8, unit: USD bn, period: 2024, basis: cn-customs, source: gacc }\n');
    relation('  - { kind: sum, total: trade-2024, parts: [ex, im] }');
    expect(found()).toEqual([]);
    edit(dir, 'data/facts.yaml', 'value: 98.8', 'value: 97.8');
    expect(found().map((d) => d.split(' ')[0])).toEqual(['check/relation-mismatch']);
    expect(found()[0]).toContain('off by 0.95 USD bn');
    edit(dir, 'data/facts.yaml', 'parts: [ex, im] }', 'parts: [ex, im], tolerance: 1 }');
    expect(found()).toEqual([]);
  });

  it('says it cannot check a relation on a figure with a qualifier ("over US$200 billion")', () => {
    relation('  - { kind: sum, total: vn-2024, parts: [trade-2023, growth-2024] }');
    expect(found()).toEqual([`check/relation-qualified data/facts.yaml:2 ${messages['check/relation-qualified'].text({ relation: '`vn-2024` = `trade-2023` + `growth-2024`', id: 'vn-2024' })}`]);
  });

  it('reports a relation naming an unknown or non-numeric fact at its line', () => {
    relation('  - { kind: sum, total: trade-2024, parts: [trade-2023, nope, route] }');
    expect(found()).toEqual([
      `facts/relation-unknown-fact data/facts.yaml:2 ${messages['facts/relation-unknown-fact'].text({ id: 'nope', role: 'parts' })}`,
      `facts/relation-not-a-number data/facts.yaml:2 ${messages['facts/relation-not-a-number'].text({ id: 'route', role: 'parts' })}`,
    ]);
  });

  it('stops the build before anything is written', async () => {
    relation('  - kind: growth\n    growth: growth-2024\n    from: trade-2023\n    to: trade-2024');
    const outcome = await buildPdf(req());
    expect(outcome.outputs).toEqual([]);
    expect(outcome.diagnostics.map((d) => d.rule)).toContain('check/relation-mismatch');
  });
});

describe('growth claims', () => {
  it('checks a growth figure against the same measure and basis a year earlier', () => {
    edit(dir, 'data/facts.yaml', 'facts:\n', 'facts:\n  - { id: trade-2023-cn, label: Bilateral trade, measure: trade.bilateral.total, value: 229.8, unit: USD bn, period: 2023, basis: cn-customs, source: gacc }\n');
    expect(found()).toEqual([]);
    edit(dir, 'data/facts.yaml', 'value: 229.8', 'value: 200');
    const line = lineOf(dir, brief, 'growth="growth-2024"');
    expect(found()).toEqual([
      `template/claim-mismatch ${brief}:${line} ${messages['template/claim-mismatch'].text({ claim: 'growth `growth-2024` shown with `trade-2024`', detail: '`trade-2023-cn` → `trade-2024` is a change of 30.32%, not 13.5%' })}`,
    ]);
  });

  it('is an error when the growth is declared for another figure', () => {
    edit(dir, 'data/facts.yaml', 'facts:\n', 'relations:\n  - { kind: growth, growth: growth-2024, from: trade-2023, to: vn-2024, tolerance: 100 }\nfacts:\n');
    expect(found().map((d) => d.split(' ')[0])).toContain('template/claim-mismatch');
  });

  it('refuses a change across statistical bases unless marked', () => {
    edit(dir, brief, ' mixedBases=true', '');
    const line = lineOf(dir, brief, '{{change "trade-2023" "trade-2024"}}');
    expect(found()).toEqual([`template/change-across-bases ${brief}:${line} ${messages['template/change-across-bases'].text({ a: 'trade-2023', b: 'trade-2024', basisA: 'basis not stated', basisB: 'China customs' })}`]);
  });
});

describe('the fact annex', () => {
  it('lists every fact the brief uses, in order of first use, with value, period, basis and as-of date', async () => {
    const outcome = await buildPdf(req(), { write: false });
    const tables = outcome.prepared!.document.children.filter((b) => b.type === 'table');
    const annex = tables[tables.length - 1]!;
    const cell = (c: (typeof annex.header)[number]) => c.children.map((n) => (n.type === 'text' ? n.value : n.type === 'citation' ? `[${n.number}]` : '')).join('');
    expect(annex.header.map(cell)).toEqual(['Indicator', 'Value', 'Period', 'Basis', 'As of']);
    expect(annex.rows.map((r) => r.map(cell).join(' | '))).toEqual([
      'Bilateral trade | US$260.65bn[1] | 2024 | China customs | 13 January 2025',
      'Growth of bilateral trade | 13.5%[1] | 2024 | China customs | 13 January 2025',
      'Bilateral trade | over US$200bn[2] | 2024 | Viet Nam statistics | 4 November 2024',
      'Bilateral trade | US$171.9bn[2] | 2023 |  | 4 November 2024',
      'Odd *value* with [brackets] & #hash | *not emphasis* [not a link] #1 & _x_[2] | 2024 |  | 4 November 2024',
      'Railway route | Lào Cai – Hà Nội – Hải Phòng[2] | December 2024 |  | 4 November 2024',
    ]);
  });
});
