// Where briefdeck keeps caches that only save time: the usual
// node_modules/.cache/<tool> of the project it runs in. Deleting it is safe;
// BRIEFDECK_NO_CACHE=1 turns all caches off (for a first-build measurement).
import { existsSync } from 'node:fs';
import path from 'node:path';

export function cachesDisabled(): boolean {
  return process.env['BRIEFDECK_NO_CACHE'] === '1';
}

export function cacheRoot(): string | undefined {
  if (cachesDisabled()) return undefined;
  const modules = path.join(process.cwd(), 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'briefdeck') : undefined;
}
