// Text from data → Markdown that prints it literally. `*`, `_`, `#`, `[`…
// in a fact value must not turn into emphasis, headings or links, and `:`
// must not start a directive.

const special = /[\\`*_{}[\]()<>#+!|~:^]/g;

export function escapeMarkdown(text: string): string {
  // Hyphen and dot only matter at line start (lists); data rarely starts a line.
  return text
    .normalize('NFC')
    .replace(special, (c) => `\\${c}`)
    .replace(/^(-|\d+[.)])(?=\s|$)/gm, (m) => m.replace(/([-.)])$/, '\\$1'));
}

/** Attribute value for a directive `{key="…"}`: micromark decodes character references there. */
export function escapeAttribute(text: string): string {
  return text.normalize('NFC').replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\n/g, ' ');
}
