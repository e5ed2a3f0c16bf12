// Issue 9: diagnostics that say what they are once, under their own rule.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/document/front-matter.js';
import { loadProject } from '../../src/project.js';

describe('front matter errors', () => {
  const read = (yaml: string) => readFrontMatter(yaml, { file: 't.md.hbs', line: 1, column: 1 }, { date: '2025-01-01', dataAsOf: '2025-01-01', title: 'T', locale: 'en' }).diagnostics;

  it('say "front matter" once, for the block and for a field', () => {
    for (const yaml of ['- a list\n', 'titel: X\n', 'staleAfter: soon\n']) {
      const d = read(yaml);
      expect(d.length).toBeGreaterThan(0);
      for (const x of d) {
        expect(x.rule).toBe('document/bad-front-matter');
        expect(x.message).toMatch(/^front matter: /);
        expect(x.message).not.toMatch(/front matter:.*front matter/);
      }
    }
  });
});

describe('briefdeck.yaml errors', () => {
  it('carry the rule project/schema, not facts/schema', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-project-'));
    try {
      writeFileSync(path.join(dir, 'briefdeck.yaml'), 'documents:\n  - templat: brief\n    data: data/x\n');
      const d = loadProject(dir).diagnostics;
      expect(d.length).toBeGreaterThan(0);
      expect(new Set(d.map((x) => x.rule))).toEqual(new Set(['project/schema']));
      expect(d[0]!.position.file).toContain('briefdeck.yaml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
