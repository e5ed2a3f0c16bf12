// The preview page: fetches the state of the documents, draws the brief's
// pages with pdf.js and the deck's slides as SVG, and redraws in place when
// the server says a document was rebuilt (server-sent events), keeping the
// scroll position. Cited numbers show their fact on hover and click.
import * as pdfjs from '/assets/pdf.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.mjs';
/** One pdf.js worker for the page's life: starting one per build costs more than drawing a page. */
const pdfWorker = new pdfjs.PDFWorker();

const $ = (sel) => document.querySelector(sel);
let state = { docs: [], projectErrors: [] };
let current = location.hash.slice(1) || undefined;
/** `key:version` of what is drawn, so an update redraws only what changed. */
let drawn = '';
let drawing = Promise.resolve();

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

function doc() {
  return state.docs.find((d) => d.key === current) ?? state.docs[0];
}

/** `file:line:col`, linked to the editor when the server found one (vscode://file/…). */
function where(d) {
  const text = `${d.shown}:${d.line}:${d.column}`;
  if (!state.editorLinks) return el('span', { class: 'where', text });
  return el('a', { class: 'where', href: `vscode://file/${encodeURI(d.file)}:${d.line}:${d.column}`, text });
}

function diagnosticItem(d) {
  return el('li', {}, el('span', { class: `sev ${d.severity}`, text: d.severity }), where(d), el('div', { text: `${d.message} [${d.rule}]` }), d.hint ? el('div', { class: 'hint', text: `hint: ${d.hint}` }) : null);
}

function drawChrome() {
  const nav = $('#docs');
  nav.replaceChildren(
    ...state.docs.map((d) =>
      el('button', {
        class: d.errors.length ? 'failed' : '',
        'aria-current': String(d === doc()),
        text: d.label,
        onclick: () => {
          current = d.key;
          history.replaceState(null, '', `#${d.key}`);
          drawn = '';
          connect();
        },
      }),
    ),
  );
  const d = doc();
  const errors = [...state.projectErrors, ...(d?.errors ?? [])];
  const box = $('#errors');
  box.hidden = errors.length === 0;
  document.body.classList.toggle('stale', errors.length > 0);
  box.replaceChildren(...(errors.length ? [el('h2', { text: `${errors.length} error${errors.length === 1 ? '' : 's'}: the preview below is the last good build` }), el('ul', {}, ...errors.map(diagnosticItem))] : []));
  const problems = d?.problems ?? [];
  $('#problems ul').replaceChildren(...(problems.length ? problems.map(diagnosticItem) : [el('li', { text: 'No warnings for this document.' })]));
  $('#problems h2').textContent = `Problems (${problems.length})`;
  $('#status').textContent = d ? `${d.output ?? ''}${d.buildMs !== undefined ? ` · built in ${d.buildMs} ms` : ''}` : 'nothing to preview';
  $('#notice').textContent = !d ? '' : d.format === 'pptx' ? 'Deck preview: slides drawn from the slide model in the deck\u2019s font, charts from their Vega specs. A preview, not PowerPoint: PowerPoint lays out text itself. Hover or click a cited number for its source.' : 'Brief preview: the pages of the PDF itself, drawn by pdf.js. Hover or click a cited number for its source.';
}

function factCard(ids) {
  const d = doc();
  const card = $('#fact');
  const parts = [];
  for (const id of ids) {
    const f = d?.facts[id];
    if (!f) continue;
    const rows = [
      ['fact', f.id],
      ['label', f.label],
      ['value (stored)', f.value],
      ['printed as', f.printed],
      ['period', f.period],
      ['basis', f.basis],
      ['as of', f.asOf],
      ['source', f.source ? `${f.source.publisher}, \u201c${f.source.title}\u201d, ${f.source.date}` : undefined],
      ['note', f.note],
      ['defined in', `${f.file}:${f.line}`],
    ].filter(([, v]) => v !== undefined);
    const dl = el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
    if (f.source?.url && /^https?:\/\//i.test(f.source.url)) dl.append(el('dt', { text: 'URL' }), el('dd', {}, el('a', { href: f.source.url, target: '_blank', rel: 'noopener noreferrer', text: f.source.url })));
    parts.push(el('h2', { text: f.label }), dl, ...f.notes.map((n) => el('div', { class: 'note' }, el('span', { class: `sev ${n.severity}`, text: n.severity }), n.message)));
  }
  card.hidden = parts.length === 0;
  card.replaceChildren(...parts);
}

function onFact(e) {
  const t = e.target.closest?.('[data-facts]');
  if (!t) return;
  for (const on of document.querySelectorAll('.bd-fact.on')) on.classList.remove('on');
  t.classList.add('on');
  factCard(t.getAttribute('data-facts').split(' '));
}
document.addEventListener('mouseover', onFact);
document.addEventListener('click', onFact);

/** Page numbers, those in view first: they are drawn first, and the preview counts as shown once they are. */
function pageOrder(host, count) {
  const inView = (div) => {
    const r = div.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  };
  const all = Array.from({ length: count }, (_, i) => i + 1);
  const first = all.filter((n) => host.children[n - 1] && inView(host.children[n - 1]));
  return first.length ? [...first, ...all.filter((n) => !first.includes(n))] : all;
}

/** One page: the canvas swapped in first (the page is then shown), then its text layer and provenance marks. */
async function drawPage(pdf, d, host, i, onDrawn) {
  const page = await pdf.getPage(i);
  const div = host.children[i - 1];
  const base = page.getViewport({ scale: 1 });
  const cssScale = div.clientWidth / base.width;
  const viewport = page.getViewport({ scale: cssScale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = el('canvas', { width: String(Math.round(viewport.width * ratio)), height: String(Math.round(viewport.height * ratio)), 'aria-label': `page ${i}` });
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  // Swapped in whole: the page keeps its height, so the scroll position stays.
  div.style.aspectRatio = `${base.width} / ${base.height}`;
  const old = div.querySelector('canvas');
  if (old) old.replaceWith(canvas);
  else div.prepend(canvas);
  onDrawn();
  // The text layer and the provenance marks come after the frame that shows the page: they would hold it back.
  return () => finishPage(page, d, div, canvas, base, viewport, cssScale, i);
}

/** A drawn page's text layer (selectable text) and provenance marks. */
async function finishPage(page, d, div, canvas, base, viewport, cssScale, i) {
  const text = el('div', { class: 'textLayer' });
  text.style.setProperty('--scale-factor', String(cssScale));
  text.style.setProperty('--total-scale-factor', String(cssScale));
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  const marks = el('div', { class: 'marks' });
  for (const m of d.map.filter((x) => x.page === i)) {
    const box = el('span', { class: 'bd-fact', 'data-facts': m.facts.join(' '), 'data-kind': m.kind, title: m.facts.join(', ') });
    Object.assign(box.style, { left: `${(m.x / base.width) * 100}%`, top: `${(m.y / base.height) * 100}%`, width: `${(m.w / base.width) * 100}%`, height: `${(m.h / base.height) * 100}%` });
    marks.append(box);
  }
  div.replaceChildren(canvas, text, marks);
}

async function drawPdf(d, onShown) {
  // pdf.js takes the bytes over (transfers them to its worker): a copy, so the pushed ones stay for a redraw.
  const bytes = (await output(d, 'pdf')).slice();
  // Glyphs drawn as paths, not through fonts registered with the browser: each build's PDF has new
  // font subsets, and loading them as web fonts made drawing the first page take half as long again.
  const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, worker: pdfWorker }).promise;
  const host = $('#pages');
  if ([...host.children].some((c) => !c.classList.contains('page'))) host.replaceChildren();
  for (let i = host.children.length + 1; i <= pdf.numPages; i++) {
    const div = el('div', { class: 'page', 'data-page': String(i) });
    div.style.aspectRatio = `${d.pages.widthPt} / ${d.pages.heightPt}`;
    host.append(div);
  }
  while (host.children.length > pdf.numPages) host.lastElementChild.remove();
  const order = pageOrder(host, pdf.numPages);
  const visible = order.filter((n) => {
    const r = host.children[n - 1].getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  }).length || 1;
  const finishing = [];
  for (const [k, i] of order.entries()) {
    finishing.push(await drawPage(pdf, d, host, i, () => k === visible - 1 && onShown()));
    if (k === visible - 1) {
      // Let the browser paint the pages in view before their text layers and the other pages.
      // (A tab in the background gets no frames: it goes on after 100 ms.)
      await new Promise((r) => (requestAnimationFrame(() => setTimeout(r, 0)), setTimeout(r, 100)));
      for (const finish of finishing.splice(0)) await finish();
    }
  }
  for (const finish of finishing) await finish();
  await pdf.destroy();
}

/** The SVG each slide element shows. */
const slideSvgs = new WeakMap();

async function drawSlides(d) {
  const svgs = await output(d, 'slides.json');
  const host = $('#pages');
  const keep = [...host.children].filter((c) => c.classList.contains('slide'));
  if (keep.length !== host.children.length) host.replaceChildren();
  svgs.forEach((svg, i) => {
    let div = host.children[i];
    if (!div) host.append((div = el('div', { class: 'slide', 'data-slide': String(i + 1) })));
    // Only slides that changed are replaced: an edited figure touches a few.
    if (slideSvgs.get(div) !== svg) {
      div.innerHTML = svg;
      slideSvgs.set(div, svg);
    }
  });
  while (host.children.length > svgs.length) host.lastElementChild.remove();
}

async function draw() {
  const d = doc();
  if (!d || d.version === 0) return;
  const key = `${d.key}:${d.version}`;
  if (key === drawn) return;
  const t0 = performance.now();
  // For tests and the bench: what is on screen (the pages in view drawn), and how long drawing it took.
  const shown = () => {
    document.body.dataset.drawMs = String(Math.round(performance.now() - t0));
    // The wall-clock time of the first frame that paints it (the bench compares it with the time of the save).
    requestAnimationFrame(() => {
      document.body.dataset.shownAt = String(Date.now());
      document.body.dataset.shown = key;
      // The watch builds what no page shows once the pages have drawn: it would take the cores this drawing needs.
      fetch(`/api/drawn/${d.key}/${d.version}`, { method: 'POST' }).catch(() => {});
    });
  };
  if (d.format === 'pptx') {
    await drawSlides(d);
    shown();
  } else await drawPdf(d, shown);
  drawn = key;
  document.body.dataset.complete = key;
}

function apply(next) {
  state = next;
  if (!state.docs.some((d) => d.key === current)) current = state.docs[0]?.key;
  drawChrome();
  drawing = drawing.then(draw).catch((e) => {
    $('#status').textContent = `could not draw: ${e.message}`;
  });
}

async function update() {
  try {
    apply(await (await fetch('/api/state')).json());
  } catch {
    $('#status').textContent = 'briefdeck watch is not running';
  }
}

/** The output of the shown document the server sent along with its update event (`key:version` → PDF bytes or slide SVGs): no request needed. */
const pushed = new Map();

function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The new version's output: as pushed, or fetched (the first drawing, another document picked). */
async function output(d, kind) {
  const mine = pushed.get(`${d.key}:${d.version}`);
  if (mine) return mine;
  const res = await fetch(`/doc/${d.key}/${d.version}.${kind}`);
  return kind === 'pdf' ? new Uint8Array(await res.arrayBuffer()) : res.json();
}

/** The event stream, which names the document shown: the server builds it first after a save, and waits for this page to fetch it before building the next. */
let events;
function connect() {
  events?.close();
  events = new EventSource(`/events${current ? `?doc=${encodeURIComponent(current)}` : ''}`);
  events.addEventListener('output', (e) => {
    const o = JSON.parse(e.data);
    pushed.clear();
    pushed.set(`${o.key}:${o.version}`, o.pdf ? fromBase64(o.pdf) : o.slides);
  });
  events.addEventListener('update', (e) => apply(JSON.parse(e.data).state));
  events.addEventListener('error', () => {
    $('#status').textContent = 'reconnecting to briefdeck watch…';
  });
  events.addEventListener('open', update);
}
connect();
update();
