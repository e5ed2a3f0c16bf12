// A chart spec's structure, checked against Vega-Lite's own JSON schema
// (vega-lite/build/vega-lite-schema.json) before it is compiled: Vega-Lite
// trusts its input, and a wrong shape ("mark": "bars", a channel given as a
// string) fails deep inside it ("Cannot read properties of undefined
// (reading 'filled')"). No validator library is installed, so this reads the
// schema for what it checks: the mark (type and properties), each encoding
// channel (its name, its shape, its property types, `type`), `data`, in
// every view (layers and concatenations too). Each problem names the JSON
// pointer and sits at the line of the offending key.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { suggest } from '../util/suggest.js';

/** The keywords read here; scripts/slim-schema.mjs keeps these (and must keep any read later). */
type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
};

let definitions: Record<string, Schema> | undefined;

/** The bundle's copy of the schema without what is not checked here (scripts/slim-schema.mjs), beside the bundle; run from sources, the package's own. */
function schemaFile(): string {
  const slim = path.join(import.meta.dirname, 'vega-lite-schema.slim.json');
  return existsSync(slim) ? slim : createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json');
}

function schemaDefinitions(): Record<string, Schema> {
  definitions ??= (JSON.parse(readFileSync(schemaFile(), 'utf8')) as { definitions: Record<string, Schema> }).definitions;
  return definitions;
}

function resolve(s: Schema): Schema {
  let out = s;
  for (let i = 0; out.$ref && i < 10; i++) out = schemaDefinitions()[out.$ref.replace('#/definitions/', '')] ?? {};
  return out;
}

/** The alternatives a schema allows, references resolved and unions flattened. */
function branches(s: Schema, depth = 0): Schema[] {
  const r = resolve(s);
  const alts = r.anyOf ?? r.oneOf;
  if (!alts || depth > 6) return [r];
  return alts.flatMap((a) => branches(a, depth + 1));
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typesOf(b: Schema): string[] | undefined {
  if (b.const !== undefined) return [jsonType(b.const)];
  if (b.enum) return b.enum.map(jsonType);
  if (b.type) return Array.isArray(b.type) ? b.type : [b.type];
  if (b.properties) return ['object'];
  return undefined;
}

function accepts(b: Schema, v: unknown): boolean {
  if (b.const !== undefined) return b.const === v;
  if (b.enum) return b.enum.includes(v);
  const types = typesOf(b);
  if (!types) return true;
  const t = jsonType(v);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** What the schema expects, in words: "one of "bar", "line", …" or "boolean or object". */
function expected(bs: Schema[]): string {
  // (Several branches can list the same values: `type` is in two unions.)
  const values = [...new Set(bs.flatMap((b) => (b.enum ? b.enum : b.const !== undefined ? [b.const] : [])))];
  const types = [...new Set(bs.filter((b) => !b.enum && b.const === undefined).flatMap((b) => typesOf(b) ?? []))].map((t) => (t === 'integer' ? 'number' : t));
  const parts = [...(values.length ? [`one of ${values.slice(0, 14).map(show).join(', ')}${values.length > 14 ? ', …' : ''}`] : []), ...new Set(types)];
  return parts.join(' or ');
}

interface Problem {
  pointer: string[];
  detail: string;
}

/** A value against a schema, two levels deep into objects (encoding → channel → its properties): names and types. */
function checkValue(v: unknown, s: Schema, pointer: string[], out: Problem[], depth = 0): void {
  const bs = branches(s);
  const fitting = bs.filter((b) => accepts(b, v));
  if (fitting.length === 0) {
    out.push({ pointer, detail: `expected ${expected(bs)}, found ${show(v)}` });
    return;
  }
  if (depth > 1 || jsonType(v) !== 'object') return;
  const objects = fitting.filter((b) => b.properties);
  if (objects.length === 0) return;
  const props = new Map<string, Schema[]>();
  for (const b of objects) for (const [k, p] of Object.entries(b.properties!)) props.set(k, [...(props.get(k) ?? []), p]);
  const open = objects.some((b) => b.additionalProperties !== false);
  for (const [k, pv] of Object.entries(v as Record<string, unknown>)) {
    const ps = props.get(k);
    if (!ps) {
      if (!open) {
        const near = suggest(k, [...props.keys()]);
        out.push({ pointer: [...pointer, k], detail: `unknown property \`${k}\`${near.length ? `; did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : ''}` });
      }
      continue;
    }
    checkValue(pv, { anyOf: ps }, [...pointer, k], out, depth + 1);
  }
}

const viewKeys = ['mark', 'layer', 'facet', 'hconcat', 'vconcat', 'concat', 'repeat'];

function checkView(view: unknown, pointer: string[], out: Problem[]): void {
  if (!view || typeof view !== 'object' || Array.isArray(view)) {
    out.push({ pointer, detail: `expected a view (an object), found ${show(view)}` });
    return;
  }
  const v = view as Record<string, unknown>;
  if (!viewKeys.some((k) => k in v)) out.push({ pointer, detail: `a view needs \`mark\` (or \`layer\`, \`hconcat\`, \`vconcat\`, \`concat\`, \`facet\`, \`repeat\`)` });
  if ('mark' in v) {
    const mark = v['mark'];
    if (mark && typeof mark === 'object' && !Array.isArray(mark) && !('type' in mark)) out.push({ pointer: [...pointer, 'mark'], detail: 'a mark object needs `type` (e.g. "bar")' });
    else checkValue(mark, { anyOf: [{ $ref: '#/definitions/Mark' }, { $ref: '#/definitions/MarkDef' }] }, [...pointer, 'mark'], out);
  }
  if ('encoding' in v) checkValue(v['encoding'], { $ref: '#/definitions/FacetedEncoding' }, [...pointer, 'encoding'], out);
  if ('data' in v && v['data'] !== null) checkValue(v['data'], { $ref: '#/definitions/Data' }, [...pointer, 'data'], out);
  for (const k of ['layer', 'hconcat', 'vconcat', 'concat'] as const) {
    if (!(k in v)) continue;
    const list = v[k];
    if (!Array.isArray(list)) out.push({ pointer: [...pointer, k], detail: `expected an array of views, found ${show(list)}` });
    else list.forEach((sub, i) => checkView(sub, [...pointer, k, String(i)], out));
  }
  if (v['spec'] && typeof v['spec'] === 'object') checkView(v['spec'], [...pointer, 'spec'], out);
}

/** Line and column of the key a pointer ends at: each segment's `"key"` searched after the previous one. */
function positionOfPointer(file: string, text: string, pointer: readonly string[]): Position {
  let offset = 0;
  let found = -1;
  for (const seg of pointer) {
    if (/^\d+$/.test(seg)) continue;
    const at = text.indexOf(`"${seg}"`, offset);
    if (at < 0) break;
    found = at;
    offset = at + seg.length + 2;
  }
  const before = text.slice(0, Math.max(0, found)).split('\n');
  return found < 0 ? { file, line: 1, column: 1 } : { file, line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** JSON pointer (RFC 6901) text: `/encoding/x/type`. */
function pointerText(pointer: readonly string[]): string {
  return pointer.length ? pointer.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') : '/';
}

export function validateChartSpec(file: string, text: string, spec: Record<string, unknown>): Diagnostic[] {
  const out: Problem[] = [];
  checkView(spec, [], out);
  return out.map((p) => report('chart/schema', positionOfPointer(file, text, p.pointer), { pointer: pointerText(p.pointer), detail: p.detail }));
}

export { positionOfPointer };
