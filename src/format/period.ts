// Periods and dates → locale text: `Jan–Oct 2024` / `tháng 1–10/2024`.
import type { Period } from '../facts/period.js';
import { monthNames, monthShort, type Locale } from './locale.js';

const roman = ['I', 'II', 'III', 'IV'];

function ymd(s: string): [number, number, number] {
  const [y, m, d] = s.split('-').map(Number);
  return [y!, m!, d!];
}

export function formatDate(iso: string, locale: Locale): string {
  const parts = iso.split('-').map(Number);
  const [y, m, d] = parts;
  if (parts.length === 1) return String(y);
  if (parts.length === 2) return locale === 'vi' ? `tháng ${m}/${y}` : `${monthNames.en[m! - 1]} ${y}`;
  return locale === 'vi' ? `${d}/${m}/${y}` : `${d} ${monthNames.en[m! - 1]} ${y}`;
}

export function formatPeriod(p: Period, locale: Locale): string {
  const [sy, sm, sd] = ymd(p.start);
  const [ey, em, ed] = ymd(p.end);
  switch (p.kind) {
    case 'year':
      return String(sy);
    case 'quarter': {
      const q = roman[(sm - 1) / 3]!;
      return locale === 'vi' ? `quý ${q}/${sy}` : `Q${(sm - 1) / 3 + 1} ${sy}`;
    }
    case 'month':
      return locale === 'vi' ? `tháng ${sm}/${sy}` : `${monthNames.en[sm - 1]} ${sy}`;
    case 'day':
      return formatDate(p.start, locale);
    case 'range': {
      if (sd !== 1 || ed < 28) return `${formatDate(p.start, locale)}–${formatDate(p.end, locale)}`;
      if (sy === ey) {
        if (sm === 1 && em === 12) return String(sy);
        return locale === 'vi' ? `tháng ${sm}–${em}/${sy}` : `${monthShort.en[sm - 1]}–${monthShort.en[em - 1]} ${sy}`;
      }
      if (sm === 1 && em === 12) return `${sy}–${ey}`;
      return locale === 'vi'
        ? `tháng ${sm}/${sy}–tháng ${em}/${ey}`
        : `${monthShort.en[sm - 1]} ${sy}–${monthShort.en[em - 1]} ${ey}`;
    }
    default: {
      const never: never = p.kind;
      return never;
    }
  }
}

