// `briefdeck watch` without a browser: the loopback server's refusals, the
// rebuild of what a save touches, errors kept beside the last good output,
// coalesced saves, and a clean stop.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDrawnWaitMs, editorDetected, startWatch, type Watching } from '../../src/watch/run-watch.js';
import { loopbackHost, suspiciousPath } from '../../src/watch/preview-server.js';
import { cli, run } from '../cli/run-cli.js';
import { fixtures } from '../helpers.js';
import { exampleProject, rawGet, save, standardProject } from './watch-project.js';

type State = { docs: { key: string; label: string; format: string; version: number; output?: string; errors: { shown: string; line: number; column: number; message: string }[]; problems: unknown[]; map: unknown[]; facts: Record<string, { printed: string; source?: { publisher: string } }> }[] };

describe('briefdeck watch on a dataset of another topic (invented figures, standard templates)', () => {
  let dir: string;
  let w: Watching;
  let port: number;
  const state = async () => JSON.parse((await rawGet(port, '/api/state')).body) as State;
  const facts = () => path.join(dir, 'data', 'chile-korea', 'facts.yaml');

  beforeAll(async () => {
    dir = standardProject();
    w = await startWatch({ root: dir, plan: { data: path.join(dir, 'data', 'chile-korea') } });
    port = w.server.port;
  });
  afterAll(async () => {
    await w.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the brief and the deck and serves them on 127.0.0.1', async () => {
    expect(w.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const s = await state();
    expect(s.docs.map((d) => [d.format, d.version, d.errors.length])).toEqual([
      ['pdf', 1, 0],
      ['pptx', 1, 0],
    ]);
    const pdf = await rawGet(port, `/doc/${s.docs[0]!.key}/1.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    const slides = JSON.parse((await rawGet(port, `/doc/${s.docs[1]!.key}/1.slides.json`)).body) as string[];
    expect(slides.length).toBeGreaterThan(3);
    expect(slides.join('')).toContain('Chile–Korea trade and investment');
    expect(slides.join('')).toMatch(/data-facts="trade-total-2024-kr"[^>]*>US\$11\.2 billion</);
    expect((await rawGet(port, '/')).body).toContain('briefdeck preview');
    // The map beside the PDF, and the source of a cited number.
    expect(existsSync(path.join(dir, 'out', 'chile-korea-standard-brief.pdf.map.json'))).toBe(true);
    expect(s.docs[0]!.map.length).toBeGreaterThan(5);
    expect(s.docs[0]!.facts['lithium-exports-2024']?.source?.publisher).toBeTruthy();
  });

  it('refuses path traversal (plain, encoded, absolute) with 404', async () => {
    for (const p of ['/../package.json', '/assets/../package.json', '/%2e%2e/package.json', '/assets/%2E%2E/%2e%2e/package.json', '/.%2e/package.json', '//etc/passwd', '/assets/..%5c..%5cpackage.json', '/assets/%2fetc%2fpasswd', '/etc/passwd', '/src/watch/preview-server.ts', '/doc/d0/1.pdf/../../x']) {
      const r = await rawGet(port, p);
      expect([p, r.status]).toEqual([p, 404]);
    }
    expect(suspiciousPath('/%2e%2e/x')).toBe(true);
    expect(suspiciousPath('/assets/preview.js')).toBe(false);
  });

  it('refuses a Host that is not the loopback (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost.evil:${port}`, `127.0.0.1:${port + 1}`]) {
      expect([host, (await rawGet(port, '/', host)).status]).toEqual([host, 403]);
    }
    expect((await rawGet(port, '/', `localhost:${port}`)).status).toBe(200);
    expect(loopbackHost(`[::1]:${port}`, port)).toBe(true);
  });

  it('a saved fact rebuilds both documents with the new value', async () => {
    save(facts(), 'value: 1.35', 'value: 1.47');
    await w.idle(facts());
    const s = await state();
    expect(s.docs.map((d) => d.version)).toEqual([2, 2]);
    expect(s.docs[0]!.facts['lithium-exports-2024']?.printed).toBe('US$1.47 billion');
    const slides = JSON.parse((await rawGet(port, `/doc/${s.docs[1]!.key}/2.slides.json`)).body) as string[];
    expect(slides.join('')).toContain('1.47');
    // Only the current output is served.
    expect((await rawGet(port, `/doc/${s.docs[0]!.key}/1.pdf`)).status).toBe(404);
  });

  it('a broken save keeps the last good output and reports file:line; fixing it clears the errors', async () => {
    save(facts(), 'value: 1.47', 'value: [1.47');
    await w.idle(facts());
    let s = await state();
    expect(s.docs[0]!.version).toBe(2);
    const e = s.docs[0]!.errors.find((x) => x.shown === path.join('data', 'chile-korea', 'facts.yaml'));
    expect(e?.line).toBeGreaterThan(1);
    expect((await rawGet(port, `/doc/${s.docs[0]!.key}/2.pdf`)).status).toBe(200);
    save(facts(), 'value: [1.47', 'value: 1.47');
    await w.idle(facts());
    s = await state();
    expect(s.docs.map((d) => [d.version, d.errors.length])).toEqual([
      [3, 0],
      [3, 0],
    ]);
  });

  it('builds the document a page shows first, and sends its new output along with the event', async () => {
    const deck = (await state()).docs[1]!;
    const stream = (query: string) => {
      let text = '';
      const req = http.get({ host: '127.0.0.1', port, path: `/events${query}` }, (res) => res.setEncoding('utf8').on('data', (c: string) => (text += c)));
      return { text: () => text, close: () => req.destroy() };
    };
    const deckPage = stream(`?doc=${deck.key}`);
    await new Promise((r) => setTimeout(r, 100));
    const order: string[] = [];
    const build = w.session.build.bind(w.session);
    w.session.build = async (d, onPreview) => {
      order.push(d.job.format);
      return build(d, onPreview);
    };
    try {
      save(facts(), 'value: 1.47', 'value: 1.49');
      await w.idle(facts());
    } finally {
      w.session.build = build;
      deckPage.close();
    }
    expect(order).toEqual(['pptx', 'pdf']);
    const events = (text: string) => text.split('\n\n').filter((e) => e.startsWith('event: ')).map((e) => ({ name: /^event: (\w+)/.exec(e)![1], data: JSON.parse(e.slice(e.indexOf('data: ') + 6)) as { key: string; version: number; slides?: string[]; pdf?: string; keys?: string[] } }));
    const deckEvents = events(deckPage.text());
    const pushed = deckEvents.find((e) => e.name === 'output');
    expect(pushed?.data).toMatchObject({ key: deck.key, version: deck.version + 1 });
    expect(pushed?.data.slides?.join('')).toContain('1.49');
    // The output comes before the update that draws it, and only the shown document's.
    expect(deckEvents.findIndex((e) => e.name === 'output')).toBeLessThan(deckEvents.findIndex((e) => e.name === 'update' && e.data.keys?.includes(deck.key)));
    // Once per version: the deck's slides are shown before its .pptx is written, and not sent again after.
    const outputs = deckEvents.filter((e) => e.name === 'output').map((e) => `${e.data.key}:${e.data.version}`);
    expect(outputs.every((o) => o.startsWith(`${deck.key}:`))).toBe(true);
    expect(new Set(outputs).size).toBe(outputs.length);
    // A page that names no document shows the first: the brief's PDF comes to it.
    const firstPage = stream('');
    await new Promise((r) => setTimeout(r, 100));
    save(facts(), 'value: 1.49', 'value: 1.50');
    await w.idle(facts());
    firstPage.close();
    const pdf = events(firstPage.text()).find((e) => e.name === 'output')?.data.pdf;
    expect(Buffer.from(pdf ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('builds what no page shows once the pages have drawn what they show, or when the wait runs out', async () => {
    const deck = (await state()).docs[1]!;
    let text = '';
    const req = http.get({ host: '127.0.0.1', port, path: `/events?doc=${deck.key}` }, (res) => res.setEncoding('utf8').on('data', (c: string) => (text += c)));
    await new Promise((r) => setTimeout(r, 100));
    const started: Record<string, number> = {};
    const build = w.session.build.bind(w.session);
    w.session.build = async (d, onPreview) => {
      started[d.job.format] = performance.now();
      return build(d, onPreview);
    };
    const deckShown = async (version: number) => {
      while (!text.includes(`"key":"${deck.key}","version":${version}`)) await new Promise((r) => setTimeout(r, 5));
      return performance.now();
    };
    // A wait much longer than the default, so that on a loaded machine "built on the note" and "built when the wait ran out" stay apart.
    w.drawnWaitMs = 1500;
    try {
      // The page says it drew the deck: the brief is built then, not when the wait runs out.
      save(facts(), 'value: 1.50', 'value: 1.51');
      await deckShown(deck.version + 1);
      await new Promise((r) => setTimeout(r, 60));
      expect(started['pdf']).toBeUndefined();
      // Not from another site's page (its Origin): refused, and nothing moves.
      expect((await rawGet(port, `/api/drawn/${deck.key}/${deck.version + 1}`, `127.0.0.1:${port}`, 'POST', { origin: 'http://evil.example' })).status).toBe(403);
      // Nor a version not built yet.
      expect((await rawGet(port, `/api/drawn/${deck.key}/${deck.version + 50}`, `127.0.0.1:${port}`, 'POST', { origin: `http://127.0.0.1:${port}` })).status).toBe(204);
      await new Promise((r) => setTimeout(r, 20));
      expect(started['pdf']).toBeUndefined();
      const posted = performance.now();
      expect((await rawGet(port, `/api/drawn/${deck.key}/${deck.version + 1}`, `127.0.0.1:${port}`, 'POST', { origin: `http://127.0.0.1:${port}` })).status).toBe(204);
      await w.idle();
      expect(started['pdf']).toBeGreaterThanOrEqual(posted);
      expect(started['pdf']! - posted).toBeLessThan(750);
      // A page that never says so (a background tab): the brief waits, but no longer than that.
      save(facts(), 'value: 1.51', 'value: 1.52');
      const shownAgain = await deckShown(deck.version + 2);
      await w.idle();
      expect(started['pdf']! - shownAgain).toBeGreaterThan(1400);
      expect(started['pdf']! - shownAgain).toBeLessThan(3000);
    } finally {
      w.session.build = build;
      w.drawnWaitMs = defaultDrawnWaitMs;
      req.destroy();
      // As the next test expects it, whatever failed above.
      writeFileSync(facts(), readFileSync(facts(), 'utf8').replace(/value: 1\.5[0-2]\b/, 'value: 1.50'));
      await w.idle(facts());
    }
    const s = await state();
    expect(s.docs.map((d) => d.errors.length)).toEqual([0, 0]);
  });

  it('says so when the map beside the PDF cannot be written, until it can', async () => {
    const brief = (await state()).docs[0]!;
    const map = path.join(dir, `${brief.output}.map.json`);
    rmSync(map, { force: true });
    // A folder where the file goes: the write fails.
    mkdirSync(map);
    const failed = (s: State) => s.docs[0]!.problems.filter((p) => (p as { rule: string }).rule === 'io/write-failed').length;
    try {
      save(facts(), 'value: 1.50', 'value: 1.53');
      await w.idle(facts());
      await new Promise((r) => setTimeout(r, 20));
      expect(failed(await state())).toBe(1);
      // Another build keeps it (its own write fails too), once.
      save(facts(), 'value: 1.53', 'value: 1.54');
      await w.idle(facts());
      await new Promise((r) => setTimeout(r, 20));
      expect(failed(await state())).toBe(1);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
    save(facts(), 'value: 1.54', 'value: 1.50');
    await w.idle(facts());
    await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(map)).toBe(true);
    expect(failed(await state())).toBe(0);
  });

  it('saves faster than builds are built once, in their latest state', async () => {
    let builds = 0;
    const build = w.session.build.bind(w.session);
    w.session.build = async (d) => {
      builds++;
      return build(d);
    };
    for (let i = 0; i < 6; i++) {
      if (i) await new Promise((r) => setTimeout(r, 15));
      save(facts(), `value: ${(1.5 + i / 100).toFixed(2)}`, `value: ${(1.51 + i / 100).toFixed(2)}`);
    }
    await w.idle(facts());
    w.session.build = build;
    const s = await state();
    expect(s.docs[0]!.facts['lithium-exports-2024']?.printed).toBe('US$1.56 billion');
    expect(builds).toBeLessThan(12);
  });

  it('an edit to a file no document reads rebuilds nothing', async () => {
    const before = (await state()).docs.map((d) => d.version);
    expect(w.session.touched(path.join(dir, 'notes.txt'))).toEqual([]);
    expect(w.session.touched(path.join(dir, 'briefdeck.yaml'))).toBe('replan');
    expect(w.session.touched(facts()).length).toBe(2);
    expect((await state()).docs.map((d) => d.version)).toEqual(before);
  });

  it('stops cleanly, leaving no temp files', async () => {
    await w.close();
    expect(readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expect(rawGet(port, '/')).rejects.toThrow();
  });
});

describe('briefdeck watch on the example: a template edit rebuilds only its documents', () => {
  it('rebuilds the brief for a brief template edit, and both after briefdeck.yaml changes', async () => {
    const dir = exampleProject();
    const w = await startWatch({ root: dir, plan: {} });
    try {
      const versions = () => w.session.docs.map((d) => [d.job.template, d.version, d.errors.length]);
      expect(versions()).toEqual([
        ['brief', 1, 0],
        ['deck', 1, 0],
      ]);
      const brief = path.join(dir, 'templates', 'brief', 'document.md.hbs');
      save(brief, '## Trade', '## Trade and more');
      await w.idle(brief);
      expect(versions()).toEqual([
        ['brief', 2, 0],
        ['deck', 1, 0],
      ]);
      // A template error names the template line.
      save(brief, '## Trade and more', '## Trade {{fact "no-such-fact"}}');
      await w.idle(brief);
      const e = w.session.docs[0]!.errors[0]!;
      expect([e.shown, e.rule]).toEqual([path.join('templates', 'brief', 'document.md.hbs'), 'template/unknown-fact']);
      expect(e.line).toBeGreaterThan(1);
      expect(w.session.docs[0]!.version).toBe(2);
      save(path.join(dir, 'briefdeck.yaml'), 'out: out', 'out: out2');
      await w.idle(path.join(dir, 'briefdeck.yaml'));
      expect(w.session.docs.map((d) => d.version)).toEqual([2, 2]);
      expect(existsSync(path.join(dir, 'out2', 'vietnam-china-deck.pptx'))).toBe(true);
      // A broken project file is shown over the last good previews, and fixing it clears it.
      save(path.join(dir, 'briefdeck.yaml'), 'out: out2', 'out: [out2');
      await w.idle(path.join(dir, 'briefdeck.yaml'));
      expect(w.session.projectErrors[0]?.shown).toBe('briefdeck.yaml');
      expect(w.session.docs.length).toBe(2);
      save(path.join(dir, 'briefdeck.yaml'), 'out: [out2', 'out: out2');
      await w.idle(path.join(dir, 'briefdeck.yaml'));
      expect(w.session.projectErrors).toEqual([]);
    } finally {
      await w.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links diagnostics to the editor only when one is detected', () => {
    expect(editorDetected({ TERM_PROGRAM: 'vscode' })).toBe(true);
    expect(editorDetected({ VSCODE_PID: '1' })).toBe(true);
    expect(editorDetected({ TERM_PROGRAM: 'xterm' })).toBe(false);
  });
});

describe('the watch command', () => {
  it('refuses a bad --port as a usage error, and prints its help', () => {
    const dir = standardProject();
    try {
      expect(run(dir, 'watch', '--port', '99999').code).toBe(2);
      expect(run(dir, 'watch', '--port', 'x').stderr).toContain('--port must be a port number');
      const help = run(dir, 'watch', '--help');
      expect([help.code, help.stdout.includes('127.0.0.1')]).toEqual([0, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves on 127.0.0.1 and stops on Ctrl-C with exit 0, leaving only its outputs', async () => {
    const dir = standardProject();
    const child = spawn(process.execPath, [cli, 'watch', '--data', 'data/chile-korea'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve) => {
        child.stdout.on('data', (c: string) => {
          out += c;
          const m = /briefdeck preview: (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
      });
      expect(out).toMatch(/built data\/chile-korea standard-brief \(PDF\) in \d+ ms/);
      expect((await rawGet(Number(new URL(url).port), '/')).status).toBe(200);
      const code = await new Promise((resolve) => {
        child.on('exit', resolve);
        child.kill('SIGINT');
      });
      expect(code).toBe(0);
      expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['chile-korea-standard-brief.pdf', 'chile-korea-standard-brief.pdf.map.json', 'chile-korea-standard-deck.pptx']);
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('briefdeck watch with a glob of datasets', () => {
  it('builds a dataset added under the glob, without a restart', async () => {
    const dir = standardProject();
    writeFileSync(path.join(dir, 'briefdeck.yaml'), 'documents:\n  - data: data/*\n    template: standard-brief\n');
    const logged: string[] = [];
    const w = await startWatch({ root: dir, plan: {}, log: (line) => logged.push(line) });
    let waiting: Promise<void> | undefined;
    try {
      expect(w.session.docs.map((d) => path.basename(d.job.data))).toEqual(['chile-korea']);
      cpSync(path.join(dir, 'data', 'chile-korea'), path.join(dir, 'data', 'korea-chile'), { recursive: true });
      save(path.join(dir, 'data', 'korea-chile', 'dataset.yaml'), 'id: chile-korea', 'id: korea-chile');
      await expect.poll(async () => {
        await w.idle();
        return w.session.docs.map((d) => [path.basename(d.job.data), d.version > 0, d.errors.length]);
      }).toEqual([
        ['chile-korea', true, 0],
        ['korea-chile', true, 0],
      ]);
      expect(existsSync(path.join(dir, 'out', 'korea-chile-standard-brief.pdf'))).toBe(true);
      // A file the watcher never reports: idle() waits no longer than asked, and says so.
      const started = Date.now();
      await w.idle(path.join(dir, 'never-saved.txt'), 100);
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      expect(logged.at(-1)).toBe(`briefdeck watch: the watcher did not report ${path.join(dir, 'never-saved.txt')} within 100 ms`);
      // And one still waiting when the watch closes waits no more (this test would time out).
      waiting = w.idle(path.join(dir, 'never-saved.txt'), 120_000);
    } finally {
      await w.close();
      await waiting;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('briefdeck watch on a branded project (invented figures)', () => {
  it('rebuilds when the brand file, or a font or logo it names, changes; a new _brand.yml at the root too', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'briefdeck-watch-brand-')), 'p');
    cpSync(path.join(fixtures, 'brand'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
    const w = await startWatch({ root: dir, plan: { data: path.join(dir, 'data'), template: 'brief' } });
    try {
      const version = () => w.session.docs[0]!.version;
      expect([version(), w.session.docs[0]!.errors]).toEqual([1, []]);
      save(path.join(dir, '_brand.yml'), 'primary: wine', 'primary: saffron');
      await w.idle(path.join(dir, '_brand.yml'));
      expect(version()).toBe(2);
      // The logo's folder is watched because the brand named a file in it.
      cpSync(path.join(dir, 'images', 'logo.png'), path.join(dir, 'images', 'logo-copy.png'));
      writeFileSync(path.join(dir, 'images', 'logo.png'), readFileSync(path.join(dir, 'images', 'logo-copy.png')));
      await w.idle(path.join(dir, 'images', 'logo.png'));
      expect(version()).toBe(3);
      // Removed, then written again: the root's own _brand.yml is looked for by every document.
      const brand = readFileSync(path.join(dir, '_brand.yml'));
      rmSync(path.join(dir, '_brand.yml'));
      await w.idle(path.join(dir, '_brand.yml'));
      expect(version()).toBe(4);
      writeFileSync(path.join(dir, '_brand.yml'), brand);
      await w.idle(path.join(dir, '_brand.yml'));
      expect(version()).toBe(5);
    } finally {
      await w.close();
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
