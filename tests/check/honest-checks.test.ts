// Issue 9: a growth figure must be the growth of the value it stands beside;
// the stale-data rule applies to quantities and to text facts marked current.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/build.js';
import { copyFixture, edit, lineOf } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = copyFixture('mini');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const req = () => ({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });
const brief = 'templates/brief/document.md.hbs';
const facts = 'data/facts.yaml';
const diags = (rule: string) => checkDocument(req()).diagnostics.filter((d) => d.rule === rule);
const say = (text: string) => edit(dir, brief, 'Value with markup:', `${text}\n\nValue with markup:`);

const portGrowth = `  - id: port-growth-2024
    label: Growth of port throughput
    measure: port.throughput.growth
    value: 14.2
    unit: "%"
    period: 2024
    basis: cn-customs
    source: gacc
`;

describe('a growth figure beside a value of another measure', () => {
  it('is an error naming both measures', () => {
    edit(dir, facts, '  - id: route\n', `${portGrowth}  - id: route\n`);
    edit(dir, brief, 'growth="growth-2024"', 'growth="port-growth-2024"');
    const d = diags('template/claim-mismatch');
    expect(d).toHaveLength(1);
    expect(d[0]!.position.line).toBe(lineOf(dir, brief, 'port-growth-2024'));
    expect(d[0]!.message).toContain('`port.throughput.growth`');
    expect(d[0]!.message).toContain('`trade.bilateral.total`');
    expect(d[0]!.hint).toContain('growthOf: trade.bilateral.total');
  });

  it('passes when the fact says `growthOf:` the figure\'s measure, or a relation declares it', () => {
    edit(dir, facts, '  - id: route\n', `${portGrowth}    growthOf: trade.bilateral.total\n  - id: route\n`);
    edit(dir, facts, 'value: 14.2', 'value: 51.6');
    edit(dir, brief, 'growth="growth-2024"', 'growth="port-growth-2024"');
    expect(diags('template/claim-mismatch')).toEqual([]);
  });

  it('passes for the growth measure beside the figure\'s (`trade.bilateral.growth` with `trade.bilateral.total`)', () => {
    expect(diags('template/claim-mismatch')).toEqual([]);
  });
});

describe('stale data', () => {
  it('does not warn on a text fact that records an event, but does on one marked `current: true`', () => {
    edit(dir, brief, 'author: Test unit', 'author: Test unit\nstaleAfter: 2 months');
    say('The line runs {{fact "route"}}.');
    const line = lineOf(dir, brief, 'The line runs');
    const stale = () => diags('check/stale-fact').filter((d) => d.position.line === line);
    expect(stale()).toEqual([]);
    edit(dir, facts, '    value: Lào Cai – Hà Nội – Hải Phòng\n', '    value: Lào Cai – Hà Nội – Hải Phòng\n    current: true\n');
    expect(stale().map((d) => d.message)).toEqual([expect.stringContaining('`route`')]);
  });

  it('still warns on an old quantity', () => {
    edit(dir, brief, 'author: Test unit', 'author: Test unit\nstaleAfter: 2 months');
    expect(diags('check/stale-fact').map((d) => d.message)).toContainEqual(expect.stringContaining('`trade-2024`'));
  });
});
