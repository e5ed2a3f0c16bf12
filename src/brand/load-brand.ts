// `_brand.yml` → a Theme, with diagnostics at file:line:col. Unknown fields
// are warnings (and ignored), wrong types errors; colours may name the
// palette; fonts are TTF/OTF files inside the project, read through
// project-files and parsed with fontkit as the bundled font is; logos are
// checked images (load-image). Whatever the brand leaves out keeps the
// default look, and the bundled Be Vietnam Pro stays the fallback font.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostic, Position, Result } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { parseYaml, type YamlFile } from '../facts/load-yaml.js';
import { describeIssue } from '../facts/zod-diagnostics.js';
import { defaultLimits, type Limits } from '../limits.js';
import { bundledFamily, bundledFonts, fontFace, FontSet, registerFontSet, type FontFace } from '../theme/fonts.js';
import { defaultTheme, paperSizes, withPaper, type FontStyle, type Theme, type ThemeImage } from '../theme/theme.js';
import { isDiagnostic, maxFontBytes, maxTextBytes, readProjectBytes, readProjectFile } from '../util/project-files.js';
import { brandSchema, knownFields, type BrandFile, type LogoImage } from './brand-schema.js';
import { loadImage } from '../images/load-image.js';
import { capturingReads, replayReads } from '../util/read-log.js';

export const brandFileName = '_brand.yml';

export interface BrandRequest {
  /** The brand file (absolute). */
  file: string;
  /** The project folder: the brand's fonts and logos must lie inside it. */
  root: string;
  limits?: Pick<Limits, 'imagePixels' | 'imageBytes'>;
}

/** zod issues → unknown fields (warnings) and wrong values (errors). */
function schemaDiagnostics(yaml: YamlFile, error: z.ZodError): { unknown: { path: PropertyKey[]; key: string }[]; diagnostics: Diagnostic[] } {
  const unknown: { path: PropertyKey[]; key: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const issue of error.issues) {
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        unknown.push({ path: [...issue.path], key });
        diagnostics.push(report('brand/unknown-field', yaml.positionOf([...issue.path, key], 'key'), { path: where ? `${where}.${key}` : key, known: knownFields(issue.path) }));
      }
    } else diagnostics.push(report('brand/schema', yaml.positionOf(issue.path), { path: where || '(top level)', detail: describeIssue(issue) }));
  }
  return { unknown, diagnostics };
}

function withoutKeys(data: unknown, drop: readonly { path: PropertyKey[]; key: string }[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const d of drop) {
    let o: unknown = copy;
    for (const p of d.path) o = (o as Record<PropertyKey, unknown>)?.[p as string];
    if (o && typeof o === 'object') delete (o as Record<string, unknown>)[d.key];
  }
  return copy;
}

const hexColor = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const longHex = (c: string) => (c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c).toLowerCase();

/** `color` mixed with `base` (`share` of `color`): a callout's fill from its rule colour. */
export function tint(color: string, base: string, share: number): string {
  const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(longHex(c).slice(i, i + 2), 16));
  const a = rgb(color);
  const b = rgb(base);
  return `#${a.map((v, i) => Math.round(v * share + b[i]! * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}

const weightNumber = (w: string | number | undefined): number => {
  if (typeof w === 'number') return w;
  return { thin: 100, light: 300, normal: 400, medium: 500, semibold: 600, bold: 700, 'extra-bold': 800, black: 900 }[w ?? 'normal'] ?? 400;
};

interface FamilyFace {
  weight: number;
  italic: boolean;
  face: FontFace;
}

/** The face of `faces` nearest to `weight` and `italic`: the right slant first, then the closest weight (heavier on a tie). */
function nearest(faces: readonly FamilyFace[], weight: number, italic: boolean): FontFace {
  const score = (f: FamilyFace) => (f.italic === italic ? 0 : 10_000) + Math.abs(f.weight - weight) * 2 - (f.weight > weight ? 1 : 0);
  return [...faces].sort((a, b) => score(a) - score(b))[0]!.face;
}

/** What each style asks of a family: weight and slant. */
const styleWants: Record<FontStyle, { weight: number; italic: boolean; heading: boolean }> = {
  regular: { weight: 400, italic: false, heading: false },
  bold: { weight: 700, italic: false, heading: false },
  italic: { weight: 400, italic: true, heading: false },
  boldItalic: { weight: 700, italic: true, heading: false },
  semibold: { weight: 600, italic: false, heading: false },
  heading: { weight: 700, italic: false, heading: true },
  subheading: { weight: 600, italic: false, heading: true },
};

/** A font file's first bytes: TrueType (00 01 00 00, `true`) or OpenType (`OTTO`). */
function fontKind(bytes: Buffer): string | undefined {
  const tag = bytes.subarray(0, 4).toString('latin1');
  if (tag === '\u0000\u0001\u0000\u0000' || tag === 'true') return 'TrueType';
  if (tag === 'OTTO') return 'OpenType';
  return undefined;
}

interface Loading {
  yaml: YamlFile;
  dir: string;
  root: string;
  diagnostics: Diagnostic[];
}

function loadFamilies(brand: BrandFile, l: Loading): Map<string, FamilyFace[]> {
  const families = new Map<string, FamilyFace[]>();
  (brand.typography?.fonts ?? []).forEach((src, i) => {
    const faces: FamilyFace[] = [];
    src.files.forEach((entry, j) => {
      const file = typeof entry === 'string' ? { path: entry } : entry;
      const at = l.yaml.positionOf(['typography', 'fonts', i, 'files', j, ...(typeof entry === 'string' ? [] : ['path'])]);
      const read = readProjectBytes(path.resolve(l.dir, file.path), { root: l.root, maxBytes: maxFontBytes, what: 'font file', name: file.path, at });
      if (isDiagnostic(read)) return void l.diagnostics.push(read);
      if (!fontKind(read.bytes)) return void l.diagnostics.push(report('brand/bad-font', at, { path: file.path, detail: 'it is not a TrueType or OpenType font (WOFF and font collections are not taken)' }));
      let face: FontFace;
      try {
        face = fontFace(read.real, read.bytes);
        if (typeof face.font.layout !== 'function' || !face.font.postscriptName) throw new Error('fontkit cannot lay out text with it');
      } catch (e) {
        return void l.diagnostics.push(report('brand/bad-font', at, { path: file.path, detail: (e as Error).message }));
      }
      faces.push({ weight: weightNumber(file.weight), italic: file.style === 'italic', face });
    });
    if (faces.length) families.set(src.family, [...(families.get(src.family) ?? []), ...faces]);
  });
  return families;
}

type TextStyleField = NonNullable<NonNullable<BrandFile['typography']>['base']>;
const familyOf = (s: TextStyleField | undefined) => (typeof s === 'string' ? s : s?.family);
const weightOf = (s: TextStyleField | undefined) => (typeof s === 'object' && s.weight !== undefined ? weightNumber(s.weight) : undefined);

function fontSetOf(brand: BrandFile, l: Loading): { fonts: FontSet; family: string; headingFamily: string } {
  const families = loadFamilies(brand, l);
  const pick = (field: 'base' | 'headings'): string | undefined => {
    const family = familyOf(brand.typography?.[field]);
    if (family === undefined || family === bundledFamily || families.has(family)) return family;
    // A family whose files were all refused has been reported already, file by file.
    if (brand.typography?.fonts?.some((f) => f.family === family)) return undefined;
    const at = l.yaml.positionOf(typeof brand.typography?.[field] === 'string' ? ['typography', field] : ['typography', field, 'family']);
    l.diagnostics.push(report('brand/unknown-font', at, { family, known: [...families.keys(), bundledFamily] }));
    return undefined;
  };
  const base = pick('base');
  const headings = pick('headings') ?? base;
  const baseFaces = base ? families.get(base) : undefined;
  const headingFaces = headings ? families.get(headings) : undefined;
  const baseWeight = weightOf(brand.typography?.base) ?? 400;
  const headingWeight = weightOf(brand.typography?.headings) ?? 700;
  const family = baseFaces ? base! : bundledFamily;
  const headingFamily = headingFaces ? headings! : family;
  if (!baseFaces && !headingFaces) return { fonts: bundledFonts, family, headingFamily };
  const fonts = new FontSet(family, headingFamily, (style) => {
    const want = styleWants[style];
    const faces = want.heading ? (headingFaces ?? baseFaces) : baseFaces;
    if (!faces) return bundledFonts.face(style);
    // The base weight shifts the body styles: a brand with `weight: 300` sets its text light, its bold 300 heavier.
    const weight = want.heading ? (style === 'heading' ? headingWeight : Math.min(headingWeight, 600)) : want.weight + (baseWeight - 400);
    return nearest(faces, weight, want.italic);
  });
  registerFontSet(fonts);
  return { fonts, family, headingFamily };
}

function logosOf(brand: BrandFile, l: Loading, limits: Pick<Limits, 'imagePixels' | 'imageBytes'>): Theme['logo'] {
  const logo: Theme['logo'] = {};
  const images = brand.logo?.images ?? {};
  const name = typeof brand.meta?.name === 'string' ? brand.meta.name : brand.meta?.name?.full;
  for (const size of ['small', 'medium', 'large'] as const) {
    const given = brand.logo?.[size];
    if (given === undefined) continue;
    let entry: LogoImage = given;
    let at: Position = l.yaml.positionOf(['logo', size]);
    if (typeof given === 'string' && Object.hasOwn(images, given)) {
      entry = images[given]!;
      at = l.yaml.positionOf(['logo', 'images', given]);
    }
    const file = typeof entry === 'string' ? entry : entry.path;
    if (typeof given === 'string' && !Object.hasOwn(images, given) && !/[./\\]/.test(given)) {
      l.diagnostics.push(report('brand/unknown-logo', at, { name: given, known: Object.keys(images) }));
      continue;
    }
    const alt = (typeof entry === 'object' ? entry.alt : undefined) ?? (name ? `${name} logo` : 'Logo');
    const image = loadImage({ file: path.resolve(l.dir, file), name: file, at, root: l.root, limits, alt });
    if (isDiagnostic(image)) l.diagnostics.push(image);
    else logo[size] = image as ThemeImage;
  }
  return logo;
}

function colorsOf(brand: BrandFile, l: Loading): Theme['colors'] {
  const palette = brand.color?.palette ?? {};
  const resolve = (value: string | undefined, at: readonly PropertyKey[]): string | undefined => {
    if (value === undefined) return undefined;
    if (hexColor.test(value)) return longHex(value);
    if (Object.hasOwn(palette, value) && hexColor.test(palette[value]!)) return longHex(palette[value]!);
    l.diagnostics.push(report('brand/unknown-color', l.yaml.positionOf(at), { name: value, palette: Object.keys(palette) }));
    return undefined;
  };
  for (const [k, v] of Object.entries(palette)) if (!hexColor.test(v)) l.diagnostics.push(report('brand/unknown-color', l.yaml.positionOf(['color', 'palette', k]), { name: v, palette: [] }));
  const c = brand.color ?? {};
  const d = defaultTheme.colors;
  const text = resolve(c.foreground, ['color', 'foreground']) ?? d.text;
  const background = resolve(c.background, ['color', 'background']) ?? d.background;
  const accent = resolve(c.primary, ['color', 'primary']) ?? d.accent;
  const light = resolve(c.light, ['color', 'light']) ?? d.light;
  const warning = resolve(c.warning, ['color', 'warning']) ?? d.warningRule;
  const success = resolve(c.success, ['color', 'success']) ?? d.successRule;
  const danger = resolve(c.danger, ['color', 'danger']) ?? d.dangerRule;
  const chart = brand.defaults?.briefdeck?.['chart-colors']?.map((v, i) => resolve(v, ['defaults', 'briefdeck', 'chart-colors', i]) ?? d.chartPalette[i % d.chartPalette.length]!);
  return {
    ...d,
    text,
    background,
    accent,
    link: accent,
    muted: resolve(c.secondary, ['color', 'secondary']) ?? d.muted,
    dark: resolve(c.dark, ['color', 'dark']) ?? d.dark,
    light,
    accentLight: light,
    tableHeaderFill: light,
    warningRule: warning,
    warningFill: tint(warning, background, 0.12),
    successRule: success,
    successFill: tint(success, background, 0.12),
    dangerRule: danger,
    dangerFill: tint(danger, background, 0.12),
    // Without its own sequence, a brand's charts start from its primary colour.
    chartPalette: chart ?? (c.primary ? [accent, ...d.chartPalette.slice(1)] : d.chartPalette),
  };
}

/** Loaded brands by file, with the size and time of every file each was made from (the brand file, its fonts and logos) and what was read. */
const cache = new Map<string, { stamps: Map<string, string>; reads: Map<string, string>; limits: string; result: Result<Theme> }>();

function stampOf(file: string): string {
  try {
    const st = statSync(file);
    return `${st.mtimeMs}/${st.size}`;
  } catch {
    return 'missing';
  }
}

/**
 * The brand file as a Theme (the default look where it says nothing);
 * loaded once per process while neither it nor a font or logo it names
 * changed (a watch session, a batch worker).
 */
export function loadBrand(req: BrandRequest): Result<Theme> {
  const limits = `${req.root}/${JSON.stringify(req.limits ?? {})}`;
  const hit = cache.get(req.file);
  if (hit && hit.limits === limits && [...hit.stamps].every(([f, s]) => stampOf(f) === s)) {
    replayReads(hit.reads);
    return hit.result;
  }
  const { value: result, reads } = capturingReads(() => loadBrandFresh(req));
  const stamps = new Map([req.file, ...reads.keys()].map((f) => [f, stampOf(f)]));
  if (stamps.get(req.file) !== 'missing') cache.set(req.file, { stamps, reads, limits, result });
  return result;
}

function loadBrandFresh(req: BrandRequest): Result<Theme> {
  const read = readProjectFile(req.file, { root: req.root, maxBytes: maxTextBytes, what: 'brand file', name: path.relative(req.root, req.file) || req.file });
  if (isDiagnostic(read)) return { value: defaultTheme, diagnostics: [read] };
  const parsed = parseYaml(req.file, read.text);
  if (!parsed.value) return { value: defaultTheme, diagnostics: parsed.diagnostics };
  const yaml = parsed.value;
  const diagnostics = [...parsed.diagnostics];
  let r = brandSchema.safeParse(yaml.data ?? {});
  if (!r.success) {
    const found = schemaDiagnostics(yaml, r.error);
    diagnostics.push(...found.diagnostics);
    if (hasErrors(found.diagnostics)) return { value: defaultTheme, diagnostics };
    r = brandSchema.safeParse(withoutKeys(yaml.data, found.unknown));
    if (!r.success) return { value: defaultTheme, diagnostics: [...diagnostics, ...schemaDiagnostics(yaml, r.error).diagnostics] };
  }
  const brand = r.data;
  const l: Loading = { yaml, dir: path.dirname(req.file), root: req.root, diagnostics };
  const { fonts, family, headingFamily } = fontSetOf(brand, l);
  const base = brand.typography?.base;
  const b = brand.defaults?.briefdeck;
  const name = typeof brand.meta?.name === 'string' ? brand.meta.name : (brand.meta?.name?.full ?? defaultTheme.name);
  let theme: Theme = {
    ...defaultTheme,
    name,
    font: { ...defaultTheme.font, family, headingFamily },
    fonts,
    colors: colorsOf(brand, l),
    lineHeight: (typeof base === 'object' ? base['line-height'] : undefined) ?? defaultTheme.lineHeight,
    slides: b?.slides ?? defaultTheme.slides,
    logo: logosOf(brand, l, req.limits ?? defaultLimits),
  };
  if (b?.paper && b.paper in paperSizes) theme = withPaper(theme, b.paper);
  return { value: hasErrors(diagnostics) ? defaultTheme : theme, diagnostics };
}

/** The brand file of a project: the one briefdeck.yaml names (`brand:`), else `_brand.yml` at the root if there is one. */
export function brandFileOf(root: string, named?: string): string | undefined {
  if (named !== undefined) return path.resolve(root, named);
  const file = path.join(root, brandFileName);
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
