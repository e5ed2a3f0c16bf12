// Where briefdeck keeps caches that only save time. Deleting them is safe;
// BRIEFDECK_NO_CACHE=1 turns all of them off (for a first-build measurement).
//
// Two kinds, kept apart:
// - content caches (charts and their pictures, text shaping, font subsets
//   and coverage, parsed Markdown and data), keyed by a hash of everything
//   they depend on (fonts by their bytes), so any project may share them:
//   in the project's node_modules/.cache/briefdeck, or wherever
//   BRIEFDECK_CACHE_DIR says (a CI cache folder, or one for a project without
//   node_modules, which otherwise gets none);
// - what stays in the project's own node_modules/.cache/briefdeck: build
//   records (which outputs are up to date, src/batch/up-to-date.ts), which
//   describe this project's out/, and compiled templates, which are run as
//   code (src/template/expand-template.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';

export function cachesDisabled(): boolean {
  return process.env['BRIEFDECK_NO_CACHE'] === '1';
}

/** The content caches' folder, or undefined when there is none. */
export function cacheRoot(): string | undefined {
  if (cachesDisabled()) return undefined;
  const given = process.env['BRIEFDECK_CACHE_DIR'];
  return given ? path.resolve(given) : projectCacheRoot();
}

/** The project's own cache folder (the usual node_modules/.cache/<tool>), when the project has node_modules. */
export function projectCacheRoot(): string | undefined {
  if (cachesDisabled()) return undefined;
  const modules = path.join(process.cwd(), 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'briefdeck') : undefined;
}
