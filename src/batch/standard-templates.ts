// The templates a dataset gets when briefdeck.yaml pairs it with none
// (`briefdeck build --data DIR`): ordinary template folders under the
// project's templates/, made with the helpers every user has.
import type { OutputFormat } from '../document/front-matter.js';

/** In build order; `format` applies when the template's front matter names none. */
export const standardTemplates: readonly { template: string; format: OutputFormat }[] = [
  { template: 'standard-brief', format: 'pdf' },
  { template: 'standard-deck', format: 'pptx' },
];
