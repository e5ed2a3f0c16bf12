// Chart SVG → PNG at twice slide resolution, drawn by resvg with the theme's
// fonts only (no system fonts, so every machine draws the same picture).
// resvg ignores *all* options if one is misspelt: keep these names exact.
import { createRequire } from 'node:module';
import { bundledFonts, type FontSet } from '../theme/fonts.js';
import { LRUCache } from 'lru-cache';
import { contentHash, diskMemo } from '../util/disk-memo.js';

// A native addon, required on first use (the CLI runs from a vm.Script, where
// dynamic import() is not available).
const require = createRequire(import.meta.url);

// Pictures by SVG text: a rebuild in the same process draws each chart once.
const drawn = new LRUCache<string, Buffer>({ max: 64 });

export async function chartToPng(svg: string, scale = 2, fonts: FontSet = bundledFonts): Promise<Buffer> {
  const key = `${scale}\u0000${fonts.digest()}\u0000${svg}`;
  const hit = drawn.get(key);
  if (hit) return hit;
  // On disk too: resvg and its fonts are loaded only for a picture not drawn before.
  // (An entry that is not base64 text, damaged or written by hand, is drawn again.)
  const png = Buffer.from(diskMemo('pictures', contentHash('chart-png', key), () => draw(svg, scale, fonts).toString('base64'), undefined, { valid: (v) => typeof v === 'string' }), 'base64');
  drawn.set(key, png);
  return png;
}

function draw(svg: string, scale: number, fonts: FontSet): Buffer {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: fonts.files(), loadSystemFonts: false, defaultFontFamily: fonts.family },
  });
  return Buffer.from(resvg.render().asPng());
}
