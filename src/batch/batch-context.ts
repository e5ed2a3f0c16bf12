// What every document of a run shares (the project's folders, limits, brand
// and reference deck, and who chose the output folder), as the CLI and the
// watch session hand it to the batch runner and its worker processes.
import type { Project } from '../project.js';
import type { BatchContext } from './run-batch.js';

/** `outGiven`: the output folder was named on the command line (`--out`), so it may lie outside the project. */
export function batchContext(project: Project, outDir: string, outGiven: boolean): BatchContext {
  return {
    templatesDir: project.templatesDir,
    outDir,
    root: project.root,
    limits: project.limits,
    ...(project.brand !== undefined ? { brand: project.brand } : {}),
    ...(project.referenceDeck !== undefined ? { referenceDeck: project.referenceDeck } : {}),
    outChosenBy: outGiven ? 'user' : 'project',
    ...(project.outAt && !outGiven ? { outAt: project.outAt } : {}),
  };
}
