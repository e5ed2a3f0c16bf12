// A dataset folder → its `id` from dataset.yaml, without loading the rest:
// what output names are made of, known before any document is built.
import path from 'node:path';
import { isDiagnostic, maxTextBytes, readProjectFile } from '../util/project-files.js';
import { LRUCache } from 'lru-cache';
import { contentHash, diskMemo } from '../util/disk-memo.js';
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
  // Kept by the file's text (in this process, and on disk): a build whose documents are all up to date
  // parsed every dataset.yaml for its id alone (33 ms of the 40-chart project's 290 ms).
  let id = recent.get(read.text);
  if (id === undefined) {
    id = diskMemo('dataset-ids', contentHash('dataset-id', read.text), () => {
      const data = parseYaml(file, read.text).value?.data as { id?: unknown } | undefined;
      return { id: typeof data?.id === 'string' ? data.id : null };
    });
    recent.set(read.text, id);
  }
  return id.id ?? undefined;
}

const recent = new LRUCache<string, { id: string | null }>({ max: 256 });
