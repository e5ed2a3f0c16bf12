import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictDiagnostics, findConflicts } from '../../src/check/conflicts.js';
import { findTypedNumbers } from '../../src/check/typed-numbers.js';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { runHere } from '../cli/run-cli.js';
import { fixtures, root } from '../helpers.js';

describe('conflicting figures', () => {
  it('finds numeric facts with one measure and period but different values', () => {
    const ds = loadDataset(path.join(fixtures, 'mini', 'data')).value!;
    const conflicts = findConflicts(ds);
    expect(conflicts.map((c) => [c.measure, c.period, c.facts.map((f) => f.id)])).toEqual([['trade.bilateral.total', '2024', ['trade-2024', 'vn-2024']]]);
    expect(conflictDiagnostics(ds)[0]!.message).toContain("US$260.65 billion (`trade-2024`, China customs, General Administration of Customs); over US$200 billion (`vn-2024`, Viet Nam statistics, Viet Nam News)");
  });

  it('lists the real conflicts of the bundled dataset, and no list of railway lines', () => {
    const ds = loadDataset(path.join(root, 'data', 'vietnam-china')).value!;
    expect(findConflicts(ds).map((c) => `${c.measure} ${c.period} ${c.facts.length}`)).toEqual(['trade.bilateral.total 2024 4']);
  });
});

describe('numbers typed by hand', () => {
  const check = (text: string) => findTypedNumbers({ name: 't', file: 't.md.hbs', text }).map((d) => `${d.position.line}:${d.position.column} ${d.message}`);

  it('reports a figure in prose with file, line and column', () => {
    expect(check('# Trade\n\nTrade reached 260 billion in 2024, up 13.5% on the year.')).toEqual([
      `3:15 ${messages['check/typed-number'].text({ text: '260 billion' })}`,
      `3:39 ${messages['check/typed-number'].text({ text: '13.5%' })}`,
    ]);
  });

  it('leaves alone years, dates, list numbers, expressions, attributes, front matter and literals', () => {
    expect(
      check('---\ntitle: Top 30 by 2045\n---\n1. In December 2024 and on 17 September\n{{fact "x" decimals=2}} {{literal "some 40 agreements"}}\n::chart{spec="a" width=300}\nThe 75th anniversary'),
    ).toEqual([]);
  });
});

describe('briefdeck check', () => {
  it('prints a report grouped by severity, or JSON, and exits 0 when there are no errors', async () => {
    const run = (...args: string[]) => runHere(root, 'check', '--template', 'brief', '--data', 'data/vietnam-china', ...args);
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Errors \(0\)\nWarnings \(\d+\)\n[\s\S]*Information \(1\)\n {2}data\/vietnam-china\/facts\.yaml:\d+:\d+ info conflicting figures for `trade\.bilateral\.total` \(2024\)/m);
    const json = JSON.parse((await run('--json')).stdout) as { rule: string }[];
    expect(json.map((d) => d.rule)).toContain('check/conflict');
  });
});

describe('numbers typed by hand: not figures (issue 9)', () => {
  const check = (text: string) => findTypedNumbers({ name: 't', file: 't.md.hbs', text }).map((d) => `${d.position.line}:${d.position.column} ${d.message}`);

  it('ignores Handlebars comments, on one line or several, with `}}` inside', () => {
    expect(check('Intro {{! was 260 billion }} text\n{{!-- old: 13.5% and {{fact "x"}} 42\n  more 17 --}}\nEnd')).toEqual([]);
  });

  it('ignores footnote and list marks, heading numbers, labels, ranks, times and link targets', () => {
    expect(
      check(
        '## Exports (1)\n## 2.1 Imports\nSee note [^3] and Table 2, No. 1 partner, ranked #2, top 5.\n- (1) first\nAt 10:45 see [the report](https://example.org/r/123).\nĐối tác thứ 2, hạng 3, bảng 4.',
      ),
    ).toEqual([]);
  });

  it('still reports a figure at the start of a bullet or a heading', () => {
    expect(check('- 40 agreements were signed\n## 12.5 billion in trade').map((x) => x.split(' ')[0])).toEqual(['1:3', '2:4']);
  });

  it('still reports a figure beside them', () => {
    expect(check('## Exports (1)\n{{! note }}Exports rose 12% to 40 billion.')).toEqual([
      `2:25 ${messages['check/typed-number'].text({ text: '12%' })}`,
      `2:32 ${messages['check/typed-number'].text({ text: '40 billion' })}`,
    ]);
  });
});
