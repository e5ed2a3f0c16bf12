// Slide XML as pptxgenjs wrote it → what a screen reader and PowerPoint's
// accessibility checker need that pptxgenjs cannot say: a table's header
// row marked (`a:tblPr firstRow`), alternative text (`descr`) on table
// frames, and rules and background boxes marked decorative (Office's
// `adec:decorative`), so the reading order holds only what carries meaning.
import type { SlideModel } from './slide-model.js';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Office 2019+ reads this extension as "mark as decorative"; older versions ignore it. */
const DECORATIVE = '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

export function accessibleSlideXml(xml: string, slide: SlideModel['slides'][number]): string {
  const tables = slide.items.filter((it) => it.type === 'table');
  let k = 0;
  return (
    xml
      // pptxgenjs names its table frames "Table n" and draws them in the order the model lists them.
      .replace(/<p:cNvPr id="(\d+)" name="(Table [^"]*)"\s*\/?>(<\/p:cNvPr>)?/g, (m, id: string, name: string) => {
        const table = tables[k++];
        return table ? `<p:cNvPr id="${id}" name="${name}" descr="${escapeAttr(table.altText)}"/>` : m;
      })
      .replace(/<a:tblPr\/>/g, '<a:tblPr firstRow="1" bandRow="1"/>')
      .replace(/<a:tblPr(?![^>]*firstRow)([^>]*)>/g, '<a:tblPr firstRow="1"$1>')
      // Shapes (addShape: the rule under a title, boxes behind text) carry no meaning of their own.
      .replace(/<p:cNvPr id="(\d+)" name="(Shape [^"]*)"\s*(?:\/>|><\/p:cNvPr>)/g, (_m, id: string, name: string) => `<p:cNvPr id="${id}" name="${name}">${DECORATIVE}</p:cNvPr>`)
  );
}
