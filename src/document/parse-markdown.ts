// Markdown text → mdast (remark), with GitHub tables and footnotes,
// directives and YAML front matter.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown.normalize('NFC'));
}
