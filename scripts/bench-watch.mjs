// `npm run bench` rows for `briefdeck watch`: from saving an edited fact in
// facts.yaml to the new brief (and deck) drawn in the preview page, medians.
// "Shown" is measured in Chromium (playwright-core, Debian's chromium): the
// page marks what it has drawn (body[data-shown]). Without a Chromium it
// measures save → the new output served to a page's event stream, and says so.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startWatchProcess } from './watch-process.mjs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

function chromiumPath() {
  return [process.env.BRIEFDECK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((c) => c && existsSync(c));
}

/** A page's stand-in without a browser: the event stream of a page showing `key`, then the output fetched. */
function listen(url, key) {
  const waiters = [];
  const req = http.get(`${url}events?doc=${key}`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      if (!chunk.includes(`"${key}"`)) return;
      for (const w of waiters.splice(0)) w();
    });
  });
  return { next: () => new Promise((r) => waiters.push(r)), close: () => req.destroy() };
}

/**
 * Three ways of looking: a page showing the brief, a page showing the deck
 * (one preview page, as a user looks at one document at a time; the watch
 * still rebuilds both), and both pages open at once, each in a window of
 * its own (the two builds and the two drawings then share the 2 cores).
 */
export async function benchWatch({ runs, median, fmt }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bench-watch-'));
  for (const f of ['data/vietnam-china', 'templates', 'briefdeck.yaml']) cpSync(f, path.join(dir, f), { recursive: true });
  const facts = path.join(dir, 'data', 'vietnam-china', 'facts.yaml');
  const original = readFileSync(facts, 'utf8');
  const w = await startWatchProcess(dir);
  const chromium = chromiumPath();
  let browser;
  /** Saves with pages open on `keys`: medians of save → shown for each, and where the brief's time goes. */
  const measure = async (keys, warmup) => {
    const shown = { d0: [], d1: [] };
    /** save → shown of the first saves (of the first key), before the warm-up ends. */
    const early = [];
    /** The brief's build (as the watch reports it) and its drawing in the page. */
    const buildMs = [];
    const drawMs = [];
    const pages = {};
    const streams = {};
    let shownAfter;
    try {
      if (chromium) {
        for (const key of keys) {
          // A context (renderer) of its own per page, as two windows a user keeps apart.
          const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
          const version = await w.version(key);
          await page.goto(`${w.url}#${key}`);
          await page.waitForSelector(`body[data-complete="${key}:${version}"]`);
          pages[key] = page;
        }
        // The page stamps the wall-clock time of the frame that paints the new version (waiting through playwright would add its own polling).
        shownAfter = async (key, version, t0) => {
          await pages[key].waitForSelector(`body[data-shown="${key}:${version}"]`, { timeout: 10000 });
          return Number(await pages[key].getAttribute('body', 'data-shown-at')) - t0;
        };
      } else {
        for (const key of keys) streams[key] = listen(w.url, key);
        shownAfter = async (key, version, t0) => {
          await streams[key].next();
          await fetch(`${w.url}doc/${key}/${version}.${key === 'd0' ? 'pdf' : 'slides.json'}`).then((r) => r.arrayBuffer());
          return Date.now() - t0;
        };
      }
      for (let i = 0; i < runs + warmup; i++) {
        if (i === warmup) {
          early.push(...shown[keys[0]].slice(0, 5));
          for (const xs of [shown.d0, shown.d1, buildMs, drawMs]) xs.length = 0;
        }
        const version = (await w.version('d0')) + 1;
        const deckVersion = (await w.version('d1')) + 1;
        // A value never built before, so no cache has it (as after a real edit).
        const t0 = Date.now();
        writeFileSync(facts, original.replace('value: 692500', `value: ${692500 + 100 * Math.floor(1 + Math.random() * 1e6)}`));
        const times = await Promise.all(keys.map((k) => shownAfter(k, k === 'd0' ? version : deckVersion, t0)));
        keys.forEach((k, j) => shown[k].push(times[j]));
        // Both documents built before the next save (the deck's .pptx is written just after its preview: the pause covers it).
        while ((await w.version('d0')) < version || (await w.version('d1')) < deckVersion) await new Promise((r) => setTimeout(r, 10));
        buildMs.push((await (await fetch(`${w.url}api/state`)).json()).docs[0].buildMs);
        if (pages.d0) drawMs.push(Number(await pages.d0.getAttribute('body', 'data-draw-ms')));
        if (process.env.BENCH_VERBOSE) console.log(`    [${keys}] save → ${keys.map((k, j) => `${k} ${times[j]} ms`).join(', ')} (brief build ${buildMs.at(-1)} ms)`);
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      for (const p of Object.values(pages)) await p.context().close();
      for (const s of Object.values(streams)) s.close();
    }
    return { d0: shown.d0.length ? median(shown.d0) : undefined, d1: shown.d1.length ? median(shown.d1) : undefined, build: median(buildMs), draw: drawMs.length ? median(drawMs) : undefined, early: early.length ? median(early) : undefined };
  };
  let brief;
  let deck;
  let both;
  try {
    if (chromium) {
      const { chromium: pw } = await import('playwright-core');
      browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
    }
    // A watch process lives long, and its first saves are not what a user
    // waits for: the JIT is still warming up (measured here: the brief's
    // build takes 80–120 ms on the first saves, 40–60 ms from about the
    // 15th). The first page's run begins with 20 saves of warm-up (the first
    // five are reported apart); each later one with 3.
    brief = await measure(['d0'], 20);
    deck = await measure(['d1'], 3);
    both = await measure(['d0', 'd1'], 3);
  } finally {
    await browser?.close();
    await w.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const how = chromium ? 'drawn in Chromium' : 'served to the page; no Chromium to draw it';
  console.log(`  watch: fact edit → brief shown   ${fmt(brief.d0)}   target ≤ 150 ms (a page showing the brief, ${how}; brief build ${fmt(brief.build)}${brief.draw !== undefined ? `, page drawn ${fmt(brief.draw)}` : ''})`);
  console.log(`    → deck shown                   ${fmt(deck.d1)}   target ≤ 200 ms (a page showing the deck)`);
  console.log(`    both pages open at once: brief ${fmt(both.d0)}, deck ${fmt(both.d1)}; the first 5 saves after start: brief ${fmt(brief.early)}`);
}
