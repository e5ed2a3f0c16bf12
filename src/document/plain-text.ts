// Inline nodes → their text without markup (slugs, bookmarks, labels).
import type { Inline } from './nodes.js';

export function plainText(n: Inline): string {
  switch (n.type) {
    case 'text':
      return n.value;
    case 'strong':
    case 'emphasis':
    case 'link':
    case 'lang':
      return n.children.map(plainText).join('');
    case 'citation':
    case 'footnote-ref':
      return '';
    case 'break':
      return ' ';
    default: {
      const never: never = n;
      return never;
    }
  }
}
