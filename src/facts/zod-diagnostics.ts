// zod issues → diagnostics positioned on the YAML node they are about.
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { YamlFile } from './load-yaml.js';

export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'missing required field' : `expected ${issue.expected}, ${issue.message.replace(/^.*(received)/, 'found')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    default:
      return issue.message;
  }
}

/** `rule`: `facts/schema` for dataset files, `project/schema` for briefdeck.yaml. */
export function zodDiagnostics(yaml: YamlFile, base: readonly PropertyKey[], error: z.ZodError, rule: 'facts/schema' | 'project/schema' = 'facts/schema'): Diagnostic[] {
  return error.issues.map((issue) => {
    const full = [...base, ...issue.path];
    const unknownKey = issue.code === 'unrecognized_keys' ? [...full, issue.keys[0]!] : full;
    const position = yaml.positionOf(unknownKey, issue.code === 'unrecognized_keys' ? 'key' : 'value');
    const pathText = full.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)';
    return report(rule, position, { path: pathText, detail: describeIssue(issue) });
  });
}
