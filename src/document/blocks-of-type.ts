// Every block of one type in a document, nested ones too (in callouts,
// notes and list items), in document order: the charts to render, the
// images to load.
import type { Block } from './nodes.js';

export function blocksOfType<T extends Block['type']>(blocks: readonly Block[], type: T, out: Extract<Block, { type: T }>[] = []): Extract<Block, { type: T }>[] {
  for (const b of blocks) {
    if (b.type === type) out.push(b as Extract<Block, { type: T }>);
    else if (b.type === 'callout' || b.type === 'notes') blocksOfType(b.children, type, out);
    else if (b.type === 'list') for (const item of b.items) blocksOfType(item.children, type, out);
  }
  return out;
}
