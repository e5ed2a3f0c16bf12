// Unzip a PPTX and read what a presenter would see: slides in order, their
// text, notes, charts (with the numbers in their XML) and the package's
// relationships, plus structural checks PowerPoint would otherwise repair.
import JSZip from 'jszip';

export interface ReadSlide {
  file: string;
  texts: string[];
  notes: string;
  charts: { file: string; values: number[]; formatCodes: string[]; workbook: string | undefined; xml: string }[];
  pictures: string[];
  shapeIds: string[];
  /** The slide part as written. */
  xml: string;
}

const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!));

/** Tags balance and nothing is left outside the root: enough to catch a broken part. */
export function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]!);
  }
  return stack.length === 0 && !/<(?![\/?!A-Za-z_])/.test(body);
}

function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export async function readPptx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const read = (n: string) => zip.file(n)!.async('string');
  const rels = async (part: string) => {
    const relFile = part.replace(/([^/]+)$/, '_rels/$1.rels');
    if (!zip.file(relFile)) return [] as { id: string; type: string; target: string; external: boolean }[];
    return [...(await read(relFile)).matchAll(/<Relationship ([^>]*)\/>/g)].map((m) => {
      const attr = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
      return { id: attr('Id'), type: attr('Type'), target: attr('Target'), external: attr('TargetMode') === 'External' };
    });
  };
  const presentation = await read('ppt/presentation.xml');
  const presRels = await rels('ppt/presentation.xml');
  const slideFiles = [...presentation.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map((m) => resolve('ppt/presentation.xml', presRels.find((r) => r.id === m[1])!.target));
  const slides: ReadSlide[] = [];
  for (const file of slideFiles) {
    const xml = await read(file);
    const slideRels = await rels(file);
    const notesRel = slideRels.find((r) => r.type.endsWith('/notesSlide'));
    const notes = notesRel ? texts(await read(resolve(file, notesRel.target))).filter((t) => !/^\d+$/.test(t)).join('\n') : '';
    const charts = [];
    for (const r of slideRels.filter((x) => x.type.endsWith('/chart'))) {
      const chartFile = resolve(file, r.target);
      const chartXml = await read(chartFile);
      const chartRels = await rels(chartFile);
      const wb = chartRels.find((x) => x.type.endsWith('/package'));
      charts.push({
        file: chartFile,
        values: [...chartXml.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].flatMap((v) => [...v[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((x) => Number(x[1]))),
        formatCodes: [...chartXml.matchAll(/formatCode="([^"]*)"/g)].map((x) => x[1]!),
        workbook: wb ? resolve(chartFile, wb.target) : undefined,
        xml: chartXml,
      });
    }
    slides.push({
      file,
      texts: texts(xml),
      notes,
      charts,
      pictures: slideRels.filter((x) => x.type.endsWith('/image')).map((x) => resolve(file, x.target)),
      shapeIds: [...xml.matchAll(/<p:cNvPr [^>]*id="(\d+)"/g)].map((m) => m[1]!),
      xml,
    });
  }
  // Every relationship target inside the package exists.
  const dangling: string[] = [];
  for (const n of names.filter((x) => x.endsWith('.rels'))) {
    const owner = n.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const r of await rels(owner === '' ? '' : owner)) if (!r.external && !names.includes(resolve(owner, r.target))) dangling.push(`${n}: ${r.target}`);
  }
  const malformed: string[] = [];
  for (const n of names.filter((x) => /\.(xml|rels)$/.test(x))) if (!wellFormed(await read(n))) malformed.push(n);
  return { names, slides, dangling, malformed, core: await read('docProps/core.xml'), zip };
}
