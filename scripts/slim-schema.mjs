// Vega-Lite's JSON schema with only the keywords src/charts/validate-spec.ts
// reads. Its descriptions are most of its 1.9 MB: the bundle ships this
// slim copy (scripts/bundle.mjs), a sixth of the size, which a cold build
// parses in a third of the time. Property names are kept whatever they are
// (Vega-Lite has a property called `description`).

/** The schema keywords validate-spec.ts reads; everything else is dropped. */
export const keptKeywords = ['$ref', 'anyOf', 'oneOf', 'const', 'enum', 'type', 'properties', 'additionalProperties', 'items'];

function slim(schema) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const key of keptKeywords) {
    if (!(key in schema)) continue;
    const v = schema[key];
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, slim(s)]));
    else if (key === 'anyOf' || key === 'oneOf') out[key] = v.map(slim);
    else if (key === 'items' || key === 'additionalProperties') out[key] = slim(v);
    else out[key] = v;
  }
  return out;
}

/** `{ definitions }` of the full schema → the same, slim. */
export function slimSchema(schema) {
  return { definitions: Object.fromEntries(Object.entries(schema.definitions).map(([name, s]) => [name, slim(s)])) };
}
