// A small XML reader for the SVG that Vega's SVG renderer writes (elements,
// double-quoted attributes, escaped text; no comments, CDATA or doctype).
// Anything else is refused (undefined), leaving the chart to svg-to-pdfkit.

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
}
export type SvgNode = SvgElement | string;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character references replaced, or undefined for a stray `&` or an unknown entity. */
function decode(s: string): string | undefined {
  if (!s.includes('&')) return s;
  let bad = false;
  const out = s.replace(/&([^;&\s]*)(;?)/g, (_, e: string, semi: string) => {
    let cp: number | undefined;
    if (/^#x[0-9a-f]+$/i.test(e)) cp = parseInt(e.slice(2), 16);
    else if (/^#\d+$/.test(e)) cp = Number(e.slice(1));
    const text = cp !== undefined ? (cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined) : entities[e];
    if (!semi || text === undefined) bad = true;
    return text ?? '';
  });
  return bad ? undefined : out;
}

const tagPattern = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/y;
const attrPattern = /\s+([\w:.-]+)="([^"]*)"/g;

export function parseSvg(xml: string): SvgElement | undefined {
  const root: SvgElement = { tag: '#root', attrs: {}, children: [] };
  const stack: SvgElement[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const text = decode(xml.slice(i, textEnd));
      if (text === undefined) return undefined;
      stack[stack.length - 1]!.children.push(text);
    }
    if (lt < 0) break;
    tagPattern.lastIndex = lt;
    const m = tagPattern.exec(xml);
    if (!m) return undefined;
    const [, closing, tag, attrText, selfClosing] = m;
    if (closing) {
      if (stack.length < 2 || stack[stack.length - 1]!.tag !== tag || attrText || selfClosing) return undefined;
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(attrPattern)) {
        const value = decode(a[2]!);
        if (value === undefined) return undefined;
        attrs[a[1]!] = value;
      }
      const el: SvgElement = { tag: tag!, attrs, children: [] };
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = tagPattern.lastIndex;
  }
  if (stack.length !== 1) return undefined;
  const elements = root.children.filter((c): c is SvgElement => typeof c !== 'string');
  const onlySpace = root.children.every((c) => typeof c !== 'string' || !c.trim());
  return elements.length === 1 && elements[0]!.tag === 'svg' && onlySpace ? elements[0] : undefined;
}
