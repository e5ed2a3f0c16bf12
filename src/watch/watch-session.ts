// The documents `briefdeck watch` keeps built: planned from briefdeck.yaml and
// the command line as `build` plans them, each rebuilt in this process (the
// warm path: datasets, templates, Markdown and charts cached) when a file it
// reads changes. Each document keeps its last good output, what its last
// build reported, and its provenance map, for the preview server to show.
import path from 'node:path';
import type { BatchContext } from '../batch/run-batch.js';
import { jobRequest } from '../batch/run-batch.js';
import type { Job } from '../batch/job.js';
import { jobLabel } from '../batch/job.js';
import { planJobs, type PlanRequest } from '../batch/plan-jobs.js';
import { buildDocument, checkDocumentAndCharts } from '../build.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Document } from '../document/nodes.js';
import type { Dataset } from '../facts/dataset.js';
import { defaultLimits } from '../limits.js';
import { documentToSlides } from '../render/pptx/document-to-slides.js';
import { loadProject, projectFileName } from '../project.js';
import { templateFile } from '../template/list-templates.js';
import { documentCharts } from '../charts/render-charts.js';
import { chartSvgsOf, slidesToSvg } from '../render/svg/slides-to-svg.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { factInfo, pageProvenance, type FactInfo, type MapEntry } from './provenance.js';
import { batchContext } from '../batch/batch-context.js';
import { withReadLog } from '../util/read-log.js';

export interface DiagnosticView {
  severity: Diagnostic['severity'];
  rule: string;
  message: string;
  hint?: string;
  file: string;
  /** The file relative to the project, as shown. */
  shown: string;
  line: number;
  column: number;
}

/** One document as the preview shows it. */
export interface DocState {
  key: string;
  label: string;
  job: Job;
  /** Raised by each good build: the page fetches the output of this version. */
  version: number;
  /** Errors of the last build; the last good output is still shown. */
  errors: DiagnosticView[];
  /** Warnings and information of the last build (what `check` lists). */
  problems: DiagnosticView[];
  /** Output file (relative to the project) of the last good build. */
  output?: string;
  /** The map beside the PDF could not be written (kept with the problems until a write succeeds). */
  mapWriteFailed?: DiagnosticView;
  pdf?: Buffer;
  slides?: string[];
  /** PDF page size in points (the map's coordinates). */
  pageSize?: { widthPt: number; heightPt: number };
  map: MapEntry[];
  facts: Record<string, FactInfo>;
  /** Files the last build read (template, partials, chart specs); its dataset folder counts as a whole. */
  reads: Set<string>;
  buildMs?: number;
}

export interface WatchOptions {
  root: string;
  plan: PlanRequest;
  /** vscode://file links for diagnostics. */
  editorLinks?: boolean;
}

export interface SessionEvents {
  /** After each round of builds: the keys of the documents rebuilt. */
  built?(keys: string[]): void;
}

function view(d: Diagnostic, root: string): DiagnosticView {
  const file = path.resolve(root, d.position.file);
  const v: DiagnosticView = { severity: d.severity, rule: d.rule, message: d.message, file, shown: path.relative(root, file) || file, line: d.position.line, column: d.position.column };
  if (d.hint) v.hint = d.hint;
  return v;
}

export class WatchSession {
  docs: DocState[] = [];
  /** Problems of the project file or the plan (no document can be built). */
  projectErrors: DiagnosticView[] = [];
  ctx: BatchContext | undefined;
  private generation = 0;

  constructor(readonly opts: WatchOptions) {}

  /** briefdeck.yaml + the command line → documents (their last good outputs kept when the same document is planned again). */
  plan(): void {
    const project = loadProject(this.opts.root);
    this.generation++;
    if (!project.value) {
      this.projectErrors = project.diagnostics.map((d) => view(d, this.opts.root));
      return;
    }
    const p = project.value;
    const plan = planJobs(p, this.opts.plan, p.outDir);
    if ('usage' in plan) {
      this.projectErrors = [view(report('watch/nothing-to-build', { file: p.file ?? path.join(p.root, projectFileName), line: 1, column: 1 }, { detail: plan.usage }), this.opts.root)];
      this.docs = [];
      return;
    }
    this.projectErrors = plan.diagnostics.filter((d) => d.severity === 'error').map((d) => view(d, this.opts.root));
    // The brand and reference deck too, as a build has them.
    this.ctx = batchContext(p, p.outDir, false);
    const old = new Map(this.docs.map((d) => [`${d.job.template}\u0000${d.job.data}\u0000${d.job.format}\u0000${d.job.name ?? ''}`, d]));
    this.docs = plan.jobs.map((job, i) => {
      const kept = old.get(`${job.template}\u0000${job.data}\u0000${job.format}\u0000${job.name ?? ''}`);
      if (kept) return { ...kept, key: `d${i}`, job };
      return { key: `d${i}`, label: `${jobLabel(job, this.opts.root)} (${job.format === 'pptx' ? 'PowerPoint' : 'PDF'})`, job, version: 0, errors: [], problems: [], map: [], facts: Object.create(null) as Record<string, FactInfo>, reads: new Set<string>() };
    });
  }

  /** Folders that hold the documents' dataset folders, other than the project folder itself (never watched whole: node_modules). */
  datasetParents(): string[] {
    return [...new Set(this.docs.map((d) => path.dirname(d.job.data)))].filter((dir) => dir !== this.opts.root && (dir + path.sep).startsWith(this.opts.root + path.sep));
  }

  /** The documents a changed file touches (none: it is read by no document); `replan` when briefdeck.yaml may now list others. */
  touched(file: string): DocState[] | 'replan' {
    const abs = path.resolve(file);
    if (abs === path.join(this.opts.root, projectFileName)) return 'replan';
    const inside = (dir: string) => abs === dir || abs.startsWith(dir + path.sep);
    // A dataset.yaml appearing or going in a folder beside the datasets: a glob may match another set of folders now.
    if (path.basename(abs) === 'dataset.yaml' && !this.docs.some((d) => path.join(d.job.data, 'dataset.yaml') === abs) && this.datasetParents().some((dir) => inside(dir))) return 'replan';
    // The root's _brand.yml is looked for by every document, there or not (a new one is read by none yet).
    if (abs === path.join(this.opts.root, '_brand.yml')) return this.docs;
    const templates = this.ctx?.templatesDir;
    return this.docs.filter((d) => {
      if (inside(d.job.data) || d.reads.has(abs)) return true;
      if (!templates || !inside(templates)) return false;
      if (inside(path.join(templates, d.job.template))) return true;
      // A new partial or chart spec may be what a failed document was missing.
      return d.errors.length > 0 && (inside(path.join(templates, 'partials')) || inside(path.join(templates, 'charts')));
    });
  }

  /** Build one document now, in this process; its outputs in out/ are replaced atomically, as `build` does. */
  /** Build one document; `onPreview` is called as soon as the preview can show the new version (a deck: before its .pptx is written). */
  async build(doc: DocState, onPreview?: () => Promise<void> | void): Promise<void> {
    try {
      await this.buildUnguarded(doc, onPreview);
    } catch (e) {
      // A bug met by this document (stages throw only on bugs) fails this document, as in a batch; the watch goes on.
      const at = { file: templateFile(this.ctx?.templatesDir ?? this.opts.root, doc.job.template), line: 1, column: 1 };
      doc.errors = [view(report('internal/error', at, { detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]! }), this.opts.root)];
    }
  }

  /** The facts of a built document, as the preview shows them. */
  private describeFacts(doc: DocState, prepared: { document: Document; dataset: Dataset }, diagnostics: readonly Diagnostic[]): void {
    doc.facts = factInfo(prepared.dataset, prepared.document.meta.locale, prepared.document.facts, diagnostics);
    for (const f of Object.values(doc.facts)) f.file = path.relative(this.opts.root, path.resolve(this.opts.root, f.file)) || f.file;
  }

  private async buildUnguarded(doc: DocState, onPreview?: () => Promise<void> | void): Promise<void> {
    if (!this.ctx) return;
    const t0 = performance.now();
    const root = this.opts.root;
    const req = jobRequest(doc.job, this.ctx);
    // Every project file the checks read (the brand file, its fonts and logos, images, the reference deck too), as the up-to-date records see them.
    const { value: checked, reads } = await withReadLog(() => checkDocumentAndCharts(req));
    const prepared = checked.prepared ?? checked.partial;
    if (prepared) doc.reads = new Set([prepared.templates.main.file, ...prepared.templates.partials.map((p) => p.file), ...documentCharts(prepared.document).map((c) => path.join(this.ctx!.templatesDir, 'charts', `${c.name}.vl.json`)), ...reads.keys()].map((f) => path.resolve(f)));
    const all = [...doc.job.diagnostics, ...checked.diagnostics];
    let outcome;
    let previewed = false;
    // A deck's slides are drawn from the slide model: shown first, then the .pptx is written (zipping is most of a deck's build).
    if (!hasErrors(all) && doc.job.format === 'pptx' && checked.prepared) {
      const slides = documentToSlides(checked.prepared.document, checked.prepared.theme);
      if (!hasErrors(slides.diagnostics) && slides.value.slides.length <= (req.limits ?? defaultLimits).slides) {
        doc.slides = slidesToSvg(slides.value, chartSvgsOf(checked.prepared.document), checked.prepared.theme);
        doc.map = [];
        doc.errors = [];
        this.describeFacts(doc, checked.prepared, all);
        doc.version++;
        previewed = true;
        await onPreview?.();
      }
    }
    if (!hasErrors(all)) {
      outcome = await buildDocument(req, doc.job.format, { checked });
      all.push(...outcome.diagnostics.filter((d) => !checked.diagnostics.includes(d)));
    }
    const sorted = sortDiagnostics(all);
    doc.errors = sorted.filter((d) => d.severity === 'error').map((d) => view(d, root));
    doc.problems = [...sorted.filter((d) => d.severity !== 'error').map((d) => view(d, root)), ...(doc.mapWriteFailed ? [doc.mapWriteFailed] : [])];
    doc.buildMs = performance.now() - t0;
    if (!outcome || doc.errors.length || !outcome.prepared) return;
    this.describeFacts(doc, outcome.prepared, sorted);
    doc.output = outcome.outputs[0] ? path.relative(root, outcome.outputs[0]) : doc.output;
    if (outcome.pdf && outcome.pageModel) {
      doc.pdf = outcome.pdf;
      doc.pageSize = { widthPt: outcome.pageModel.widthPt, heightPt: outcome.pageModel.heightPt };
      doc.map = pageProvenance(outcome.prepared.document, outcome.pageModel, outcome.prepared.dataset, outcome.prepared.theme);
      // The map beside the PDF: for other tools, as the slides' SVG carries it in data- attributes.
      // Written once the new version is on its way to the pages (the event is sent in this same turn), not before.
      const file = outcome.outputs[0];
      const sidecar = { pdf: path.basename(file ?? ''), page: doc.pageSize, entries: doc.map, facts: doc.facts };
      if (file) {
        setImmediate(() => {
          try {
            writeFileAtomic(`${file}.map.json`, Buffer.from(`${JSON.stringify(sidecar, null, 1)}\n`));
            if (doc.mapWriteFailed) {
              doc.problems = doc.problems.filter((p) => p !== doc.mapWriteFailed);
              delete doc.mapWriteFailed;
            }
          } catch (e) {
            // The preview has the map already; the problems panel says the file beside the PDF is not the new one
            // (from the next update on, and with every build until a write succeeds).
            const failed = view(report('io/write-failed', { file: `${file}.map.json`, line: 1, column: 1 }, { detail: (e as Error).message }), root);
            doc.problems = [...doc.problems.filter((p) => p !== doc.mapWriteFailed), failed];
            doc.mapWriteFailed = failed;
          }
        });
      }
    }
    if (previewed) return;
    if (outcome.slideModel) {
      doc.slides = slidesToSvg(outcome.slideModel, chartSvgsOf(outcome.prepared.document), outcome.prepared.theme);
      doc.map = [];
    }
    doc.version++;
  }

  /** The preview's view of everything: what /api/state sends. */
  state(): unknown {
    return {
      editorLinks: this.opts.editorLinks ?? false,
      projectErrors: this.projectErrors,
      docs: this.docs.map((d) => ({
        key: d.key,
        label: d.label,
        format: d.job.format,
        version: d.version,
        output: d.output,
        errors: d.errors,
        problems: d.problems,
        pages: d.pageSize,
        slides: d.slides?.length,
        map: d.map,
        facts: d.facts,
        buildMs: d.buildMs === undefined ? undefined : Math.round(d.buildMs),
      })),
    };
  }
}
