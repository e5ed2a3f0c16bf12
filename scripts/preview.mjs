// `npm run preview`: the brief and the deck in out/ as PNG pages in
// out/preview/, for a person to look at. Uses LibreOffice (PPTX → PDF) and
// pdftoppm (PDF → PNG) when the machine has them (Debian: libreoffice-impress,
// poppler-utils); without them it says so and does nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const out = path.resolve('out');
const preview = path.join(out, 'preview');
if (!has('pdftoppm')) {
  console.log('preview: pdftoppm is not installed (Debian: apt-get install poppler-utils); nothing done');
  process.exit(0);
}
rmSync(preview, { recursive: true, force: true });
mkdirSync(preview, { recursive: true });
const files = readdirSync(out).filter((f) => /\.(pdf|pptx)$/.test(f));
for (const f of files) {
  let pdf = path.join(out, f);
  if (f.endsWith('.pptx')) {
    if (!has('soffice')) {
      console.log(`preview: LibreOffice is not installed (Debian: apt-get install libreoffice-impress); skipping ${f}`);
      continue;
    }
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', preview, pdf], { stdio: 'ignore' });
    pdf = path.join(preview, f.replace(/\.pptx$/, '.pdf'));
  }
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(preview, f.replace(/\.(pdf|pptx)$/, ''))]);
  console.log(`preview: ${f} → out/preview/${f.replace(/\.(pdf|pptx)$/, '')}-*.png`);
}
