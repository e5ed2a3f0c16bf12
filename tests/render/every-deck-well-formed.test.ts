// An invariant over every fixture: each deck it builds (its own deck
// template, or the standard deck when it has none) is a package PowerPoint
// opens without repair: every XML part (charts and embedded workbooks
// included) well formed, every relationship resolving, shape ids unique per
// slide, and every chart series with the index PowerPoint requires.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { fixtures } from '../helpers.js';
import { readPptx, wellFormed } from './read-pptx.js';

const decks = readdirSync(fixtures)
  .filter((name) => existsSync(path.join(fixtures, name, 'data', 'dataset.yaml')))
  .flatMap((name) => {
    // Its deck templates (`deck`, and others named `…-deck`, such as one on a reference deck), else the standard deck.
    const templates = path.join(fixtures, name, 'templates');
    const own = existsSync(templates) ? readdirSync(templates).filter((t) => t.endsWith('deck') && existsSync(path.join(templates, t, 'document.md.hbs'))) : [];
    return (own.length ? own : ['standard-deck']).flatMap((template) => (['en', 'vi'] as const).map((locale) => ({ name, template, locale })));
  });

describe.each(decks)('$name $template ($locale)', ({ name, template, locale }) => {
  it('is a package PowerPoint opens without repair', async () => {
    const dir = path.join(fixtures, name);
    const outcome = await buildPptx({ templatesDir: path.join(dir, 'templates'), template, dataDir: path.join(dir, 'data'), outDir: '/nonexistent', locale }, { write: false });
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await readPptx(outcome.pptx!);
    expect(deck.malformed).toEqual([]);
    expect(deck.dangling).toEqual([]);
    for (const s of deck.slides) expect(new Set(s.shapeIds).size).toBe(s.shapeIds.length);
    // The workbooks inside the charts are packages of their own.
    for (const workbook of deck.slides.flatMap((s) => s.charts.map((c) => c.workbook)).filter((w): w is string => !!w)) {
      const inner = await JSZip.loadAsync(await deck.zip.file(workbook)!.async('uint8array'));
      for (const part of Object.keys(inner.files).filter((n) => /\.(xml|rels)$/.test(n))) expect(wellFormed(await inner.file(part)!.async('string')), `${workbook}: ${part}`).toBe(true);
    }
    for (const chart of deck.names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
      const xml = await deck.zip.file(chart)!.async('string');
      const series = xml.match(/<c:ser>/g)?.length ?? 0;
      expect(xml.match(/<c:ser>\s*<c:idx /g)?.length ?? 0, chart).toBe(series);
    }
  });
});
