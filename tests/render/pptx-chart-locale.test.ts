// A native chart's number format cannot carry a locale: PowerPoint shows it
// in the viewer's. So a `vi` deck's format codes must be locale-neutral Excel
// codes (`#,##0.0`: PowerPoint puts the viewer's separators in for `,` and
// `.`), the same codes as the `en` deck's, with no hard-coded separator,
// literal text or locale tag that would print 1.234,5 wrongly somewhere.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { fixtures } from '../helpers.js';
import { readPptx } from './read-pptx.js';

// One section: General, or digits placeholders with an optional thousands comma and decimals, optionally signed.
const SECTION = /^(General|-?#,##0(\.0+)?|-?0(\.0+)?)?$/;

const decks = [
  { name: 'fidelity', template: 'deck' },
  { name: 'units', template: 'deck' },
  { name: 'standard', template: 'standard-deck' },
];

async function formatCodes(name: string, template: string, locale: 'en' | 'vi') {
  const dir = path.join(fixtures, name);
  const outcome = await buildPptx({ templatesDir: path.join(dir, 'templates'), template, dataDir: path.join(dir, 'data'), outDir: '/nonexistent', locale }, { write: false });
  const deck = await readPptx(outcome.pptx!);
  return deck.slides.flatMap((s) => s.charts.flatMap((c) => c.formatCodes));
}

describe.each(decks)('$name: a vi deck’s native charts', ({ name, template }) => {
  it('use locale-neutral Excel format codes, the same as the en deck’s', async () => {
    const vi = await formatCodes(name, template, 'vi');
    expect(vi.length).toBeGreaterThan(0);
    for (const code of vi) {
      expect(code, code).not.toMatch(/\[\$|["\\\s\u00a0]/);
      for (const section of code.split(';')) expect(section, code).toMatch(SECTION);
    }
    // Data labels carry the data's decimals, zeros hidden: `#,##0.0;-#,##0.0;;` style.
    expect(vi.some((c) => /^#,##0(\.0+)?;-#,##0(\.0+)?;;$/.test(c))).toBe(true);
    expect(vi).toEqual(await formatCodes(name, template, 'en'));
  });
});
