// A corporate template (`reference-deck: corporate.pptx` or `.potx`) → the
// deck built on it, as pandoc's --reference-doc does. Read: its slide size,
// its layouts by name and the content area of its "Title and Content"
// layout (document-to-slides lays the body out there). Merge: our package
// from pptxgenjs gets the template's slide masters, layouts, themes and
// their media in place of its own; each slide is put on a layout by name;
// slide titles become title placeholders (so they show in PowerPoint's
// outline and accessibility checker) and take the layout's place and style.
// The template's own slides are not carried over. Zip and XML only: the
// slide model is made before this, and normalizePptx runs after it.
import path from 'node:path/posix';
import JSZip from 'jszip';
import type { SlideFrame } from './document-to-slides.js';

const EMU_PER_IN = 914400;
/** Unpacked size a template may have: a corporate deck with its pictures is a few MB; this stops a zip bomb. */
const maxUnpackedBytes = 200 * 1024 * 1024;

export interface ReferenceDeck {
  zip: JSZip;
  widthIn: number;
  heightIn: number;
  /** Layout name → part name (`ppt/slideLayouts/slideLayout2.xml`), in the template's order. */
  layouts: Map<string, string>;
  /** Master part names, with their `p:sldMasterId` ids. */
  masters: { part: string; id: string }[];
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relsOf = (part: string) => path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const attr = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    return { id: attr('Id'), type: attr('Type'), target: attr('Target'), external: attr('TargetMode') === 'External' };
  });
}

const relsXml = (rels: readonly Rel[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;

async function text(zip: JSZip, part: string): Promise<string | undefined> {
  return zip.file(part)?.async('string');
}

/** The template, checked: a zip holding a presentation with at least one master and layout. Returns the reason when it is not one. */
export async function readReferenceDeck(bytes: Buffer): Promise<ReferenceDeck | string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return `it is not a zip file (${(e as Error).message})`;
  }
  let unpacked = 0;
  for (const f of Object.values(zip.files)) unpacked += (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (unpacked > maxUnpackedBytes) return `it unpacks to more than ${maxUnpackedBytes / 1024 / 1024} MB`;
  const pres = await text(zip, 'ppt/presentation.xml');
  if (!pres) return 'it has no ppt/presentation.xml (is it a PowerPoint file?)';
  const size = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(pres);
  if (!size) return 'its presentation.xml gives no slide size';
  const presRels = parseRels(await text(zip, relsOf('ppt/presentation.xml')));
  const masters = [...pres.matchAll(/<p:sldMasterId\b[^>]*\bid="(\d+)"[^>]*\br:id="([^"]+)"/g)].map((m) => ({ id: m[1]!, part: path.join('ppt', presRels.find((r) => r.id === m[2])?.target ?? '') }));
  const layouts = new Map<string, string>();
  for (const master of masters) {
    for (const r of parseRels(await text(zip, relsOf(master.part)))) {
      if (!r.type.endsWith('/slideLayout')) continue;
      const part = path.join(path.dirname(master.part), r.target);
      const name = /<p:cSld\b[^>]*\bname="([^"]*)"/.exec((await text(zip, part)) ?? '')?.[1];
      if (name !== undefined && !layouts.has(name)) layouts.set(decodeXml(name), part);
    }
  }
  if (masters.length === 0 || layouts.size === 0) return 'it has no slide master with layouts';
  return { zip, widthIn: Number(size[1]) / EMU_PER_IN, heightIn: Number(size[2]) / EMU_PER_IN, layouts, masters };
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The layout part for `kind` under `names`: by name, else case-insensitively, else the first layout. */
export function layoutPart(deck: ReferenceDeck, name: string): string | undefined {
  return deck.layouts.get(name) ?? [...deck.layouts].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** A placeholder's box (EMU) in a layout or master part: by `type`, or by `idx` for the body. */
function placeholderBox(xml: string, match: (ph: string) => boolean): { x: number; y: number; w: number; h: number } | undefined {
  for (const sp of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
    const ph = /<p:ph\b[^>]*\/?>/.exec(sp[0])?.[0];
    if (!ph || !match(ph)) continue;
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(sp[0]);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp[0]);
    if (off && ext) return { x: Number(off[1]), y: Number(off[2]), w: Number(ext[1]), h: Number(ext[2]) };
  }
  return undefined;
}

const isBody = (ph: string) => /\bidx="1"/.test(ph) || (/type="(body|obj)"/.test(ph) && !/\bidx=/.test(ph));

/**
 * The frame our slides are laid out in: the template's slide size, and the
 * body placeholder of its content layout (or of its master), less the room
 * our source line takes below it.
 */
export async function referenceFrame(deck: ReferenceDeck, contentLayout: string | undefined): Promise<SlideFrame> {
  const master = deck.masters[0] ? await text(deck.zip, deck.masters[0].part) : undefined;
  const layout = contentLayout ? await text(deck.zip, contentLayout) : undefined;
  const box = (layout && placeholderBox(layout, isBody)) ?? (master && placeholderBox(master, isBody));
  const { widthIn, heightIn } = deck;
  if (!box) return { widthIn, heightIn, body: { top: heightIn * 0.2, bottom: heightIn - 0.85, left: 0.6, right: widthIn - 0.6 }, onReference: true };
  const inch = (v: number) => v / EMU_PER_IN;
  // The source line and our footer sit below the body: keep 0.85 in for them.
  return { widthIn, heightIn, body: { top: inch(box.y), bottom: Math.min(inch(box.y + box.h), heightIn - 0.85), left: inch(box.x), right: inch(box.x + box.w) }, onReference: true };
}

/** Our title shapes (named by slides-to-pptx) → title placeholders that take the layout's place and style. */
export const titleShapeName = 'Slide Title';
export const titleBlockShapeName = 'Title Block';

function titleToPlaceholder(slideXml: string): string {
  return slideXml.replace(/<p:sp><p:nvSpPr><p:cNvPr id="(\d+)" name="(Slide Title|Title Block)">([\s\S]*?)<\/p:sp>/g, (whole, id: string, name: string, rest: string) => {
    if (name === titleBlockShapeName) {
      // The title slide's block (marking, title, subtitle, date) keeps its place and look; as the centred title it is what the outline shows.
      return whole.replace('<p:nvPr></p:nvPr>', '<p:nvPr><p:ph type="ctrTitle"/></p:nvPr>').replace('<p:nvPr/>', '<p:nvPr><p:ph type="ctrTitle"/></p:nvPr>');
    }
    const body = rest
      .replace(/<p:nvPr><\/p:nvPr>|<p:nvPr\/>/, '<p:nvPr><p:ph type="title"/></p:nvPr>')
      // The layout places and styles the title: no position, fill or run formatting of ours.
      .replace(/<p:spPr>[\s\S]*?<\/p:spPr>/, '<p:spPr/>')
      .replace(/<a:bodyPr\b[^>]*>(?:<\/a:bodyPr>)?/, '<a:bodyPr/>')
      .replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, '')
      .replace(/<a:rPr\b([^>]*?)>[\s\S]*?<\/a:rPr>/g, (_m, attrs: string) => `<a:rPr${attrs.replace(/\s(sz|b|i)="[^"]*"/g, '')}/>`)
      .replace(/<a:endParaRPr\b([^>]*?)\/>/g, (_m, attrs: string) => `<a:endParaRPr${attrs.replace(/\s(sz|b|i)="[^"]*"/g, '')}/>`);
    return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}">${body}</p:sp>`;
  });
}

/**
 * Our package (pptxgenjs's, not yet normalised) on the template: `layoutOf`
 * gives each slide's layout part in the template (slide 1 first).
 */
export async function mergeReferenceDeck(ours: Buffer, deck: ReferenceDeck, layoutOf: (slideNumber: number) => string): Promise<Buffer> {
  const out = await JSZip.loadAsync(ours);
  const ref = deck.zip;
  // 1. Our masters and layouts go (the notes master and its theme stay).
  const ourMasterParts = Object.keys(out.files).filter((n) => /^ppt\/(slideMasters|slideLayouts)\//.test(n));
  const ourMasterTheme = parseRels(await text(out, relsOf('ppt/slideMasters/slideMaster1.xml'))).find((r) => r.type.endsWith('/theme'));
  for (const n of ourMasterParts) out.remove(n);

  // 2. The template's masters and layouts come, with every part they refer to (themes, pictures), renamed out of our way.
  const renamed = new Map<string, string>();
  const queue = [...deck.masters.map((m) => m.part), ...deck.layouts.values()];
  for (const part of queue) renamed.set(part, part);
  const taken = new Set(Object.keys(out.files));
  const fresh = (part: string) => {
    const dir = path.dirname(part);
    const base = path.basename(part);
    let name = path.join(dir, `ref-${base}`);
    for (let i = 2; taken.has(name); i++) name = path.join(dir, `ref${i}-${base}`);
    taken.add(name);
    return name;
  };
  const copied: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const part = queue[i]!;
    copied.push(part);
    for (const r of parseRels(await text(ref, relsOf(part)))) {
      if (r.external || r.type.endsWith('/slide')) continue;
      const target = path.join(path.dirname(part), r.target);
      if (renamed.has(target) || !ref.file(target)) continue;
      renamed.set(target, fresh(target));
      queue.push(target);
    }
  }
  const types = await text(ref, '[Content_Types].xml') ?? '';
  const overrides: string[] = [];
  for (const part of copied) {
    const target = renamed.get(part)!;
    const data = await ref.file(part)!.async('nodebuffer');
    out.file(target, data);
    const ct = new RegExp(`<Override PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" ContentType="([^"]+)"`).exec(types)?.[1];
    if (ct) overrides.push(`<Override PartName="/${target}" ContentType="${ct}"/>`);
    const rels = parseRels(await text(ref, relsOf(part)));
    if (rels.length) {
      const fixed = rels.filter((r) => !r.type.endsWith('/slide')).map((r) => (r.external ? r : { ...r, target: path.relative(path.dirname(target), renamed.get(path.join(path.dirname(part), r.target)) ?? path.join(path.dirname(part), r.target)) }));
      out.file(relsOf(target), relsXml(fixed));
    }
  }

  // 3. presentation.xml: the template's masters and slide size; its rels: the masters and the main theme.
  const presRels = parseRels(await text(out, relsOf('ppt/presentation.xml'))).filter((r) => !r.type.endsWith('/slideMaster') && !(r.type.endsWith('/theme') && ourMasterTheme && path.join('ppt/slideMasters', ourMasterTheme.target) === path.join('ppt', r.target)));
  const masterEntries = deck.masters.map((m, i) => {
    const id = `rIdRefMaster${i + 1}`;
    presRels.push({ id, type: `${REL}/slideMaster`, target: path.relative('ppt', renamed.get(m.part)!), external: false });
    return `<p:sldMasterId id="${m.id}" r:id="${id}"/>`;
  });
  const mainTheme = parseRels(await text(ref, relsOf(deck.masters[0]!.part))).find((r) => r.type.endsWith('/theme'));
  if (mainTheme) presRels.push({ id: 'rIdRefTheme', type: `${REL}/theme`, target: path.relative('ppt', renamed.get(path.join(path.dirname(deck.masters[0]!.part), mainTheme.target))!), external: false });
  out.file(relsOf('ppt/presentation.xml'), relsXml(presRels));
  const refPres = (await text(ref, 'ppt/presentation.xml'))!;
  const refSize = /<p:sldSz\b[^>]*\/>/.exec(refPres)![0];
  out.file(
    'ppt/presentation.xml',
    (await text(out, 'ppt/presentation.xml'))!
      .replace(/<p:sldMasterIdLst>[\s\S]*?<\/p:sldMasterIdLst>/, `<p:sldMasterIdLst>${masterEntries.join('')}</p:sldMasterIdLst>`)
      .replace(/<p:sldSz\b[^>]*\/>/, refSize),
  );

  // 4. Each slide on its layout; titles into placeholders.
  const slideParts = Object.keys(out.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  for (const part of slideParts) {
    const n = Number(/slide(\d+)\.xml$/.exec(part)![1]);
    const layout = renamed.get(layoutOf(n))!;
    const rels = parseRels(await text(out, relsOf(part))).map((r) => (r.type.endsWith('/slideLayout') ? { ...r, target: path.relative(path.dirname(part), layout) } : r));
    out.file(relsOf(part), relsXml(rels));
    out.file(part, titleToPlaceholder((await text(out, part))!));
  }

  // 5. Content types: ours, less the masters and layouts that went, plus the template's parts and picture types.
  let ourTypes = (await text(out, '[Content_Types].xml'))!.replace(/<Override PartName="\/ppt\/(slideMasters|slideLayouts)\/[^"]*" ContentType="[^"]*"\/>/g, '');
  for (const m of types.matchAll(/<Default Extension="([^"]+)" ContentType="([^"]+)"\/>/g)) {
    if (!new RegExp(`<Default Extension="${m[1]}"`, 'i').test(ourTypes)) ourTypes = ourTypes.replace('</Types>', `${m[0]}</Types>`);
  }
  ourTypes = ourTypes.replace('</Types>', `${overrides.join('')}</Types>`);
  out.file('[Content_Types].xml', ourTypes);
  return out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
