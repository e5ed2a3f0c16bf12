// The subset of posit's brand.yml (https://posit-dev.github.io/brand-yml/)
// that briefdeck reads, as a zod schema: `meta.name`, `color` (palette and
// semantic colours), `typography` (local font files for base and headings),
// `logo` (small, medium, large) and briefdeck's own `defaults.briefdeck`
// (chart colour sequence, paper, slide shape).
import { z } from 'zod';

/** A colour: `#rrggbb`, `#rgb`, or a name in `color.palette` (resolved by load-brand). */
const color = z.string().min(1);

const fontFile = z.union([
  z.string().min(1),
  z.strictObject({
    path: z.string().min(1),
    weight: z.union([z.number().int().min(100).max(900), z.enum(['normal', 'bold', 'thin', 'light', 'medium', 'semibold', 'extra-bold', 'black'])]).optional(),
    style: z.enum(['normal', 'italic']).optional(),
  }),
]);

const fontSource = z.strictObject({
  family: z.string().min(1),
  /** Only local files: briefdeck fetches nothing from the network. */
  source: z.literal('file'),
  files: z.array(fontFile).min(1),
});

const textStyle = z.union([
  z.string().min(1),
  z.strictObject({
    family: z.string().min(1).optional(),
    weight: z.union([z.number().int().min(100).max(900), z.enum(['normal', 'bold', 'semibold'])]).optional(),
    'line-height': z.number().min(1).max(3).optional(),
  }),
]);

const logoImage = z.union([z.string().min(1), z.strictObject({ path: z.string().min(1), alt: z.string().optional() })]);

export const brandSchema = z.strictObject({
  meta: z.strictObject({ name: z.union([z.string().min(1), z.strictObject({ full: z.string().min(1), short: z.string().optional() })]).optional() }).optional(),
  color: z
    .strictObject({
      palette: z.record(z.string(), color).optional(),
      foreground: color.optional(),
      background: color.optional(),
      primary: color.optional(),
      secondary: color.optional(),
      light: color.optional(),
      dark: color.optional(),
      success: color.optional(),
      warning: color.optional(),
      danger: color.optional(),
    })
    .optional(),
  typography: z.strictObject({ fonts: z.array(fontSource).optional(), base: textStyle.optional(), headings: textStyle.optional() }).optional(),
  logo: z
    .strictObject({
      images: z.record(z.string(), logoImage).optional(),
      small: logoImage.optional(),
      medium: logoImage.optional(),
      large: logoImage.optional(),
    })
    .optional(),
  defaults: z
    .strictObject({
      briefdeck: z
        .strictObject({
          'chart-colors': z.array(color).min(1).max(20).optional(),
          paper: z.enum(['a4', 'letter']).optional(),
          slides: z.enum(['16:9', '4:3']).optional(),
        })
        .optional(),
    })
    .optional(),
});

export type BrandFile = z.infer<typeof brandSchema>;
export type FontFileEntry = z.infer<typeof fontFile>;
export type LogoImage = z.infer<typeof logoImage>;

/** The fields an object at `path` takes (for the hint of an unknown field). */
export function knownFields(path: readonly PropertyKey[]): string[] {
  let s: z.ZodType = brandSchema;
  for (const key of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(key)] ?? s;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    if (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodUnion) s = ((s.options as z.ZodType[]).find((o) => o instanceof z.ZodObject) ?? s.options[0]) as z.ZodType;
    else return s;
  }
}
