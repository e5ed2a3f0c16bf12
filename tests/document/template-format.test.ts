// `format:` read from a template's raw front matter, before Handlebars runs.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { templateFormat } from '../../src/document/front-matter.js';

describe('templateFormat', () => {
  it('reads a literal format, also when the rest of the block holds Handlebars', () => {
    expect(templateFormat('t.md.hbs', '---\ntitle: {{dataset.title}}\nformat: pptx\n---\n# Hi\n')).toEqual({ format: 'pptx', diagnostics: [] });
    expect(templateFormat('t.md.hbs', '---\ntitle: "{{dataset.title}}"\nformat: pdf\n---\n')).toEqual({ format: 'pdf', diagnostics: [] });
  });

  it('looks past Handlebars comments above the block, and counts their lines', () => {
    const r = templateFormat('t.md.hbs', '{{!-- a note\n over two lines --}}\n{{! one more }}\n---\ntitle: x\nformat: slides\n---\n');
    expect(r.diagnostics.map((d) => [d.position.line, d.position.column])).toEqual([[6, 9]]);
    expect(templateFormat('t.md.hbs', '{{! deck }}\n---\nformat: pptx\n---\n').format).toBe('pptx');
  });

  it('finds none without front matter or without format:', () => {
    expect(templateFormat('t.md.hbs', '# Hi\n\n---\nformat: pptx\n---\n')).toEqual({ diagnostics: [] });
    expect(templateFormat('t.md.hbs', '---\ntitle: x\n---\n')).toEqual({ diagnostics: [] });
  });

  it('reports a bad value with its position', () => {
    const r = templateFormat('t.md.hbs', '---\ntitle: x\nformat:   "{{format}}"\n---\n');
    expect(r.format).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ rule: 'document/bad-format', position: { file: 't.md.hbs', line: 3, column: 11 }, message: messages['document/bad-format'].text({ found: '"{{format}}"', expected: ['pdf', 'pptx'] }) }),
    ]);
  });
});
