// A dataset folder → its `id` from dataset.yaml, without loading the rest:
// what output names are made of, known before any document is built.
import path from 'node:path';
import { isDiagnostic, maxTextBytes, readProjectFile } from '../util/project-files.js';
import { parseYaml } from './load-yaml.js';

/**
 * The id, or undefined when dataset.yaml cannot (or, outside project folder
 * `root`, may not) be read: loading the dataset reports why. `root`
 * defaults to the dataset folder's grandparent, as in `loadDataset`.
 */
export function datasetId(dir: string, root = path.dirname(path.dirname(path.resolve(dir)))): string | undefined {
  const file = path.join(dir, 'dataset.yaml');
  const read = readProjectFile(file, { root, maxBytes: maxTextBytes, what: 'dataset description' });
  if (isDiagnostic(read)) return undefined;
  const data = parseYaml(file, read.text).value?.data as { id?: unknown } | undefined;
  return typeof data?.id === 'string' ? data.id : undefined;
}
