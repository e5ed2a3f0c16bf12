// A hostile copy of the standard fixture, built in a temp dir: control
// characters, lone surrogates, bidi overrides and `<&>"'` in the dataset
// title, sources, fact labels and text values, chart categories and
// coloured series names. Every figure stays as it was.
import path from 'node:path';
import { copyFixture, edit } from '../helpers.js';

/** Written inside YAML double quotes: the YAML escapes are how these characters get into YAML. */
export const yamlHostile = String.raw`\x01\0\uD800\u202E\u2066<&>\"'\x7F\x85`;
/** The same characters, raw, for CSV cells (a lone surrogate cannot be written in UTF-8). */
export const csvHostile = '\u0001\u0000\u202E\u2066<&>""\'\u007F\u0085';

export function hostileStandard(): string {
  const dir = copyFixture('standard');
  const data = (f: string) => path.join('data', f);
  edit(dir, data('dataset.yaml'), 'title: Chile–Korea trade and investment (invented figures)', `title: "Chile–Korea ${yamlHostile} trade"`);
  edit(dir, data('sources.yaml'), 'publisher: Korea Trade Review (invented)', `publisher: "Korea Trade Review ${yamlHostile}"`);
  edit(dir, data('sources.yaml'), 'title: Annual trade with Chile, 2024', `title: "Annual trade ${yamlHostile} with Chile"`);
  edit(dir, data('facts.yaml'), 'label: "Direct container service"', `label: "Direct ${yamlHostile} service"`);
  edit(dir, data('facts.yaml'), 'value: "Busan – San Antonio – Valparaíso"', `value: "Busan ${yamlHostile} Valparaíso"`);
  edit(dir, data('facts.yaml'), 'label: "Bilateral trade"', `label: "Bilateral ${yamlHostile} trade"`);
  edit(dir, data('series.yaml'), "title: Chile's main exports to Korea, 2024", `title: "Exports ${yamlHostile} by product"`);
  edit(dir, data('series/exports-by-product.csv'), 'Copper cathodes,', `"Copper ${csvHostile} cathodes",`);
  // Series names of a coloured chart come from cells of the colour column.
  edit(dir, data('series/fdi-by-year.csv'), '2022,registered,', `2022,"reg ${csvHostile}",`);
  edit(dir, data('series/fdi-by-year.csv'), '2023,registered,', `2023,"reg ${csvHostile}",`);
  return dir;
}
