// `briefdeck new data NAME` and `briefdeck new template NAME [--from T]`:
// write a dataset to fill in, or a copy of a template to customise. Neither
// ever overwrites: if the folder exists, nothing is written.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { isWindowsReservedName } from '../util/reserved-names.js';
import { report } from '../diagnostics/messages.js';
import { knownTemplates, templateHome } from '../template/list-templates.js';
import { builtinTemplatesDir } from '../util/package-dir.js';
import { isInside, realFolder } from '../util/project-files.js';
import { datasetFiles } from './dataset-files.js';

const datasetId = /^[a-z0-9][a-z0-9.-]*$/;
const templateName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function refuseExisting(dir: string): Diagnostic[] {
  return existsSync(dir) ? [report('scaffold/exists', { file: dir, line: 1, column: 1 }, { path: dir })] : [];
}

/** `data/NAME/` with every file of a dataset; returns the files written. */
export function newDataset(dataRoot: string, name: string, today: string): Result<string[]> {
  const dir = path.join(dataRoot, name);
  if (isWindowsReservedName(name)) return { value: [], diagnostics: [report('project/reserved-name', { file: dir, line: 1, column: 1 }, { name, what: 'dataset id' })] };
  if (!datasetId.test(name)) return { value: [], diagnostics: [report('scaffold/bad-name', { file: dir, line: 1, column: 1 }, { name, rule: 'lowercase letters, digits, dots and hyphens (it becomes the dataset id)' })] };
  const refused = refuseExisting(dir);
  if (refused.length) return { value: [], diagnostics: refused };
  const written: string[] = [];
  for (const [file, text] of Object.entries(datasetFiles({ id: name, today }))) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    // `wx`: fail rather than overwrite, even if something appeared meanwhile.
    writeFileSync(target, text, { flag: 'wx' });
    written.push(target);
  }
  return { value: written, diagnostics: [] };
}

/**
 * `templates/NAME/`, a copy of template `from` (the project's, or a standard
 * one). A project template folder that leads out of project folder `root`
 * (default: the parent of `templatesDir`) is not copied: copying reads it.
 * Symlinks inside it are copied as symlinks, and a build refuses them.
 */
export function newTemplate(templatesDir: string, name: string, from: string, root = path.dirname(path.resolve(templatesDir))): Result<string[]> {
  const dir = path.join(templatesDir, name);
  if (!templateName.test(name) || name === 'partials' || name === 'charts') return { value: [], diagnostics: [report('scaffold/bad-name', { file: dir, line: 1, column: 1 }, { name, rule: 'letters, digits, dots, hyphens and underscores, and not `partials` or `charts`' })] };
  const home = templateHome(templatesDir, from);
  if (!home) return { value: [], diagnostics: [report('scaffold/unknown-template', { file: path.join(templatesDir, from), line: 1, column: 1 }, { name: from, known: knownTemplates(templatesDir) })] };
  const source = path.join(home, from);
  const real = realFolder(source);
  if (!isInside(real, realFolder(root)) && !isInside(real, realFolder(builtinTemplatesDir()))) {
    return { value: [], diagnostics: [report('io/outside-project', { file: source, line: 1, column: 1 }, { what: 'template folder', path: path.relative(templatesDir, source), real, root: realFolder(root), write: false })] };
  }
  const refused = refuseExisting(dir);
  if (refused.length) return { value: [], diagnostics: refused };
  cpSync(path.join(home, from), dir, { recursive: true, errorOnExist: true, force: false });
  return { value: [dir], diagnostics: [] };
}
