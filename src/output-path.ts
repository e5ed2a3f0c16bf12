// Where a document is written: `out/<name>.<ext>`, the name defaulting to
// `<dataset id>-<template>`. Shared by the build and the batch planner,
// which checks before building that no two documents write one file.
import path from 'node:path';

export function outputPath(req: { outDir: string; template: string; name?: string | undefined }, datasetId: string, ext: string): string {
  return path.join(req.outDir, `${req.name ?? `${datasetId}-${req.template}`}.${ext}`);
}
