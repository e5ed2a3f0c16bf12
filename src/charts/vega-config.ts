// The theme as a Vega-Lite config, and locales for Vega's number and date
// formatting: charts use the document's font, colours and decimal mark.
import type { Locale } from '../format/locale.js';
import type { Theme } from '../theme/theme.js';

/** How a symbol legend is laid out: set per chart from its entries (see `legendLayout` in render-chart.ts). */
export interface LegendLayout {
  columns: number;
  labelLimit: number;
}

export function vegaLiteConfig(theme: Theme, legendLayout?: LegendLayout): Record<string, unknown> {
  const c = theme.colors;
  const size = theme.sizePt.chartText;
  const font = theme.font.family;
  return {
    font,
    // ARIA attributes help a browser, not a PDF; leaving them out halves the SVG to parse.
    aria: false,
    background: c.background,
    padding: 4,
    view: { stroke: null },
    range: { category: [...c.chartPalette] },
    mark: { color: c.accent },
    bar: { color: c.accent },
    line: { color: c.accent, strokeWidth: 2 },
    point: { color: c.accent, filled: true, size: 45 },
    area: { color: c.accent, opacity: 0.85 },
    text: { font, fontSize: size, color: c.text },
    axis: {
      labelFont: font,
      titleFont: font,
      labelFontSize: size,
      titleFontSize: size,
      titleFontWeight: 'normal',
      labelColor: c.muted,
      titleColor: c.muted,
      domainColor: c.rule,
      tickColor: c.rule,
      gridColor: '#e4e8ec',
      labelLimit: 220,
    },
    axisX: { grid: false, labelAngle: 0 },
    axisBand: { labelAngle: 0 },
    legend: { labelFont: font, titleFont: font, labelFontSize: size, titleFontSize: size, titleFontWeight: 'normal', labelColor: c.text, titleColor: c.muted, orient: 'bottom', columnPadding: legendColumnPaddingPx, ...legendLayout },
    header: { labelFont: font, titleFont: font, labelFontSize: size, titleFontSize: size },
    title: { font, fontSize: 11, color: c.text },
  };
}

/** Room between legend columns. */
export const legendColumnPaddingPx = 12;

const viMonths = ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 6', 'tháng 7', 'tháng 8', 'tháng 9', 'tháng 10', 'tháng 11', 'tháng 12'];
const enMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Vega `locale` option: d3-format and d3-time-format definitions. */
export function vegaLocale(locale: Locale): { number: Record<string, unknown>; time: Record<string, unknown> } {
  if (locale === 'vi') {
    return {
      number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' US$'] },
      time: {
        dateTime: '%A, %e %B %Y, %X',
        date: '%d/%m/%Y',
        time: '%H:%M:%S',
        periods: ['SA', 'CH'],
        days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
        shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
        months: viMonths,
        shortMonths: viMonths.map((_, i) => `Th${i + 1}`),
      },
    };
  }
  return {
    number: { decimal: '.', thousands: ',', grouping: [3], currency: ['US$', ''] },
    time: {
      dateTime: '%a %e %b %Y %X',
      date: '%d/%m/%Y',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      months: enMonths,
      shortMonths: enMonths.map((m) => m.slice(0, 3)),
    },
  };
}
