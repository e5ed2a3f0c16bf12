// `npm run preview`: PNG pictures of what briefdeck.yaml builds, in
// out/preview/, for a person to look at.
//   decks: each slide drawn from the slide model as SVG (the same SVG as the
//          `briefdeck watch` preview) and rendered by resvg with the bundled
//          fonts: no LibreOffice needed. A preview, not PowerPoint.
//   briefs: the PDF in out/ through pdftoppm, when the machine has it
//          (Debian: poppler-utils); without it, says so and skips them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const lib = require(path.resolve('dist/index.cjs'));
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const project = lib.loadProject(path.resolve('.'));
if (!project.value) {
  for (const d of project.diagnostics) console.error(lib.formatDiagnostic(d));
  process.exit(1);
}
const p = project.value;
const plan = lib.planJobs(p, {}, p.outDir);
if ('usage' in plan) {
  console.error(`preview: ${plan.usage}`);
  process.exit(2);
}
const preview = path.join(p.outDir, 'preview');
rmSync(preview, { recursive: true, force: true });
mkdirSync(preview, { recursive: true });
const rel = (f) => path.relative(process.cwd(), f);
for (const job of plan.jobs) {
  const req = { templatesDir: p.templatesDir, template: job.template, dataDir: job.data, outDir: p.outDir, root: p.root, limits: p.limits, ...(job.name ? { name: job.name } : {}), ...(job.locale ? { locale: job.locale } : {}) };
  if (job.format === 'pptx') {
    const outcome = await lib.buildDocument(req, 'pptx', { write: false });
    if (!outcome.slideModel) {
      console.log(`preview: ${job.template} × ${rel(job.data)} does not build (run \`briefdeck build\` for its errors); skipped`);
      continue;
    }
    const base = path.basename(lib.outputPath(req, outcome.prepared.dataset.id, 'pptx'), '.pptx');
    // A deck build draws only its picture charts with Vega; the preview draws the native ones from Vega too.
    await lib.renderCharts(outcome.prepared.document);
    const svgs = lib.slidesToSvg(outcome.slideModel, lib.chartSvgsOf(outcome.prepared.document), outcome.prepared.theme);
    for (const [i, svg] of svgs.entries()) writeFileSync(path.join(preview, `${base}-${String(i + 1).padStart(2, '0')}.png`), await lib.chartToPng(svg, 1));
    console.log(`preview: ${base}.pptx → ${rel(preview)}/${base}-*.png (${svgs.length} slides, drawn from the slide model: a preview, not PowerPoint)`);
    continue;
  }
  const outcome = await lib.buildDocument(req, 'pdf');
  const pdf = outcome.outputs[0];
  if (!pdf) {
    console.log(`preview: ${job.template} × ${rel(job.data)} does not build (run \`briefdeck build\` for its errors); skipped`);
    continue;
  }
  if (!has('pdftoppm')) {
    console.log(`preview: pdftoppm is not installed (Debian: apt-get install poppler-utils); skipping ${rel(pdf)}`);
    continue;
  }
  const base = path.basename(pdf, '.pdf');
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(preview, base)]);
  console.log(`preview: ${rel(pdf)} → ${rel(preview)}/${base}-*.png`);
}
if (!existsSync(preview)) process.exit(1);
