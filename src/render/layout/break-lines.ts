// Styled runs → lines no wider than the measure, by greedy word wrapping
// with widths from the real font. A word longer than a whole line (a URL)
// is split between characters rather than run past the margin.
import type { FontSet } from '../../theme/fonts.js';
import type { Run } from './inline-runs.js';

export interface Segment {
  x: number;
  text: string;
  width: number;
  run: Run;
}

export interface Line {
  segments: Segment[];
  widthPt: number;
  heightPt: number;
  /** Baseline distance from the line's top. */
  baselinePt: number;
  /** The line ends where a space separated two words: text extraction and screen readers need that space written (ISO 32000-1 §14.8.2.5). */
  spaceAfter?: boolean;
}

interface Token {
  text: string;
  run: Run;
  width: number;
  space: boolean;
  hardBreak: boolean;
}

function tokenize(runs: readonly Run[], fonts: FontSet): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const parts = run.text.split(/( +)/).filter((p) => p !== '');
    for (const p of parts) {
      const space = p.trim() === '';
      const text = space ? ' ' : p;
      tokens.push({ text, run, width: fonts.measure(text, run.font, run.sizePt), space, hardBreak: false });
    }
    if (run.breakAfter) tokens.push({ text: '', run, width: 0, space: false, hardBreak: true });
  }
  return tokens;
}

/** Split one over-long token into pieces that each fit `maxWidth`. */
function splitToken(t: Token, maxWidth: number, fonts: FontSet): Token[] {
  const out: Token[] = [];
  let current = '';
  for (const ch of t.text) {
    const next = current + ch;
    if (current && fonts.measure(next, t.run.font, t.run.sizePt) > maxWidth) {
      out.push({ ...t, text: current, width: fonts.measure(current, t.run.font, t.run.sizePt) });
      current = ch;
    } else current = next;
  }
  if (current) out.push({ ...t, text: current, width: fonts.measure(current, t.run.font, t.run.sizePt) });
  return out;
}

export function breakLines(runs: readonly Run[], maxWidth: number, lineHeight: number, fonts: FontSet): Line[] {
  const tokens = tokenize(runs, fonts);
  // Words: maximal sequences of non-space tokens (a citation marker sticks to its word).
  const lines: Token[][] = [];
  /** Lines that end at a space the wrapping dropped. */
  const wrappedAtSpace = new Set<number>();
  let line: Token[] = [];
  let width = 0;
  let pendingSpace: Token | undefined;
  let i = 0;
  const flush = () => {
    lines.push(line);
    line = [];
    width = 0;
    pendingSpace = undefined;
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.hardBreak) {
      flush();
      i++;
      continue;
    }
    if (t.space) {
      if (line.length) pendingSpace = t;
      i++;
      continue;
    }
    let j = i;
    const word: Token[] = [];
    while (j < tokens.length && !tokens[j]!.space && !tokens[j]!.hardBreak) word.push(tokens[j++]!);
    const wordWidth = word.reduce((s, w) => s + w.width, 0);
    const spaceWidth = pendingSpace ? pendingSpace.width : 0;
    if (line.length && width + spaceWidth + wordWidth > maxWidth) {
      if (pendingSpace) wrappedAtSpace.add(lines.length);
      flush();
    }
    if (!line.length && wordWidth > maxWidth) {
      // Place the over-long word piece by piece.
      for (const piece of word.flatMap((w) => (w.width > maxWidth ? splitToken(w, maxWidth, fonts) : [w]))) {
        if (line.length && width + piece.width > maxWidth) flush();
        line.push(piece);
        width += piece.width;
      }
    } else {
      if (line.length && pendingSpace) {
        line.push(pendingSpace);
        width += pendingSpace.width;
      }
      line.push(...word);
      width += wordWidth;
    }
    pendingSpace = undefined;
    i = j;
  }
  if (line.length || lines.length === 0) lines.push(line);
  return lines.map((l, i) => {
    const placed = place(l, runs[0], lineHeight, fonts);
    if (wrappedAtSpace.has(i)) placed.spaceAfter = true;
    return placed;
  });
}

function place(tokens: Token[], first: Run | undefined, lineHeight: number, fonts: FontSet): Line {
  // Merge neighbours of the same run into one segment: fewer, longer text items.
  // Widths are sums of the word widths already measured: pdfkit shapes word
  // by word too (no kerning across spaces), so the sum is what it draws.
  const segments: Segment[] = [];
  let x = 0;
  for (const t of tokens) {
    const last = segments[segments.length - 1];
    if (last && last.run === t.run) {
      last.text += t.text;
      last.width += t.width;
    } else {
      segments.push({ x, text: t.text, width: t.width, run: t.run });
    }
    x += t.width;
  }
  // A trailing space is not drawn and does not count.
  for (const s of segments) {
    if (s.text.endsWith(' ')) {
      s.text = s.text.trimEnd();
      s.width = Math.max(0, s.width - fonts.measure(' ', s.run.font, s.run.sizePt));
    }
  }
  const sized = tokens.filter((t) => t.run.risePt === 0).map((t) => t.run);
  const main = sized.length ? sized.reduce((a, b) => (b.sizePt > a.sizePt ? b : a)) : (tokens[0]?.run ?? first);
  const sizePt = main?.sizePt ?? 10;
  const { ascent, descent } = fonts.verticalMetrics(main?.font ?? 'regular', sizePt);
  const heightPt = sizePt * lineHeight;
  const baselinePt = (heightPt - (ascent + descent)) / 2 + ascent;
  const widthPt = segments.length ? segments[segments.length - 1]!.x + segments[segments.length - 1]!.width : 0;
  return { segments, widthPt, heightPt, baselinePt };
}
