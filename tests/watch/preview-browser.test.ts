// The preview page in a real browser (Debian chromium, driven by
// playwright-core) on a copy of the example: pages and slides appear, a
// saved fact shows within a second, a broken save shows its error over the
// last good pages, a cited number shows its source, traversal is refused.
// Without a Chromium these tests are skipped with one line saying why.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatchProcess, type WatchProcess } from '../../scripts/watch-process.mjs';
import { root } from '../helpers.js';
import { findChromium, howToRunBrowserTests } from './find-chromium.js';
import { exampleProject, save } from './watch-project.js';

const chromium = findChromium();
if (!chromium) process.stderr.write(`${howToRunBrowserTests}\n`);

describe.skipIf(!chromium)('the preview page in Chromium (the example)', () => {
  let dir: string;
  let w: WatchProcess;
  let browser: Browser;
  let page: Page;
  const facts = () => path.join(dir, 'data', 'vietnam-china', 'facts.yaml');
  const shown = () => page.getAttribute('body', 'data-shown');

  beforeAll(async () => {
    dir = exampleProject();
    // The bundled CLI in its own process, as a user runs it (tests/global-setup.ts bundles it).
    w = await startWatchProcess(dir);
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({ executablePath: chromium!, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(w.url);
    await page.waitForSelector('body[data-complete="d0:1"]');
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the brief’s pages and the deck’s slides', async () => {
    expect(await page.locator('.page canvas').count()).toBeGreaterThan(2);
    expect(await page.locator('#notice').textContent()).toContain('pdf.js');
    await page.locator('#docs button', { hasText: 'PowerPoint' }).click();
    await page.waitForSelector('body[data-shown="d1:1"]');
    expect(await page.locator('.slide svg').count()).toBeGreaterThan(5);
    expect(await page.locator('#notice').textContent()).toContain('not PowerPoint');
    // A cited figure on a slide shows its fact too.
    await page.locator('.slide [data-facts="trade-total-2024-cn-customs"]').first().hover();
    await expect.poll(async () => (await page.locator('#fact').textContent()) ?? '').toContain('China customs (GACC)');
    // Vietnamese exactly, in the deck's font.
    expect(await page.locator('.slide').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Lào Cai – Hà Nội – Hải Phòng')]));
    await page.locator('#docs button', { hasText: 'PDF' }).click();
    await page.waitForSelector('body[data-complete="d0:1"]');
  });

  it('draws Vietnamese exactly in the brief (its text layer, from the PDF)', async () => {
    const text = (await page.locator('.textLayer').allTextContents()).join('\n');
    expect(text).toContain('Lào Cai – Hà Nội – Hải Phòng');
  });

  it('hovering a cited number shows its fact and source', async () => {
    const number = page.locator('.marks .bd-fact[data-kind="number"][data-facts="trade-total-2024-cn-customs"]').first();
    await number.hover();
    const card = page.locator('#fact');
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = await card.textContent();
    expect(text).toContain('trade-total-2024-cn-customs');
    expect(text).toContain('260.65 USD bn');
    expect(text).toContain('China customs (GACC)');
    expect(text).toContain('Unattributed news article');
    // The conflict note for this figure.
    expect(text).toContain('conflicting figures');
    if (process.env['UPDATE_SCREENSHOT'] === '1') {
      mkdirSync(path.join(root, 'docs'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'docs', 'live-preview.png') });
    }
  });

  it('a saved fact shows the new number within a second, keeping the scroll position', async () => {
    await page.locator('.page').nth(1).scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
    expect(scrolled).toBeGreaterThan(100);
    // The new PDF comes with the update event: the page asks for none.
    const fetched: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (/\/doc\/d0\/\d+\.pdf$/.test(r.url())) fetched.push(r.url());
    };
    page.on('request', onRequest);
    // Best of three saves: this machine is shared, and one slow moment is not the preview's doing.
    const times: number[] = [];
    for (const [from, to] of [['692500', '702500'], ['702500', '707500'], ['707500', '712500']] as const) {
      const before = await shown();
      const t0 = Date.now();
      save(facts(), `value: ${from}`, `value: ${to}`);
      await page.waitForFunction(
        (b) => {
          const now = (globalThis as unknown as { document: { body: { dataset: Record<string, string | undefined> } } }).document.body.dataset['shown'];
          return now !== b && now?.startsWith('d0:');
        },
        before,
        { timeout: 5000 },
      );
      times.push(Date.now() - t0);
      await page.waitForSelector(`body[data-complete="${await shown()}"]`);
    }
    page.off('request', onRequest);
    expect(fetched).toEqual([]);
    expect(await page.locator('.textLayer').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('712,500')]));
    expect(Math.min(...times)).toBeLessThan(1000);
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(scrolled);
  });

  it('a broken save shows the error with file and line over the previous pages', async () => {
    const before = await shown();
    const pages = await page.locator('.page canvas').count();
    save(facts(), 'value: 712500', 'value: [712500');
    const box = page.locator('#errors');
    await expect.poll(() => box.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await box.textContent()).toMatch(/data\/vietnam-china\/facts\.yaml:\d+:\d+/);
    expect(await shown()).toBe(before);
    expect(await page.locator('.page canvas').count()).toBe(pages);
    save(facts(), 'value: [712500', 'value: 712500');
    await expect.poll(() => box.isVisible(), { timeout: 5000 }).toBe(false);
  });

  it('refuses a path-traversal request', async () => {
    for (const p of ['%2e%2e/package.json', 'assets/%2E%2E/%2e%2e/package.json', '..%2fpackage.json']) {
      expect((await page.request.get(`${w.url}${p}`)).status()).toBe(404);
    }
  });
});
