// `reference-deck:` (briefdeck.yaml or a deck's front matter) → the
// template read and checked, the frame our slides are laid out in, and the
// layout part each kind of slide goes on. The file is read through
// project-files (inside the project, size-checked); a layout name the
// template lacks is a warning and the nearest sensible layout is used.
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { ReferenceDeckConfig } from '../document/nodes.js';
import type { SlideFrame } from '../render/pptx/document-to-slides.js';
import { defaultLayoutNames, layoutKinds, type LayoutKind } from '../render/pptx/layout-kinds.js';
import type { ReferenceDeck } from '../render/pptx/reference-deck.js';
import { besideOrUnder } from '../images/document-images.js';
import { isDiagnostic, readProjectBytes } from '../util/project-files.js';

/** A corporate template is a few MB; its pictures make most of it. */
export const maxReferenceDeckBytes = 50 * 1024 * 1024;

export interface LoadedReferenceDeck {
  deck: ReferenceDeck;
  frame: SlideFrame;
  /** The layout part each kind of slide goes on. */
  parts: Record<LayoutKind, string>;
}

export async function loadReferenceDeck(config: ReferenceDeckConfig, opts: { root: string; file: string; at: Position }): Promise<{ value?: LoadedReferenceDeck; diagnostics: Diagnostic[] }> {
  const read = readProjectBytes(opts.file, { root: opts.root, maxBytes: maxReferenceDeckBytes, what: 'reference deck', name: config.file, at: opts.at });
  if (isDiagnostic(read)) return { diagnostics: [read] };
  // The zip library loads only when a deck is built on a reference deck.
  const { layoutPart, readReferenceDeck, referenceFrame } = await import('../render/pptx/reference-deck.js');
  const deck = await readReferenceDeck(read.bytes);
  if (typeof deck === 'string') return { diagnostics: [report('brand/bad-reference-deck', opts.at, { path: config.file, detail: deck })] };
  const diagnostics: Diagnostic[] = [];
  const known = [...deck.layouts.keys()];
  const first = deck.layouts.values().next().value!;
  const parts = {} as Record<LayoutKind, string>;
  // Content first: a missing "Title Only" falls back to it.
  for (const kind of ['content', ...layoutKinds.filter((k) => k !== 'content')] as LayoutKind[]) {
    const name = config.layouts?.[kind] ?? defaultLayoutNames[kind];
    const part = layoutPart(deck, name);
    if (part) {
      parts[kind] = part;
      continue;
    }
    parts[kind] = kind === 'title-only' ? parts.content : first;
    const used = [...deck.layouts].find(([, p]) => p === parts[kind])![0];
    diagnostics.push(report('brand/missing-layout', opts.at, { path: config.file, name, kind, used, known }));
  }
  return { value: { deck, frame: await referenceFrame(deck, parts.content), parts }, diagnostics };
}

/** Where a deck's reference deck is read from: a front matter path relative to the template that names it, else under the project; briefdeck.yaml's relative to the project. */
export function referenceDeckFile(config: ReferenceDeckConfig, from: 'front-matter' | 'project', templateFile: string, root: string): string {
  return from === 'front-matter' ? besideOrUnder(config.file, templateFile, root) : path.resolve(root, config.file);
}
