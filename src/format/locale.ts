// Locales briefdeck writes in, and the words each needs for numbers,
// periods and dates. Numbers are written as Intl writes them for `intlTag`
// (src/format/number.ts says why not by Intl itself).

export type Locale = 'en' | 'vi';
export const locales: readonly Locale[] = ['en', 'vi'];

export function isLocale(s: unknown): s is Locale {
  return s === 'en' || s === 'vi';
}

export const intlTag: Record<Locale, string> = { en: 'en-GB', vi: 'vi-VN' };

export const monthNames: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  vi: ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 6', 'tháng 7', 'tháng 8', 'tháng 9', 'tháng 10', 'tháng 11', 'tháng 12'],
};

export const monthShort: Record<Locale, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  vi: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
};

/** Words used around values: qualifiers, change, citations. */
export const words: Record<Locale, Record<string, string>> = {
  en: {
    over: 'over',
    about: 'about',
    under: 'under',
    up: 'up',
    down: 'down',
    unchanged: 'unchanged',
    points: 'percentage points',
    on: 'on',
    page: 'Page',
    of: 'of',
    source: 'Source',
    sources: 'Sources',
    unit: 'Unit',
    note: 'Note',
    drawnThrough: 'Line drawn through {drawn} of {total} points, chosen to keep its peaks and troughs (largest-triangle-three-buckets)',
    keyPoints: 'Key points',
    continued: 'continued',
    accordingTo: 'according to',
    dataAsOf: 'Data as of',
    keyFacts: 'Key facts',
    keyFigures: 'Key figures',
    figures: 'Figures',
    sourcesAndFigures: 'Figures used',
    noData: 'No data',
  },
  vi: {
    over: 'hơn',
    about: 'khoảng',
    under: 'dưới',
    up: 'tăng',
    down: 'giảm',
    unchanged: 'không đổi',
    points: 'điểm phần trăm',
    on: 'so với',
    page: 'Trang',
    of: '/',
    source: 'Nguồn',
    sources: 'Nguồn tham khảo',
    unit: 'Đơn vị',
    note: 'Ghi chú',
    drawnThrough: 'Đường được vẽ qua {drawn} trong số {total} điểm, chọn để giữ các đỉnh và đáy (largest-triangle-three-buckets)',
    keyPoints: 'Điểm chính',
    continued: 'tiếp theo',
    accordingTo: 'theo',
    dataAsOf: 'Số liệu tính đến',
    keyFacts: 'Số liệu chính',
    keyFigures: 'Số liệu nổi bật',
    figures: 'Bảng số liệu',
    noData: 'Không có số liệu',
    sourcesAndFigures: 'Số liệu đã dùng',
  },
};

/** Column headings of fact tables (the `factTable` helper and the fact annex). */
export const columnHeadings = {
  en: { label: 'Indicator', value: 'Value', period: 'Period', basis: 'Basis', source: 'Source', asOf: 'As of' },
  vi: { label: 'Chỉ tiêu', value: 'Giá trị', period: 'Kỳ', basis: 'Cơ sở số liệu', source: 'Nguồn', asOf: 'Tính đến' },
} as const;

type ChartKind = 'bar' | 'line' | 'area' | 'arc' | 'point';
/** Words of a chart's alternative text (charts/chart-alt-text.ts). */
export const chartAltWords: Record<Locale, { kinds: Record<ChartKind, string>; highest: string; lowest: string; value: string; range(first: string, last: string): string; count(n: number, kind: ChartKind): string }> = {
  en: {
    kinds: { bar: 'Bar chart', line: 'Line chart', area: 'Area chart', arc: 'Pie chart', point: 'Dot chart' },
    highest: 'highest',
    lowest: 'lowest',
    value: 'value',
    range: (first, last) => `${first} to ${last}`,
    count: (n, kind) => {
      const noun = { bar: ['bar', 'bars'], line: ['point', 'points'], area: ['point', 'points'], arc: ['slice', 'slices'], point: ['point', 'points'] }[kind];
      return `${n} ${n === 1 ? noun[0] : noun[1]}`;
    },
  },
  vi: {
    kinds: { bar: 'Biểu đồ cột', line: 'Biểu đồ đường', area: 'Biểu đồ miền', arc: 'Biểu đồ tròn', point: 'Biểu đồ điểm' },
    highest: 'cao nhất',
    lowest: 'thấp nhất',
    value: 'giá trị',
    range: (first, last) => `từ ${first} đến ${last}`,
    count: (n, kind) => `${n} ${{ bar: 'cột', line: 'điểm', area: 'điểm', arc: 'phần', point: 'điểm' }[kind]}`,
  },
};

/** A deck table's alternative text (`descr`): its column headings and how many rows this slide shows. */
export const tableAltWords: Record<Locale, (headings: string[], rows: number) => string> = {
  en: (headings, rows) => `Table, ${rows} ${rows === 1 ? 'row' : 'rows'}; columns: ${headings.join(', ')}.`,
  vi: (headings, rows) => `Bảng, ${rows} dòng; các cột: ${headings.join(', ')}.`,
};
