// The library API: what the CLI uses, for scripts and the benchmark.
export { buildDocument, buildPdf, buildPptx, checkDocument, checkDocumentAndCharts, prepareDocument, validateDocument, type BuildRequest, type BuildOutcome } from './build.js';
export { planJobs } from './batch/plan-jobs.js';
export { runBatch } from './batch/run-batch.js';
export { loadProject } from './project.js';
export { loadDataset } from './facts/load-dataset.js';
export { formatDiagnostic } from './diagnostics/format-diagnostic.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { documentToPages } from './render/pdf/document-to-pages.js';
export { pagesToPdf } from './render/pdf/pages-to-pdf.js';
export { renderCharts } from './charts/render-charts.js';
export { startWatch, type Watching, type WatchRequest } from './watch/run-watch.js';
export { slidesToSvg, chartSvgsOf } from './render/svg/slides-to-svg.js';
export { fontPath, fontStyles } from './theme/fonts.js';
export { chartToPng } from './charts/chart-png.js';
export { outputPath } from './output-path.js';
