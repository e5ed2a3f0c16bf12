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

/** A page's stand-in without a browser: the event stream, then the output fetched. */
function listen(url, key) {
  const waiters = [];
  const req = http.get(`${url}events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      if (!chunk.includes(`"${key}"`)) return;
      for (const w of waiters.splice(0)) w();
    });
  });
  return { next: () => new Promise((r) => waiters.push(r)), close: () => req.destroy() };
}

export async function benchWatch({ runs, median, fmt }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bench-watch-'));
  for (const f of ['data/vietnam-china', 'templates', 'briefdeck.yaml']) cpSync(f, path.join(dir, f), { recursive: true });
  const facts = path.join(dir, 'data', 'vietnam-china', 'facts.yaml');
  const original = readFileSync(facts, 'utf8');
  const w = await startWatchProcess(dir);
  const chromium = chromiumPath();
  const brief = [];
  const deck = [];
  /** The brief's build (as the watch reports it) and its drawing in the page: where the time goes. */
  const buildMs = [];
  const drawMs = [];
  let browser;
  try {
    let shownAfter;
    const pages = {};
    if (chromium) {
      const { chromium: pw } = await import('playwright-core');
      browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
      for (const key of ['d0', 'd1']) {
        // A context (renderer) of its own per page, as two tabs a user keeps apart.
        const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
        await page.goto(`${w.url}#${key}`);
        await page.waitForSelector(`body[data-complete="${key}:1"]`);
        pages[key] = page;
      }
      // The page stamps the wall-clock time of the frame that paints the new version (waiting through playwright would add its own polling).
      shownAfter = async (key, version, t0) => {
        await pages[key].waitForSelector(`body[data-shown="${key}:${version}"]`, { timeout: 10000 });
        return Number(await pages[key].getAttribute('body', 'data-shown-at')) - t0;
      };
    } else {
      const streams = { d0: listen(w.url, 'd0'), d1: listen(w.url, 'd1') };
      shownAfter = async (key, version, t0) => {
        await streams[key].next();
        await fetch(`${w.url}doc/${key}/${version}.${key === 'd0' ? 'pdf' : 'slides.json'}`).then((r) => r.arrayBuffer());
        return Date.now() - t0;
      };
    }
    // A watch process lives long: the first saves after start are not what a user waits for (the JIT is still warming up).
    const warmup = 4;
    for (let i = 0; i < runs + warmup; i++) {
      if (i === warmup) brief.length = deck.length = buildMs.length = drawMs.length = 0;
      const version = (await w.version('d0')) + 1;
      // A value never built before, so no cache has it (as after a real edit).
      const t0 = Date.now();
      writeFileSync(facts, original.replace('value: 692500', `value: ${692500 + 100 * Math.floor(1 + Math.random() * 1e6)}`));
      const [b, d] = await Promise.all([shownAfter('d0', version, t0), shownAfter('d1', version, t0)]);
      brief.push(b);
      deck.push(d);
      buildMs.push((await (await fetch(`${w.url}api/state`)).json()).docs[0].buildMs);
      if (chromium) drawMs.push(Number(await pages.d0.getAttribute('body', 'data-draw-ms')));
      if (process.env.BENCH_VERBOSE) console.log(`    save → brief ${b} ms, deck ${d} ms`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await browser?.close();
    await w.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const how = chromium ? 'drawn in Chromium' : 'served to the page; no Chromium to draw it';
  console.log(`  watch: fact edit → brief shown ${fmt(median(brief))}   target ≤ 150 ms (${how}; brief build ${fmt(median(buildMs))}${drawMs.length ? `, page drawn ${fmt(median(drawMs))}` : ''})`);
  console.log(`    → deck shown                  ${fmt(median(deck))}   target ≤ 200 ms`);
}
