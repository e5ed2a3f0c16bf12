// The project file (`briefdeck.yaml`, like Quarto's `_quarto.yml`): which
// documents `briefdeck build` makes, from which template and dataset. One
// entry may stand for many documents: a glob for `data:` (every dataset
// folder it matches) and a list for `template:`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { z } from 'zod';
import type { Diagnostic, Position, Result } from './diagnostics/diagnostic.js';
import { isWindowsReservedName } from './util/reserved-names.js';
import { report } from './diagnostics/messages.js';
import { outputFormats, referenceDeckSchema, type OutputFormat } from './document/front-matter.js';
import type { ReferenceDeckConfig } from './document/nodes.js';
import { parseYaml } from './facts/load-yaml.js';
import { zodDiagnostics } from './facts/zod-diagnostics.js';
import { limitsSchema, resolveLimits, type Limits } from './limits.js';
import type { Locale } from './format/locale.js';
import { isDiagnostic, maxTextBytes, readProjectFile, realFolder } from './util/project-files.js';

export const projectFileName = 'briefdeck.yaml';

const templateName = z.string().min(1);

const entrySchema = z.strictObject({
  /** Output file name without extension; defaults to `<dataset id>-<template>`. Only for an entry that makes one document. */
  name: z.string().regex(/^[A-Za-z0-9._-]+$/).optional(),
  template: z.union([templateName, z.array(templateName).min(1)]),
  /** A dataset folder, or a glob of them (`data/*`). */
  data: z.string().min(1),
  /** Overrides the template's own `format:`. */
  format: z.enum(outputFormats).optional(),
  locale: z.enum(['en', 'vi']).optional(),
});

const projectSchema = z.strictObject({
  templates: z.string().default('templates'),
  out: z.string().default('out'),
  /** The tool's limits, when the defaults (src/limits.ts) do not suit. */
  limits: limitsSchema.optional(),
  /** The brand file (src/brand), relative to briefdeck.yaml; default `_brand.yml` when there is one. */
  brand: z.string().min(1).optional(),
  /** The corporate template every deck is built on, relative to briefdeck.yaml (a deck's front matter may name another). */
  'reference-deck': referenceDeckSchema.optional(),
  documents: z.array(entrySchema).min(1),
});

/** One document the project lists: one template, one dataset folder (absolute). */
export interface DocumentConfig {
  template: string;
  data: string;
  /** Absent: the template's front matter decides. */
  format?: OutputFormat;
  name?: string;
  locale?: Locale;
  /** The entry of briefdeck.yaml it comes from. */
  at: Position;
}

export interface Project {
  root: string;
  /** briefdeck.yaml, when there is one. */
  file?: string;
  templatesDir: string;
  outDir: string;
  /** Where briefdeck.yaml sets `out:` (or the file's top, when it leaves the default): where a refused output folder is reported. */
  outAt?: Position;
  /** The defaults, with what briefdeck.yaml's `limits:` changes. */
  limits: Limits;
  /** briefdeck.yaml's `brand:` (relative to the root); absent: `_brand.yml` if there is one. */
  brand?: string;
  /** briefdeck.yaml's `reference-deck:` (file relative to the root), and where it is set. */
  referenceDeck?: ReferenceDeckConfig & { at: Position };
  documents: DocumentConfig[];
}

/** The same folder, however it was written (relative, through a symlink, with a trailing slash). */
export function sameFolder(a: string, b: string): boolean {
  return realFolder(a) === realFolder(b);
}

export { realFolder };

/** Dataset folders (those holding a dataset.yaml) matched by a glob relative to `root`, in name order. */
function datasetFolders(root: string, pattern: string): string[] {
  const dirs = globSync(pattern, { cwd: root, onlyDirectories: true, absolute: true, expandDirectories: false });
  return dirs
    .map((d) => path.resolve(d))
    .filter((d) => existsSync(path.join(d, 'dataset.yaml')))
    .sort();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The project file, or defaults when there is none (`templates/`, `out/`, no documents). */
export function loadProject(root: string): Result<Project | undefined> {
  const file = path.join(root, projectFileName);
  const defaults: Project = { root, templatesDir: path.join(root, 'templates'), outDir: path.join(root, 'out'), limits: resolveLimits(undefined), documents: [] };
  if (!existsSync(file)) return { value: defaults, diagnostics: [] };
  // The project file too is read only from inside the project (it may not be a symlink out of it).
  const read = readProjectFile(file, { root, maxBytes: maxTextBytes, what: 'project file', name: projectFileName });
  if (isDiagnostic(read)) return { value: undefined, diagnostics: [read] };
  const parsed = parseYaml(file, read.text);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const yaml = parsed.value;
  const r = projectSchema.safeParse(yaml.data ?? {});
  if (!r.success) return { value: undefined, diagnostics: zodDiagnostics(yaml, [], r.error, 'project/schema') };
  const diagnostics: Diagnostic[] = [];
  const documents: DocumentConfig[] = [];
  r.data.documents.forEach((entry, i) => {
    const at = yaml.positionOf(['documents', i]);
    const templates = Array.isArray(entry.template) ? entry.template : [entry.template];
    const glob = isDynamicPattern(entry.data);
    const folders = glob ? datasetFolders(root, entry.data) : [path.resolve(root, entry.data)];
    if (folders.length === 0) diagnostics.push(report('project/no-dataset-matches', yaml.positionOf(['documents', i, 'data']), { pattern: entry.data }));
    if (entry.name !== undefined && (glob || templates.length > 1)) {
      diagnostics.push(report('project/name-for-many', yaml.positionOf(['documents', i, 'name'], 'key'), { why: glob ? `\`data: ${entry.data}\` is a glob` : '`template:` is a list' }));
    }
    if (entry.name !== undefined && isWindowsReservedName(entry.name)) diagnostics.push(report('project/reserved-name', yaml.positionOf(['documents', i, 'name']), { name: entry.name, what: 'output name' }));
    for (const data of folders) {
      for (const template of templates) {
        const doc: DocumentConfig = { template, data, at };
        if (entry.name !== undefined) doc.name = entry.name;
        if (entry.format !== undefined) doc.format = entry.format;
        if (entry.locale !== undefined) doc.locale = entry.locale;
        documents.push(doc);
      }
    }
  });
  if (diagnostics.length) return { value: undefined, diagnostics };
  const outAt = isRecord(yaml.data) && 'out' in yaml.data ? yaml.positionOf(['out']) : { file, line: 1, column: 1 };
  const project: Project = { root, file, templatesDir: path.resolve(root, r.data.templates), outDir: path.resolve(root, r.data.out), outAt, limits: resolveLimits(r.data.limits), documents };
  if (r.data.brand !== undefined) project.brand = r.data.brand;
  if (r.data['reference-deck'] !== undefined) project.referenceDeck = { ...r.data['reference-deck'], at: yaml.positionOf(['reference-deck']) };
  return { value: project, diagnostics };
}
