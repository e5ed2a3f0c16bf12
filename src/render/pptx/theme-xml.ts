// The brand into the deck's theme part (ppt/theme/theme1.xml), which
// pptxgenjs writes with Office's colours: the colour scheme (text, background,
// six accents from the chart colour sequence, link) and the font scheme
// (headings and body). PowerPoint's own colour and font pickers then offer
// the brand, and a chart or shape added by hand in PowerPoint matches it.
import type { Theme } from '../../theme/theme.js';

const hex = (color: string) => color.replace('#', '').toUpperCase();
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `a:clrScheme` of the brand. Accents 1–6 follow the chart colour sequence (repeated if shorter), so PowerPoint's charts draw series in the brand's order. */
export function colorSchemeXml(theme: Theme): string {
  const c = theme.colors;
  const seq = c.chartPalette.length ? c.chartPalette : [c.accent];
  const accents = Array.from({ length: 6 }, (_, i) => `<a:accent${i + 1}><a:srgbClr val="${hex(seq[i % seq.length]!)}"/></a:accent${i + 1}>`).join('');
  return (
    `<a:clrScheme name="${attr(theme.name)}">` +
    `<a:dk1><a:srgbClr val="${hex(c.text)}"/></a:dk1><a:lt1><a:srgbClr val="${hex(c.background)}"/></a:lt1>` +
    `<a:dk2><a:srgbClr val="${hex(c.dark)}"/></a:dk2><a:lt2><a:srgbClr val="${hex(c.light)}"/></a:lt2>` +
    `${accents}<a:hlink><a:srgbClr val="${hex(c.link)}"/></a:hlink><a:folHlink><a:srgbClr val="${hex(c.muted)}"/></a:folHlink></a:clrScheme>`
  );
}

/** Theme XML with the brand's colour scheme and heading (major) and body (minor) fonts. */
export function brandThemeXml(xml: string, theme: Theme): string {
  return xml
    .replace(/<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/, () => colorSchemeXml(theme))
    .replace(/<a:fontScheme name="[^"]*"/, `<a:fontScheme name="${attr(theme.name)}"`)
    .replace(/(<a:majorFont>\s*)<a:latin [^>]*\/>/, (_m, open: string) => `${open}<a:latin typeface="${attr(theme.font.headingFamily)}"/>`)
    .replace(/(<a:minorFont>\s*)<a:latin [^>]*\/>/, (_m, open: string) => `${open}<a:latin typeface="${attr(theme.font.family)}"/>`);
}

/** A rewrite for `normalizePptx`: the theme parts get the brand. */
export function themeXmlRewrite(theme: Theme): (name: string, xml: string) => string {
  return (name, xml) => (/^ppt\/theme\/theme\d+\.xml$/.test(name) ? brandThemeXml(xml, theme) : xml);
}
