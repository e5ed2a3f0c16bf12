// Markdown text → mdast (remark), with GitHub tables and footnotes,
// directives and YAML front matter.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { contentHash, diskMemo } from '../util/disk-memo.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

// The last few parses, by text: a rebuild whose Markdown did not change
// (prose and data as they were) skips the parser. Callers must not mutate
// the tree; markdownToDocument only reads it.
const recent = new Map<string, Root>();

export function parseMarkdown(markdown: string): Root {
  const text = markdown.normalize('NFC');
  let root = recent.get(text);
  if (!root) {
    // The tree is plain JSON (unist), so it keeps on disk as it is.
    root = diskMemo('markdown', contentHash('mdast', text), () => processor.parse(text));
    recent.set(text, root);
    if (recent.size > 4) recent.delete(recent.keys().next().value!);
  }
  return root;
}
