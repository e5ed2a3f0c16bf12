// The anchor pipeline of the speed issue, run beside briefdeck: the example
// made as an analyst could make it without briefdeck. Its Vega-Lite charts
// are drawn to SVG (vega-lite and vega, in Node), the brief is typeset by
// Typst and the deck is made by pandoc. Neither Typst nor pandoc is a
// dependency of briefdeck: the rows run only when both are found (pandoc
// on PATH, the Typst compiler for Node, @myriaddreamin/typst-ts-node-compiler,
// installed in $BENCH_ANCHOR_DIR), and say how to get them otherwise.
//
// The anchor's inputs are written once, from briefdeck's own document tree
// for the example (the same text, headings, lists, tables, key figures and
// charts); that is set-up and not timed. Timed, cold, as new processes:
//   sequential: charts → SVG, then the Typst brief, then the pandoc deck;
//   parallel:   charts → SVG, then Typst and pandoc at once (2 cores).
// Runs alternate with briefdeck's cold `build` of the same brief and deck;
// the faster anchor's median is the one compared. A third variant draws each
// chart in a process of its own, as a script calling vl2svg for each would.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..');

/** Typst markup for inline nodes of briefdeck's document tree (citations become `[n]`). */
function typstInline(nodes) {
  return nodes
    .map((n) => {
      if (n.type === 'text') return typstText(n.value);
      if (n.type === 'strong') return `#strong[${typstInline(n.children)}]`;
      if (n.type === 'emphasis') return `#emph[${typstInline(n.children)}]`;
      if (n.type === 'link') return `#link(${JSON.stringify(n.url)})[${typstInline(n.children)}]`;
      if (n.type === 'citation') return `#super[${n.number}]`;
      if (n.type === 'footnote-ref') return `#super[${n.number}]`;
      if (n.type === 'break') return ' \\\n';
      if (n.type === 'lang') return typstInline(n.children);
      return '';
    })
    .join('');
}
const typstText = (s) => s.replace(/[\\#*_`$<>@\[\]~"=/+-]/g, (c) => `\\${c}`);

function typstBlocks(blocks, charts) {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return `${'='.repeat(b.level)} ${typstInline(b.children)}`;
        case 'paragraph':
          return typstInline(b.children);
        case 'list':
          return b.items.map((it, i) => `${b.ordered ? `${b.start + i}.` : '-'} ${typstBlocks(it.children, charts).replace(/\n/g, '\n  ')}`).join('\n');
        case 'table':
          return `#table(columns: ${b.header.length}, align: (${b.align.map((a) => a ?? 'left').join(', ')},), ${[...b.header, ...b.rows.flat()].map((c) => `[${typstInline(c.children)}]`).join(', ')})`;
        case 'chart':
          charts.push(b);
          return `#figure(image("charts/${b.name}.svg", width: 100%), caption: [${typstText(b.title)}. ${typstText(b.unitLine)}. ${typstInline(b.sourceLine)}])`;
        case 'key-figures':
          return `#grid(columns: ${b.figures.length}, gutter: 8pt, ${b.figures.map((f) => `block(fill: luma(240), inset: 8pt)[#text(size: 16pt, weight: "bold")[${typstText(f.value)}] \\ ${typstText(f.label)} (${typstText(f.period)})${f.change ? ` \\ ${typstText(f.change)}` : ''}]`).join(', ')})`;
        case 'callout':
          return `#block(fill: luma(245), inset: 10pt, width: 100%)[#strong[${typstText(b.title)}] \\ ${typstBlocks(b.children, charts)}]`;
        case 'page-break':
          return '#pagebreak()';
        case 'thematic-break':
          return '#line(length: 100%)';
        case 'sources-list':
          return `== ${typstText(b.title)}\n${b.entries.map((e) => `+ ${typstText(`${e.publisher}, “${e.title}”, ${e.date}`)}${e.url ? ` #link(${JSON.stringify(e.url)})` : ''}`).join('\n')}`;
        case 'footnote-list':
          return b.items.map((f) => `#super[${f.number}] ${typstBlocks(f.children, charts)}`).join('\n\n');
        case 'notes':
          return '';
        default:
          return '';
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

/** pandoc Markdown for the deck: a slide per level-2 heading, charts as pictures. */
function pandocInline(nodes) {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value.replace(/[\\*_`[\]#<>$^~]/g, (c) => `\\${c}`);
      if (n.type === 'strong') return `**${pandocInline(n.children)}**`;
      if (n.type === 'emphasis') return `*${pandocInline(n.children)}*`;
      if (n.type === 'link') return `[${pandocInline(n.children)}](${n.url})`;
      if (n.type === 'citation' || n.type === 'footnote-ref') return `^${n.number}^`;
      if (n.type === 'lang') return pandocInline(n.children);
      return n.type === 'break' ? '\\\n' : '';
    })
    .join('');
}

function pandocBlocks(blocks, charts) {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return `${'#'.repeat(Math.max(2, b.level))} ${pandocInline(b.children)}`;
        case 'paragraph':
          return pandocInline(b.children);
        case 'list':
          return b.items.map((it, i) => `${b.ordered ? `${b.start + i}.` : '-'} ${pandocBlocks(it.children, charts).replace(/\n/g, '\n  ')}`).join('\n');
        case 'table': {
          const row = (cells) => `| ${cells.map((c) => pandocInline(c.children).replace(/\|/g, '\\|')).join(' | ')} |`;
          return [row(b.header), `|${b.align.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : '---')).join('|')}|`, ...b.rows.map(row)].join('\n');
        }
        case 'chart':
          charts.push(b);
          return `![${b.title}](charts/${b.name}.svg)`;
        case 'key-figures':
          return b.figures.map((f) => `- **${f.value}** ${f.label} (${f.period})${f.change ? `, ${f.change}` : ''}`).join('\n');
        case 'callout':
          return `**${b.title}**\n\n${pandocBlocks(b.children, charts)}`;
        case 'sources-list':
          return `## ${b.title}\n\n${b.entries.map((e, i) => `${i + 1}. ${e.publisher}, “${e.title}”, ${e.date}`).join('\n')}`;
        case 'notes':
          return `::: notes\n${pandocBlocks(b.children, charts)}\n:::`;
        default:
          return '';
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

/** The Typst brief, the pandoc deck and the chart specs, from briefdeck's document tree for the example. */
function writeAnchorInputs(dir) {
  const { prepareDocument } = createRequire(import.meta.url)(path.join(root, 'dist', 'index.cjs'));
  const prepared = (template) => {
    const r = prepareDocument({ templatesDir: path.join(root, 'templates'), template, dataDir: path.join(root, 'data', 'vietnam-china'), outDir: dir });
    if (!r.value) throw new Error(`the example's ${template} did not prepare`);
    return r.value.document;
  };
  const charts = [];
  const brief = prepared('brief');
  const family = 'Be Vietnam Pro';
  writeFileSync(
    path.join(dir, 'brief.typ'),
    `#set page(paper: "a4", margin: 2cm)\n#set text(font: ${JSON.stringify(family)}, size: 10pt, lang: "en")\n#set par(justify: true)\n\n= ${typstText(brief.meta.title ?? '')}\n\n${typstBlocks(brief.children, charts)}\n`,
  );
  const deck = prepared('deck');
  writeFileSync(path.join(dir, 'deck.md'), `---\ntitle: ${JSON.stringify(deck.meta.title ?? '')}\n---\n\n${pandocBlocks(deck.children, charts)}\n`);
  mkdirSync(path.join(dir, 'charts'), { recursive: true });
  for (const c of charts) writeFileSync(path.join(dir, 'charts', `${c.name}.vl.json`), JSON.stringify({ ...c.spec, width: 480, height: 240 }));
  // The anchor's two programs, as files it runs cold.
  writeFileSync(
    path.join(dir, 'charts.mjs'),
    `import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vl from ${JSON.stringify(createRequire(import.meta.url).resolve('vega-lite'))};
import * as vega from ${JSON.stringify(createRequire(import.meta.url).resolve('vega'))};
const dir = ${JSON.stringify(path.join(dir, 'charts'))};
// One chart (its file named, as vl2svg draws one) or all of them.
const only = process.argv[2];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.vl.json') && (!only || f === only))) {
  const spec = vl.compile(JSON.parse(readFileSync(dir + '/' + f, 'utf8'))).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  writeFileSync(dir + '/' + f.replace('.vl.json', '.svg'), await view.toSVG());
}
`,
  );
  const fonts = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
  writeFileSync(
    path.join(dir, 'typst.mjs'),
    `import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const { NodeCompiler } = createRequire(${JSON.stringify(path.join(process.env.BENCH_ANCHOR_DIR ?? '', 'package.json'))})('@myriaddreamin/typst-ts-node-compiler');
const c = NodeCompiler.create({ workspace: ${JSON.stringify(dir)}, fontArgs: [{ fontPaths: [${JSON.stringify(fonts)}] }] });
writeFileSync(${JSON.stringify(path.join(dir, 'brief.pdf'))}, c.pdf({ mainFilePath: ${JSON.stringify(path.join(dir, 'brief.typ'))} }));
`,
  );
}

const run = (cmd, args, cwd) =>
  new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${err}`))));
  });

/** Whether the anchor can run here: pandoc on PATH, the Typst compiler in $BENCH_ANCHOR_DIR. */
export function anchorMissing() {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'pandoc is not on PATH (apt-get install -y pandoc)';
  }
  const dir = process.env.BENCH_ANCHOR_DIR;
  if (!dir || !existsSync(path.join(dir, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) return 'no Typst compiler (npm install --prefix DIR @myriaddreamin/typst-ts-node-compiler, then BENCH_ANCHOR_DIR=DIR)';
  return undefined;
}

/** Medians of the two anchor variants and of briefdeck's cold build, runs alternating. */
export async function benchAnchor({ runs, median, fmt, tmp, runCli, print = console.log }) {
  const missing = anchorMissing();
  if (missing) {
    print(`  anchor pipeline: not run, ${missing}`);
    return;
  }
  const dir = path.join(tmp, 'anchor');
  mkdirSync(dir, { recursive: true });
  writeAnchorInputs(dir);
  const chartFiles = readdirSync(path.join(dir, 'charts')).filter((f) => f.endsWith('.vl.json'));
  /** `perChart`: each chart drawn by a process of its own, as a script calling Vega's `vl2svg` for each would. */
  const anchor = async (parallel, perChart = false) => {
    const t0 = performance.now();
    if (perChart) for (const f of chartFiles) await run(process.execPath, ['charts.mjs', f], dir);
    else await run(process.execPath, ['charts.mjs'], dir);
    const typst = () => run(process.execPath, ['typst.mjs'], dir);
    const pandoc = () => run('pandoc', ['deck.md', '-o', 'deck.pptx'], dir);
    if (parallel) await Promise.all([typst(), pandoc()]);
    else {
      await typst();
      await pandoc();
    }
    return performance.now() - t0;
  };
  const out = path.join(dir, 'briefdeck-out');
  const seq = [];
  const par = [];
  const perChart = [];
  const ours = [];
  await anchor(false); // the file system's caches, for both
  await runCli(['build', '--quiet', '--force', '--out', out]);
  for (let i = 0; i < runs; i++) {
    seq.push(await anchor(false));
    ours.push((await runCli(['build', '--quiet', '--force', '--out', out])).ms);
    par.push(await anchor(true));
    perChart.push(await anchor(true, true));
  }
  const best = Math.min(median(seq), median(par));
  print(`  anchor pipeline (Vega-Lite charts + Typst brief + pandoc deck): ${fmt(median(seq))} in sequence, ${fmt(median(par))} with Typst and pandoc at once`);
  print(`    with a process per chart (as vl2svg), Typst and pandoc at once: ${fmt(median(perChart))}`);
  print(`    briefdeck, cold brief + deck, the same runs: ${fmt(median(ours))} = ${(median(ours) / best).toFixed(2)}× the fastest anchor, ${(median(ours) / median(perChart)).toFixed(2)}× the one with a process per chart   target ≤ 0.60×`);
}
