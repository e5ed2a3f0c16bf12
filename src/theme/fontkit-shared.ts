// fontkit with `create` memoised per buffer, and text shaping cached per
// font, in memory and on disk. pdfkit calls fontkit.create() for every
// document it writes, and each new Font object decodes its cmap, GSUB, GPOS
// and glyph tables again; pdfkit's own shaping cache lives only as long as
// one document. The bundle (scripts/bundle.mjs) routes every
// `import 'fontkit'` here, so the font parsed for measuring text is the very
// object pdfkit draws with, and a word shaped once is not shaped again, in
// this process or (through the cache folder's shaping/, src/util/cache-dir.ts) the next.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { writeFileAtomic } from '../util/atomic-write.js';
import { cacheRoot } from '../util/cache-dir.js';
import { atExit } from '../util/at-exit.js';

export * from 'fontkit';

type Font = ReturnType<typeof fontkit.create> & fontkit.Font;
type Run = ReturnType<fontkit.Font['layout']>;
type Position = Run['positions'][number];

/** A copy of a shaped run: pdfkit scales `positions` in place, so each caller gets its own. */
class RunCopy {
  constructor(
    readonly glyphs: Run['glyphs'],
    readonly positions: Position[],
  ) {}
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/** A shaped run as stored on disk: glyph ids, their code points, and x/y advance and offset. */
interface StoredRun {
  g: number[];
  c: number[][];
  p: number[];
}

const copyPositions = (ps: readonly Position[]): Position[] => ps.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }) as Position);

/** SHA-1 of the bytes each font was made from (`create`): what the disk caches of a font key on. */
const bytesHashes = new WeakMap<object, string>();

/** The hash of the bytes `font` was parsed from, when it came through `create` here. */
export function fontBytesHash(font: object): string | undefined {
  return bytesHashes.get(font);
}

function diskStore(font: Font): { stored: Map<string, StoredRun>; record(text: string, run: Run): void } {
  const root = cacheRoot();
  const digest = bytesHashes.get(font)!.slice(0, 12);
  const file = root && path.join(root, 'shaping', `${font.postscriptName}-${digest}.json`);
  let stored = new Map<string, StoredRun>();
  if (file) {
    try {
      stored = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, StoredRun>));
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }
  let added = 0;
  const flush = () => {
    if (!file || added === 0) return;
    added = 0;
    try {
      writeFileAtomic(file, JSON.stringify(Object.fromEntries(stored)));
    } catch {
      // Only time is lost.
    }
  };
  return {
    stored,
    record(text, run) {
      stored.set(text, { g: run.glyphs.map((g) => g.id), c: run.glyphs.map((g) => g.codePoints), p: run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]) });
      if (added++ === 0) atExit(flush);
    },
  };
}

function withShapingCache(font: Font): Font {
  const shaped = new Map<string, { glyphs: Run['glyphs']; positions: Position[] }>();
  const disk = diskStore(font);
  const layout = font.layout.bind(font);
  const shape = (text: string): { glyphs: Run['glyphs']; positions: Position[] } => {
    const s = disk.stored.get(text);
    if (s) {
      const positions: Position[] = [];
      for (let i = 0; i < s.g.length; i++) positions.push({ xAdvance: s.p[4 * i]!, yAdvance: s.p[4 * i + 1]!, xOffset: s.p[4 * i + 2]!, yOffset: s.p[4 * i + 3]! } as Position);
      return { glyphs: s.g.map((id, i) => font.getGlyph(id, s.c[i])), positions };
    }
    // pdfkit shapes "word " (with its space); compose it from "word" and " ",
    // which the layout stage has already shaped while measuring.
    const last = text[text.length - 1];
    if (text.length > 1 && (last === ' ' || last === '\t') && !/\s/.test(text[text.length - 2]!)) {
      const word = font.layout(text.slice(0, -1)) as unknown as RunCopy;
      const space = font.layout(last) as unknown as RunCopy;
      return { glyphs: [...word.glyphs, ...space.glyphs], positions: [...word.positions, ...space.positions] };
    }
    const run = layout(text);
    disk.record(text, run);
    return { glyphs: run.glyphs, positions: copyPositions(run.positions) };
  };
  font.layout = ((text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length > 0) return layout(text, features as never, ...(rest as []));
    let run = shaped.get(text);
    if (!run) {
      run = shape(text);
      shaped.set(text, run);
    }
    return new RunCopy(run.glyphs, copyPositions(run.positions)) as unknown as Run;
  }) as Font['layout'];
  return font;
}

const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();

export function create(buffer: Uint8Array, postscriptName?: string): ReturnType<typeof fontkit.create> {
  if (postscriptName) return fontkit.create(buffer as Buffer, postscriptName);
  let font = parsed.get(buffer);
  if (!font) {
    const created = fontkit.create(buffer as Buffer);
    bytesHashes.set(created, createHash('sha1').update(buffer).digest('hex'));
    font = 'layout' in created ? withShapingCache(created as Font) : created;
    parsed.set(buffer, font);
  }
  return font;
}
