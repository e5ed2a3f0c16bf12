// A dataset folder → its `id` from dataset.yaml, without loading the rest:
// what output names are made of, known before any document is built.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from './load-yaml.js';

/** The id, or undefined when dataset.yaml cannot be read (loading the dataset reports why). */
export function datasetId(dir: string): string | undefined {
  const file = path.join(dir, 'dataset.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const data = parseYaml(file, text).value?.data as { id?: unknown } | undefined;
  return typeof data?.id === 'string' ? data.id : undefined;
}
