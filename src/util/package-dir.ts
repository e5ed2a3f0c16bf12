// Where briefdeck itself is installed: the standard templates ship in its
// `templates/` folder. Found by walking up from this code's folder, which is
// `src/util` when run from sources and `dist` when run from the bundle.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let found: string | undefined;

export function packageDir(): string {
  if (found) return found;
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'briefdeck') return (found = dir);
      } catch {
        // Not ours; keep looking.
      }
    }
    if (path.dirname(dir) === dir) return (found = path.resolve(import.meta.dirname, '..', '..'));
  }
}

/** The templates that come with briefdeck (the standard brief and deck): used when a project has no folder of that name. */
export function builtinTemplatesDir(): string {
  return path.join(packageDir(), 'templates');
}

/**
 * The templates briefdeck ships for any dataset, in build order: what a
 * dataset gets when briefdeck.yaml pairs it with none. (The example's own
 * templates sit beside them but are not offered to other projects.)
 */
export const standardTemplates = ['standard-brief', 'standard-deck'] as const;
