// fontkit with `create` memoised per buffer, and text shaping cached per
// font. pdfkit calls fontkit.create() for every document it writes, and
// each new Font object decodes its cmap, GSUB, GPOS and glyph tables again;
// pdfkit's own shaping cache lives only as long as one document. The bundle
// (scripts/bundle.mjs) routes every `import 'fontkit'` here, so the font
// parsed for measuring text is the very object pdfkit draws with, and a
// word shaped once is never shaped again in the process.
import * as fontkit from 'fontkit';

export * from 'fontkit';

type Font = ReturnType<typeof fontkit.create> & fontkit.Font;
type Run = ReturnType<fontkit.Font['layout']>;

/** A copy of a shaped run: pdfkit scales `positions` in place, so each caller gets its own. */
class RunCopy {
  constructor(
    readonly glyphs: Run['glyphs'],
    readonly positions: Run['positions'],
  ) {}
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

function withShapingCache(font: Font): Font {
  const shaped = new Map<string, Run>();
  const layout = font.layout.bind(font);
  font.layout = ((text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length > 0) return layout(text, features as never, ...(rest as []));
    let run = shaped.get(text);
    if (!run) {
      // pdfkit shapes "word " (with its space); compose it from "word" and " ",
      // which the layout stage has already shaped while measuring.
      const last = text[text.length - 1];
      if (text.length > 1 && (last === ' ' || last === '\t') && !/\s/.test(text[text.length - 2]!)) {
        const word = font.layout(text.slice(0, -1)) as unknown as RunCopy;
        const space = font.layout(last) as unknown as RunCopy;
        run = new RunCopy([...word.glyphs, ...space.glyphs], [...word.positions, ...space.positions]) as unknown as Run;
      } else run = layout(text);
      shaped.set(text, run);
    }
    return new RunCopy(run.glyphs, run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }) as Run['positions'][number])) as unknown as Run;
  }) as Font['layout'];
  return font;
}

const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();

export function create(buffer: Uint8Array, postscriptName?: string): ReturnType<typeof fontkit.create> {
  if (postscriptName) return fontkit.create(buffer as Buffer, postscriptName);
  let font = parsed.get(buffer);
  if (!font) {
    const created = fontkit.create(buffer as Buffer);
    font = 'layout' in created ? withShapingCache(created as Font) : created;
    parsed.set(buffer, font);
  }
  return font;
}
