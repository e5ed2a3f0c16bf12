// Output names Windows cannot write, and temp files a killed build left.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { removeStaleTemps } from '../../src/util/atomic-write.js';
import { isWindowsReservedName } from '../../src/util/reserved-names.js';
import { makeProject, remove, run, runHere } from '../cli/run-cli.js';

let dir = '';
afterEach(() => remove(dir));

describe('Windows device names', () => {
  it('are recognised in any case, with or without an extension', async () => {
    for (const n of ['CON', 'con', 'Nul', 'nul.pdf', 'COM1', 'com9.tar.gz', 'LPT3', 'aux', 'PRN.', 'conin$']) expect(isWindowsReservedName(n), n).toBe(true);
    for (const n of ['console', 'con-brief', 'com10', 'nullify', 'mini', 'lpt', 'xcon']) expect(isWindowsReservedName(n), n).toBe(false);
  });

  it('`name:` in briefdeck.yaml may not be one', async () => {
    dir = makeProject(['mini'], 'documents:\n  - template: brief\n    data: data/mini\n    name: NUL\n');
    const r = await runHere(dir, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`briefdeck.yaml:4:11 error ${messages['project/reserved-name'].text({ name: 'NUL', what: 'output name' })}`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('`name:` with an extension is refused too', async () => {
    dir = makeProject(['mini'], 'documents:\n  - template: brief\n    data: data/mini\n    name: com1.final\n');
    const r = await runHere(dir, 'validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(messages['project/reserved-name'].text({ name: 'com1.final', what: 'output name' }));
  });

  it('a dataset id may not be one', async () => {
    dir = makeProject(['mini']);
    const meta = path.join(dir, 'data/mini/dataset.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('id: mini', 'id: con'));
    const r = await runHere(dir, 'validate', '--data', 'data/mini', '--template', 'brief');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`data/mini/dataset.yaml:1:5 error ${messages['project/reserved-name'].text({ name: 'con', what: 'dataset id' })}`);
  });

  it('`briefdeck new data` refuses one', async () => {
    dir = makeProject([]);
    const r = await runHere(dir, 'new', 'data', 'aux');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(messages['project/reserved-name'].text({ name: 'aux', what: 'dataset id' }));
    expect(existsSync(path.join(dir, 'data', 'aux'))).toBe(false);
  });
});

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('temp files of a killed build', () => {
  it('are removed by the next build, even one that fails; a live process’s and other files stay', () => {
    dir = makeProject(['mini']);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const stale = `.mini-brief.pdf.${deadPid()}.tmp`;
    const live = `.mini-deck.pptx.${process.pid}.tmp`;
    const others = ['notes.tmp', '.x.pdf.abc.tmp', 'mini-brief.pdf.123.tmp'];
    for (const f of [stale, live, ...others]) writeFileSync(path.join(out, f), 'x');
    // Broken template: nothing is written, the sweep happens anyway.
    writeFileSync(path.join(dir, 'templates/brief/document.md.hbs'), '{{#if}}');
    const r = run(dir, 'build', '--data', 'data/mini', '--template', 'brief');
    expect(r.code).toBe(1);
    expect(existsSync(path.join(out, stale))).toBe(false);
    expect(existsSync(path.join(out, live))).toBe(true);
    for (const f of others) expect(existsSync(path.join(out, f)), f).toBe(true);
  });

  it('removeStaleTemps names what it removed', () => {
    dir = makeProject([]);
    const stale = `.a.json.${deadPid()}.tmp`;
    writeFileSync(path.join(dir, stale), '');
    expect(removeStaleTemps(dir)).toEqual([stale]);
    expect(removeStaleTemps(path.join(dir, 'missing'))).toEqual([]);
  });
});
