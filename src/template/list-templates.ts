// The template names a project can build: folders holding a document.md.hbs,
// in the project's templates folder and among briefdeck's standard ones.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

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
