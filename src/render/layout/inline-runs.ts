// Inline nodes → styled runs of text: bold and italic resolved, links and
// citation markers (`[3]`, raised and smaller, linking to the source list).
import type { Position } from '../../diagnostics/diagnostic.js';
import type { Inline } from '../../document/nodes.js';
import type { FontStyle } from '../../theme/theme.js';
import type { LinkTarget } from '../pdf/page-model.js';

export interface Run {
  text: string;
  font: FontStyle;
  sizePt: number;
  color: string;
  /** Raised by this many points (citations). */
  risePt: number;
  link?: LinkTarget;
  /** Text in another language (one object per `:lang` span, shared by its runs). */
  language?: { code: string };
  position: Position;
  /** Hard line break after this run. */
  breakAfter?: boolean;
}

export interface RunStyle {
  font: FontStyle;
  sizePt: number;
  color: string;
  linkColor: string;
  link?: LinkTarget;
  language?: { code: string };
}

function combine(a: FontStyle, add: 'bold' | 'italic'): FontStyle {
  // Bold in a heading keeps the heading's face (it is bold already).
  if (add === 'bold' && (a === 'heading' || a === 'subheading')) return a;
  if (add === 'bold') return a === 'italic' || a === 'boldItalic' ? 'boldItalic' : 'bold';
  return a === 'bold' || a === 'boldItalic' || a === 'semibold' || a === 'heading' || a === 'subheading' ? 'boldItalic' : 'italic';
}

export const sourceDest = (n: number) => `source-${n}`;
export const footnoteDest = (n: number) => `note-${n}`;

export function inlineRuns(nodes: readonly Inline[], style: RunStyle): Run[] {
  const runs: Run[] = [];
  const base = (position: Position, text: string, s: RunStyle): Run => {
    const r: Run = { text, font: s.font, sizePt: s.sizePt, color: s.link ? s.linkColor : s.color, risePt: 0, position };
    if (s.link) r.link = s.link;
    if (s.language) r.language = s.language;
    return r;
  };
  const marker = (position: Position, text: string, s: RunStyle, dest: string): Run => ({
    text,
    font: s.font === 'bold' || s.font === 'boldItalic' ? 'bold' : 'regular',
    sizePt: s.sizePt * 0.68,
    color: s.linkColor,
    risePt: s.sizePt * 0.33,
    link: { dest },
    position,
  });
  const walk = (list: readonly Inline[], s: RunStyle) => {
    for (const n of list) {
      switch (n.type) {
        case 'text':
          runs.push(base(n.position, n.value.replace(/\s+/g, ' '), s));
          break;
        case 'strong':
          walk(n.children, { ...s, font: combine(s.font, 'bold') });
          break;
        case 'emphasis':
          walk(n.children, { ...s, font: combine(s.font, 'italic') });
          break;
        case 'link':
          walk(n.children, { ...s, link: { url: n.url } });
          break;
        case 'lang':
          walk(n.children, { ...s, language: { code: n.lang } });
          break;
        case 'citation':
          runs.push(marker(n.position, `[${n.number}]`, s, sourceDest(n.number)));
          break;
        case 'footnote-ref':
          runs.push(marker(n.position, String(n.number), s, footnoteDest(n.number)));
          break;
        case 'break': {
          const last = runs[runs.length - 1];
          if (last) last.breakAfter = true;
          break;
        }
        default: {
          const never: never = n;
          return never;
        }
      }
    }
  };
  walk(nodes, style);
  return runs;
}
