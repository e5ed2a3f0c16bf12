// Issue 10: nothing outside the project root is read or written. A project
// is hostile input (someone sends you a folder and you build it): a path in
// one of its files, or a symlink in it, must not reach a file outside it.
// Each case builds with the bundled CLI and checks the exit code, the rule,
// the position (the file that named the path), that the message names the
// path, and that nothing outside was shown or written.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/build.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { runHere } from '../cli/run-cli.js';
import { edit, fixtures, lineOf } from '../helpers.js';

const secret = 'SECRET-OUTSIDE-7431';
const bothDocuments = 'documents:\n  - template: brief\n    data: data\n  - template: deck\n    data: data\n    format: pptx\n';

let base: string;

/** `<base>/project` (the mini fixture with a briefdeck.yaml listing its brief and deck) and `<base>/outside/`, which the project must not reach. */
function hostile(projectYaml = bothDocuments): { project: string; outside: string } {
  base = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-hostile-'));
  const project = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  cpSync(path.join(fixtures, 'mini'), project, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
  writeFileSync(path.join(project, 'briefdeck.yaml'), projectYaml);
  mkdirSync(outside);
  return { project, outside };
}

afterEach(() => rmSync(base, { recursive: true, force: true }));

/** The build failed as a whole: exit 1, the rule in the output, no document written anywhere, the outside file's content never shown. */
function refused(r: Awaited<ReturnType<typeof runHere>>, project: string): void {
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('[io/outside-project]');
  expect(r.stderr).toMatch(/outside the project folder/);
  expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
  expect(existsSync(path.join(project, 'out', 'mini-brief.pdf'))).toBe(false);
}

describe('files read from outside the project are refused', () => {
  it('a partial that is a symlink out of the project: at its {{> partial}} line, and its text is not printed', async () => {
    const { project, outside } = hostile('documents:\n  - template: brief\n    data: data\n');
    writeFileSync(path.join(outside, 'signoff.md.hbs'), `Leaked: ${secret}\n`);
    rmSync(path.join(project, 'templates', 'partials', 'signoff.md.hbs'));
    symlinkSync(path.join(outside, 'signoff.md.hbs'), path.join(project, 'templates', 'partials', 'signoff.md.hbs'));
    const r = await runHere(project, 'build');
    refused(r, project);
    expect(r.stderr).toContain(`templates/brief/document.md.hbs:${lineOf(project, 'templates/brief/document.md.hbs', '{{> signoff}}')}:1 error partial \`partials/signoff.md.hbs\` resolves to ${path.join(outside, 'signoff.md.hbs')}`);
  });

  it('a series file `../../outside.csv` in series.yaml: at the series.yaml line', async () => {
    const { project } = hostile();
    writeFileSync(path.join(base, 'outside.csv'), `period,value,source,basis\n2023,${secret.length},vns,\n`);
    edit(project, 'data/series.yaml', 'file: series/trade.csv', 'file: ../../outside.csv');
    const r = await runHere(project, 'build');
    refused(r, project);
    expect(r.stderr).toContain(`data/series.yaml:${lineOf(project, 'data/series.yaml', 'file:')}:11 error series file \`../../outside.csv\` resolves to ${path.join(base, 'outside.csv')}`);
    expect(existsSync(path.join(project, 'out', 'mini-deck.pptx'))).toBe(false);
    // `validate` reads the same way.
    expect((await runHere(project, 'validate')).stderr).toContain('[io/outside-project]');
  });

  it('a series CSV that is a symlink out of the project: at the series.yaml line naming it', async () => {
    const { project, outside } = hostile();
    const csv = path.join(project, 'data', 'series', 'trade.csv');
    cpSync(csv, path.join(outside, 'trade.csv'));
    rmSync(csv);
    symlinkSync(path.join(outside, 'trade.csv'), csv);
    const r = await runHere(project, 'build');
    refused(r, project);
    expect(r.stderr).toContain(`data/series.yaml:${lineOf(project, 'data/series.yaml', 'file:')}:11 error series file \`series/trade.csv\` resolves to ${path.join(outside, 'trade.csv')}`);
  });

  it('a series CSV reached through a symlinked folder, from the library with the project as root', async () => {
    const { project, outside } = hostile();
    cpSync(path.join(project, 'data', 'series'), path.join(outside, 'series'), { recursive: true });
    rmSync(path.join(project, 'data', 'series'), { recursive: true });
    symlinkSync(path.join(outside, 'series'), path.join(project, 'data', 'series'));
    const d = loadDataset(path.join(project, 'data'), { root: project }).diagnostics;
    expect(d.map((x) => x.rule)).toEqual(['io/outside-project']);
    expect(d[0]!.position).toEqual({ file: path.join(project, 'data', 'series.yaml'), line: lineOf(project, 'data/series.yaml', 'file:'), column: 11 });
  });

  it('a chart spec that is a symlink out of the project: at the ::chart directive', async () => {
    const { project, outside } = hostile();
    const spec = path.join(project, 'templates', 'charts', 'trade.vl.json');
    cpSync(spec, path.join(outside, 'trade.vl.json'));
    rmSync(spec);
    symlinkSync(path.join(outside, 'trade.vl.json'), spec);
    const r = await runHere(project, 'build');
    refused(r, project);
    expect(r.stderr).toContain(`templates/brief/document.md.hbs:${lineOf(project, 'templates/brief/document.md.hbs', '::chart')}:1 error chart spec \`charts/trade.vl.json\` resolves to ${path.join(outside, 'trade.vl.json')}`);
    expect(r.stderr).toContain(`templates/deck/document.md.hbs:${lineOf(project, 'templates/deck/document.md.hbs', '::chart')}:1 error chart spec`);
  });

  it('the library default root (templates and data under one folder) refuses the same partial', async () => {
    const { project, outside } = hostile();
    writeFileSync(path.join(outside, 'signoff.md.hbs'), `Leaked: ${secret}\n`);
    rmSync(path.join(project, 'templates', 'partials', 'signoff.md.hbs'));
    symlinkSync(path.join(outside, 'signoff.md.hbs'), path.join(project, 'templates', 'partials', 'signoff.md.hbs'));
    const r = prepareDocument({ templatesDir: path.join(project, 'templates'), template: 'brief', dataDir: path.join(project, 'data'), outDir: path.join(project, 'out') });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['io/outside-project']);
    expect(r.diagnostics[0]!.position).toEqual({ file: path.join(project, 'templates', 'brief', 'document.md.hbs'), line: lineOf(project, 'templates/brief/document.md.hbs', '{{> signoff}}'), column: 1 });
  });

  it('a template folder that is a symlink out of the project', async () => {
    const { project, outside } = hostile();
    cpSync(path.join(project, 'templates', 'brief'), path.join(outside, 'evil'), { recursive: true });
    symlinkSync(path.join(outside, 'evil'), path.join(project, 'templates', 'evil'));
    const r = await runHere(project, 'build', '--data', 'data', '--template', 'evil');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[io/outside-project]');
    expect(r.stderr).toContain(`template \`evil/document.md.hbs\` resolves to ${path.join(outside, 'evil', 'document.md.hbs')}`);
    expect(readdirSync(project)).not.toContain('out');
  });

  it('`new template --from` a template folder that is a symlink out of the project: nothing copied', async () => {
    const { project, outside } = hostile();
    cpSync(path.join(project, 'templates', 'brief'), path.join(outside, 'evil'), { recursive: true });
    symlinkSync(path.join(outside, 'evil'), path.join(project, 'templates', 'evil'));
    const r = await runHere(project, 'new', 'template', 'mine', '--from', 'evil');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`template folder \`evil\` resolves to ${path.join(outside, 'evil')}`);
    expect(existsSync(path.join(project, 'templates', 'mine'))).toBe(false);
  });

  it('`--template ../../x` is not a template name: nothing outside is read, not even for its front matter', async () => {
    const { project } = hostile();
    // A front matter that would be reported (with its file) if it were read.
    mkdirSync(path.join(base, 'x'));
    writeFileSync(path.join(base, 'x', 'document.md.hbs'), `---\ntitle: ${secret}\nformat: docx\n---\n${secret}\n`);
    const r = await runHere(project, 'build', '--data', 'data', '--template', '../../x');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('template `../../x` not found');
    expect(r.stderr).toContain('[template/unknown-template]');
    expect(r.stderr).not.toContain('document/bad-format');
    expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
  });

  it('briefdeck.yaml that is a symlink out of the project', async () => {
    const { project, outside } = hostile();
    writeFileSync(path.join(outside, 'briefdeck.yaml'), bothDocuments);
    rmSync(path.join(project, 'briefdeck.yaml'));
    symlinkSync(path.join(outside, 'briefdeck.yaml'), path.join(project, 'briefdeck.yaml'));
    const r = await runHere(project, 'build');
    refused(r, project);
    expect(r.stderr).toContain(`project file \`briefdeck.yaml\` resolves to ${path.join(outside, 'briefdeck.yaml')}`);
  });

  it('a dataset folder outside the project, named in briefdeck.yaml', async () => {
    const { project, outside } = hostile('documents:\n  - template: brief\n    data: ../outside/data\n');
    cpSync(path.join(project, 'data'), path.join(outside, 'data'), { recursive: true });
    const r = await runHere(project, 'build');
    refused(r, project);
    expect(r.stderr).toContain(`resolves to ${path.join(outside, 'data', 'dataset.yaml')}`);
  });
});

describe('outputs are written only inside the project, unless --out says otherwise', () => {
  it('out/ that is a symlink to a folder outside: exit 1, nothing written there, the message names the folder, at briefdeck.yaml', async () => {
    const { project, outside } = hostile();
    symlinkSync(outside, path.join(project, 'out'));
    const r = await runHere(project, 'build');
    expect(r.code).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
    expect(r.stderr).toContain('[io/outside-project]');
    expect(r.stderr).toContain(`briefdeck.yaml:1:1 error output folder \`out\` resolves to ${outside}, which is outside the project folder`);
    expect(r.stderr).toContain('--out DIR');
    expect(r.stderr).toMatch(/built 0 of 2 documents/);
  });

  it('`out:` in briefdeck.yaml pointing outside: at its line', async () => {
    const { project, outside } = hostile(`out: ../outside\n${bothDocuments}`);
    const r = await runHere(project, 'build');
    expect(r.code).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
    expect(r.stderr).toContain(`briefdeck.yaml:1:6 error output folder \`../outside\` resolves to ${outside}`);
  });

  it('an explicit --out outside the project is the user\'s choice and is written', async () => {
    const { project, outside } = hostile();
    symlinkSync(outside, path.join(project, 'out'));
    const elsewhere = path.join(base, 'elsewhere');
    const r = await runHere(project, 'build', '--out', elsewhere);
    expect(r.stderr).not.toMatch(/ error /);
    expect(r.code).toBe(0);
    expect(readdirSync(elsewhere).sort()).toEqual(['mini-brief.pdf', 'mini-deck.pptx']);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('an explicit --project is the user\'s choice too, and the standard templates (briefdeck\'s own, outside the project) are trusted', async () => {
    const { project } = hostile('documents:\n  - template: standard-brief\n    data: data\n');
    const r = await runHere(os.tmpdir(), 'build', '--project', project, '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(project, 'out', 'mini-standard-brief.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
