// The images stage: every image block of a document (in callouts and lists
// too) → its file checked and attached (`loaded`), or a diagnostic at the
// image. A path is read relative to the template file that holds it, else
// to the project folder (`images/map.png` from either); either way the file
// must lie inside the project (load-image reads through project-files).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { blocksOfType } from '../document/blocks-of-type.js';
import type { Document, Image } from '../document/nodes.js';
import type { Limits } from '../limits.js';
import { isDiagnostic } from '../util/project-files.js';
import { loadImage } from './load-image.js';

export function documentImages(doc: Document): Image[] {
  return blocksOfType(doc.children, 'image');
}

/** Where a path a template names is read from: next to that template if it is there, else under the project folder. */
export function besideOrUnder(src: string, from: string, root: string): string {
  const beside = path.resolve(path.dirname(from), src);
  return existsSync(beside) ? beside : path.resolve(root, src);
}

export function loadDocumentImages(doc: Document, opts: { root: string; limits: Pick<Limits, 'imagePixels' | 'imageBytes'> }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const image of documentImages(doc)) {
    const file = besideOrUnder(image.src, image.position.file, opts.root);
    const loaded = loadImage({ file, name: image.src, at: image.position, root: opts.root, limits: opts.limits, alt: image.alt });
    if (isDiagnostic(loaded)) diagnostics.push(loaded);
    else image.loaded = loaded;
  }
  return diagnostics;
}
