// dataset.yaml `units:` → the dataset's unit table: the built-in units, with
// each declared unit added or overriding the built-in of the same name. Each
// declaration is checked on its own, so one bad unit hides no other.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YamlFile } from './load-yaml.js';
import { unitDeclarationSchema } from './unit-schema.js';
import { builtInUnits, unitFromDeclaration, type UnitDeclaration, type UnitTable } from './units.js';
import { zodDiagnostics } from './zod-diagnostics.js';

export function loadUnits(yaml: YamlFile | undefined, declared: Record<string, unknown>, diagnostics: Diagnostic[]): UnitTable {
  const table = builtInUnits();
  for (const [name, raw] of Object.entries(declared)) {
    const r = unitDeclarationSchema.safeParse(raw ?? {});
    if (r.success) table[name] = unitFromDeclaration(name, r.data as UnitDeclaration);
    else {
      if (yaml) diagnostics.push(...zodDiagnostics(yaml, ['units', name], r.error));
      // Still a known name, so facts using it are not reported a second time as unknown.
      table[name] = unitFromDeclaration(name, {});
    }
  }
  return table;
}
