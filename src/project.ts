// The project file (`briefdeck.yaml`, like Quarto's `_quarto.yml`): which
// documents `briefdeck build` makes, from which template and dataset.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic, Result } from './diagnostics/diagnostic.js';
import { parseYaml } from './facts/load-yaml.js';
import { zodDiagnostics } from './facts/zod-diagnostics.js';

export const projectFileName = 'briefdeck.yaml';

const documentSchema = z.strictObject({
  /** Output file name without extension; defaults to `<dataset id>-<template>`. */
  name: z.string().regex(/^[A-Za-z0-9._-]+$/).optional(),
  template: z.string().min(1),
  data: z.string().min(1),
  format: z.enum(['pdf', 'pptx']).default('pdf'),
  locale: z.enum(['en', 'vi']).optional(),
});

const projectSchema = z.strictObject({
  templates: z.string().default('templates'),
  out: z.string().default('out'),
  documents: z.array(documentSchema).min(1),
});

export type DocumentConfig = z.output<typeof documentSchema>;

export interface Project {
  root: string;
  templatesDir: string;
  outDir: string;
  documents: DocumentConfig[];
}

/** The project file, or defaults when there is none (`templates/`, `out/`, no documents). */
export function loadProject(root: string): Result<Project | undefined> {
  const file = path.join(root, projectFileName);
  const defaults: Project = { root, templatesDir: path.join(root, 'templates'), outDir: path.join(root, 'out'), documents: [] };
  if (!existsSync(file)) return { value: defaults, diagnostics: [] };
  const parsed = parseYaml(file, readFileSync(file, 'utf8'));
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const r = projectSchema.safeParse(parsed.value.data ?? {});
  if (!r.success) return { value: undefined, diagnostics: zodDiagnostics(parsed.value, [], r.error) };
  const diagnostics: Diagnostic[] = [];
  return {
    value: { root, templatesDir: path.resolve(root, r.data.templates), outDir: path.resolve(root, r.data.out), documents: r.data.documents.map((d) => ({ ...d, data: path.resolve(root, d.data) })) },
    diagnostics,
  };
}
