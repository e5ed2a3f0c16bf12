// Issue 10: every file is size-checked before it is read (a 2 GB "CSV" must
// not exhaust memory), and a path that names a folder, nothing, or a file
// that cannot be read gets a message that names it, from the one reader
// every loader uses (src/util/project-files.ts).
import { cpSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { maxCsvBytes, maxTextBytes, readProjectFile } from '../../src/util/project-files.js';
import { run } from '../cli/run-cli.js';
import { edit, fixtures, lineOf } from '../helpers.js';

let project: string;

function mini(): string {
  project = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-limits-'));
  cpSync(path.join(fixtures, 'mini'), project, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
  return project;
}

afterEach(() => rmSync(project, { recursive: true, force: true }));

const seriesLine = () => ({ file: path.join(project, 'data', 'series.yaml'), line: lineOf(project, 'data/series.yaml', 'file:'), column: 11 });

describe('oversized files are refused before they are read', () => {
  it('a series CSV over the limit: io/too-big at the series.yaml line, with the sizes', () => {
    mini();
    // A sparse file: its size is over the limit without writing 20 MB.
    truncateSync(path.join(project, 'data', 'series', 'trade.csv'), maxCsvBytes + 1);
    const d = loadDataset(path.join(project, 'data'), { root: project }).diagnostics;
    expect(d.map((x) => x.rule)).toEqual(['io/too-big']);
    expect(d[0]!.position).toEqual(seriesLine());
    expect(d[0]!.message).toBe(messages['io/too-big'].text({ what: 'series file', path: 'series/trade.csv', bytes: maxCsvBytes + 1, limit: maxCsvBytes }));
    expect(d[0]!.message).toContain('20.0 MiB');
  });

  it('a YAML file over the limit, through the CLI: exit 1 and nothing built', () => {
    mini();
    writeFileSync(path.join(project, 'briefdeck.yaml'), 'documents:\n  - template: brief\n    data: data\n');
    const sources = path.join(project, 'data', 'sources.yaml');
    truncateSync(sources, maxTextBytes + 1);
    const r = run(project, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/sources.yaml:1:1 error source list `sources.yaml` is 2.0 MiB, more than the limit of 2.0 MiB');
    expect(r.stderr).toContain('[io/too-big]');
  });

  it('a template partial over the limit, at its {{> partial}} line', () => {
    mini();
    truncateSync(path.join(project, 'templates', 'partials', 'signoff.md.hbs'), maxTextBytes + 1);
    const r = prepareDocument({ templatesDir: path.join(project, 'templates'), template: 'brief', dataDir: path.join(project, 'data'), outDir: path.join(project, 'out') });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['io/too-big']);
    expect(r.diagnostics[0]!.position.line).toBe(lineOf(project, 'templates/brief/document.md.hbs', '{{> signoff}}'));
  });
});

describe('paths that do not name a readable file', () => {
  it('a series file that is a folder: io/not-a-file at the series.yaml line', () => {
    mini();
    edit(project, 'data/series.yaml', 'file: series/trade.csv', 'file: series');
    const d = loadDataset(path.join(project, 'data'), { root: project }).diagnostics;
    expect(d.map((x) => x.rule)).toEqual(['io/not-a-file']);
    expect(d[0]!.position).toEqual(seriesLine());
  });

  it('a missing series file: named, at the series.yaml line', () => {
    mini();
    edit(project, 'data/series.yaml', 'file: series/trade.csv', 'file: series/nope.csv');
    const d = loadDataset(path.join(project, 'data'), { root: project }).diagnostics;
    expect(d.map((x) => x.rule)).toEqual(['project/missing-file']);
    expect(d[0]!.message).toBe('series file `series/nope.csv` not found');
    expect(d[0]!.position).toEqual(seriesLine());
  });

  it.skipIf(process.getuid?.() === 0)('a file that may not be read: io/permission-denied', async () => {
    mini();
    const { chmodSync } = await import('node:fs');
    const file = path.join(project, 'data', 'facts.yaml');
    chmodSync(file, 0o000);
    const r = readProjectFile(file, { root: project, maxBytes: maxTextBytes, what: 'fact list' });
    expect('rule' in r && r.rule).toBe('io/permission-denied');
  });

  it('the reader itself: inside, outside through `..`, and a trusted folder', () => {
    mini();
    mkdirSync(path.join(project, 'in'));
    writeFileSync(path.join(project, 'in', 'a.txt'), 'a');
    const opts = { root: path.join(project, 'in'), maxBytes: 10, what: 'file' };
    expect(readProjectFile(path.join(project, 'in', 'a.txt'), opts)).toEqual({ text: 'a' });
    const out = readProjectFile(path.join(project, 'in', '..', 'data', 'facts.yaml'), opts);
    expect('rule' in out && out.rule).toBe('io/outside-project');
    expect(readProjectFile(path.join(project, 'data', 'dataset.yaml'), { ...opts, maxBytes: maxTextBytes, trusted: [path.join(project, 'data')] })).toHaveProperty('text');
  });
});
