// The kinds of slide a reference deck's layouts are chosen for, their
// default layout names, and which kind a slide of the model is. Apart from
// reference-deck.ts so that choosing needs no zip library.
import type { Slide } from './slide-model.js';

/** What our slides are put on, by kind; the names are the layouts of PowerPoint's default template. */
export const defaultLayoutNames = {
  title: 'Title Slide',
  section: 'Section Header',
  content: 'Title and Content',
  'title-only': 'Title Only',
  blank: 'Blank',
} as const;
export type LayoutKind = keyof typeof defaultLayoutNames;
export const layoutKinds = Object.keys(defaultLayoutNames) as LayoutKind[];

/**
 * The layout a slide goes on: the title slide, a section slide, an untitled
 * slide, a slide with a chart, table or image (laid out by us under the
 * title: "Title Only"), or a slide of text ("Title and Content").
 */
export function layoutKind(slide: Slide): LayoutKind {
  if (slide.kind === 'title') return 'title';
  if (slide.kind === 'section') return 'section';
  if (!slide.title) return 'blank';
  return slide.items.some((i) => i.type === 'chart' || i.type === 'table' || i.type === 'image') ? 'title-only' : 'content';
}
