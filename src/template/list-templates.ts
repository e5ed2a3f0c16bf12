// The template names a project can build: folders holding a document.md.hbs,
// in the project's templates folder and among briefdeck's standard ones.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { builtinTemplatesDir, standardTemplates } from '../util/package-dir.js';

export const templateExtension = '.md.hbs';

export function listTemplates(dirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const e of entries) if (existsSync(path.join(dir, e, `document${templateExtension}`))) names.add(e);
  }
  return [...names].sort();
}

const templateName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Template names a project can build: its own, and the standard ones. */
export function knownTemplates(templatesDir: string): string[] {
  return [...new Set([...listTemplates([templatesDir]), ...standardTemplates])].sort();
}

/** The folder holding template `name`: the project's, else briefdeck's own (the standard templates). */
export function templateHome(templatesDir: string, name: string): string | undefined {
  if (!templateName.test(name) || name.includes('..')) return undefined;
  if (existsSync(path.join(templatesDir, name, `document${templateExtension}`))) return templatesDir;
  const builtin = builtinTemplatesDir();
  if ((standardTemplates as readonly string[]).includes(name) && existsSync(path.join(builtin, name, `document${templateExtension}`))) return builtin;
  return undefined;
}

/** The main file of template `name` (the project's, else a standard one's). */
export function templateFile(templatesDir: string, name: string): string {
  return path.join(templateHome(templatesDir, name) ?? templatesDir, name, `document${templateExtension}`);
}
