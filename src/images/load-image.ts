// An image file of the project (a logo, `![alt](images/map.png)`) → checked
// bytes with their size, or a diagnostic naming the file. Nothing is decoded
// until it has passed: the file is read through project-files (inside the
// project, at most `imageBytes`), its header names its type and pixel size
// (image-size reads only the header), the pixel count is held to
// `imagePixels`, and a PNG or JPEG must run to its end marker, so a
// truncated file is refused here rather than half-drawn by pdfkit or resvg.
import { imageSize } from 'image-size';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import type { Limits } from '../limits.js';
import type { ThemeImage } from '../theme/theme.js';
import { isDiagnostic, readProjectBytes } from '../util/project-files.js';

export interface ImageRequest {
  /** Absolute path. */
  file: string;
  /** The path as written, for messages. */
  name: string;
  at: Position;
  root: string;
  limits: Pick<Limits, 'imagePixels' | 'imageBytes'>;
  alt: string;
}

/** Whether PNG chunks run from the signature to an IEND chunk that ends the file. */
function pngComplete(b: Buffer): boolean {
  let at = 8;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    at += 12 + length;
    if (type === 'IEND') return at <= b.length;
  }
  return false;
}

/** Whether a JPEG ends with its end-of-image marker (trailing padding allowed). */
function jpegComplete(b: Buffer): boolean {
  const tail = b.subarray(Math.max(0, b.length - 64));
  return tail.lastIndexOf(Buffer.from([0xff, 0xd9])) >= 0;
}

/**
 * An SVG may only draw: no scripts, no embedded HTML, and no reference out of
 * the file (`href` to anything but `#id` or a data: URI), since the PDF and
 * PNG renderers would otherwise fetch what it points at.
 */
function svgProblem(text: string): string | undefined {
  if (!/<\/svg\s*>\s*$/.test(text.replace(/<!--[\s\S]*?-->/g, '').trimEnd())) return 'it is cut short (no closing </svg>)';
  if (/<script\b|<foreignObject\b/i.test(text)) return 'it holds a script or embedded HTML';
  if (/<!ENTITY/i.test(text)) return 'it declares XML entities';
  for (const m of text.matchAll(/(?:xlink:)?href\s*=\s*["']([^"']*)["']/gi)) if (!m[1]!.startsWith('#') && !m[1]!.startsWith('data:image/')) return `it refers to another file (${m[1]})`;
  if (/url\(\s*["']?(?!#)/i.test(text)) return 'it refers to another file through url()';
  return undefined;
}

export function loadImage(req: ImageRequest): ThemeImage | Diagnostic {
  const bad = (detail: string) => report('image/bad', req.at, { path: req.name, detail });
  const read = readProjectBytes(req.file, { root: req.root, maxBytes: req.limits.imageBytes, what: 'image', name: req.name, at: req.at });
  if (isDiagnostic(read)) {
    if (read.rule === 'io/too-big') return report('limit/exceeded', req.at, { what: 'bytes of one image', limit: req.limits.imageBytes, key: 'imageBytes', detail: read.message });
    return read;
  }
  const bytes = read.bytes;
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch (e) {
    return bad(`its header is not a PNG, JPEG or SVG header (${(e as Error).message})`);
  }
  const kind = size.type === 'png' ? 'png' : size.type === 'jpg' ? 'jpeg' : size.type === 'svg' ? 'svg' : undefined;
  if (!kind) return bad(`it is ${size.type ?? 'of an unknown type'}; briefdeck takes PNG, JPEG and SVG`);
  const widthPx = size.width ?? 0;
  const heightPx = size.height ?? 0;
  if (widthPx <= 0 || heightPx <= 0) return bad(kind === 'svg' ? 'its size is not known (give the <svg> a width and height, or a viewBox)' : 'its header gives no size');
  if (widthPx * heightPx > req.limits.imagePixels) {
    return report('limit/exceeded', req.at, { what: 'pixels of one image', limit: req.limits.imagePixels, key: 'imagePixels', detail: `${req.name} is ${widthPx.toLocaleString('en')} × ${heightPx.toLocaleString('en')} pixels` });
  }
  if (kind === 'png' && !pngComplete(bytes)) return bad('it is cut short (the PNG has no end chunk)');
  if (kind === 'jpeg' && !jpegComplete(bytes)) return bad('it is cut short (the JPEG has no end marker)');
  if (kind === 'svg') {
    const problem = svgProblem(bytes.toString('utf8'));
    if (problem) return bad(problem);
  }
  return { file: read.real, kind, bytes, widthPx, heightPx, alt: req.alt };
}
