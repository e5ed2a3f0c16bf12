// The text before a citation marker → where in it the cited number sits
// (`was US$260.65 billion according to China's customs[1]`: the figure, not
// the words after it). Used by the preview's provenance map for slides and pages.

/** A number with what belongs to it: sign, currency, decimals, a scale or unit word. */
const numberPattern = /(?:(?:over|about|under|hơn|khoảng|dưới) )?[-+−]?(?:US\$|\$|€|£|¥)?\d(?:[\d.,\u00a0\u202f]*\d)?(?:\s?(?:%|percentage points|percent|pp|trillion|billion|million|thousand|bn|m|tỷ|triệu|nghìn|điểm %|điểm phần trăm)(?![\p{L}]))?(?:\s?(?:USD|EUR|VND))?/gu;

export interface Span {
  start: number;
  end: number;
}

/**
 * Where the cited figure is in `text`: the last place one of `printed` (the
 * facts' values as printed) occurs; else the last number with a unit or
 * currency; else the last number. Undefined when there is none.
 */
export function citedNumberSpan(text: string, printed: readonly string[] = []): Span | undefined {
  let best: Span | undefined;
  for (const p of printed) {
    const at = p ? text.lastIndexOf(p) : -1;
    if (at >= 0 && (!best || at > best.start)) best = { start: at, end: at + p.length };
  }
  if (best) return best;
  const found = [...text.matchAll(numberPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, unit: /[^\d.,\s\u00a0\u202f+\-−]/.test(m[0]) }));
  const withUnit = found.filter((f) => f.unit);
  const pick = withUnit[withUnit.length - 1] ?? found[found.length - 1];
  return pick && { start: pick.start, end: pick.end };
}
