// Formatting helpers for numbers the template writes itself or computes:
// `number`, `percent`, `currency`, `date`, `period`. Locale comes from the
// document. (A number typed in a template has no source: prefer `fact`.)
import type Handlebars from 'handlebars';
import { report } from '../../diagnostics/messages.js';
import { parseDate, parsePeriod } from '../../facts/period.js';
import { unknownUnitArgs } from '../../facts/unit-hint.js';
import { formatNumber } from '../../format/number.js';
import { formatDate, formatPeriod } from '../../format/period.js';
import { formatValue } from '../../format/value.js';
import { escapeMarkdown } from '../escape-markdown.js';
import { numberOption, positionOfCall, safe, splitArgs, unknownMarker, type HelperEnv, type HelperOptions } from './helper-env.js';

function numberArg(env: HelperEnv, v: unknown, options: HelperOptions): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (Number.isFinite(n)) return n;
  env.diagnostics.push(report('template/bad-argument', positionOfCall(env, options), { helper: options.name ?? 'number', detail: `expected a number, found \`${String(v)}\`` }));
  return undefined;
}

function numberHelper(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const n = numberArg(env, params[0], options);
    return n === undefined ? unknownMarker('number') : safe(env, escapeMarkdown(formatNumber(n, env.locale, numberOption(env, options, 'decimals'))));
  };
}

function percent(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const n = numberArg(env, params[0], options);
    return n === undefined ? unknownMarker('percent') : safe(env, escapeMarkdown(formatValue({ value: n, unit: '%' }, env.locale, env.dataset.units, { decimals: numberOption(env, options, 'decimals') })));
  };
}

/** `{{currency 260.65 unit="USD bn"}}` */
function currency(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const n = numberArg(env, params[0], options);
    const unit = typeof options.hash['unit'] === 'string' ? options.hash['unit'] : 'USD bn';
    if (!env.dataset.units[unit]) {
      env.diagnostics.push(report('facts/unknown-unit', positionOfCall(env, options), unknownUnitArgs(unit, env.dataset.units)));
      return unknownMarker('currency');
    }
    if (n === undefined) return unknownMarker('currency');
    const form = options.hash['form'] === 'short' ? 'short' : 'long';
    return safe(env, escapeMarkdown(formatValue({ value: n, unit }, env.locale, env.dataset.units, { decimals: numberOption(env, options, 'decimals'), form })));
  };
}

function dateHelper(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params, options } = splitArgs(args);
    const text = String(params[0] ?? '');
    if (!parseDate(text)) {
      env.diagnostics.push(report('facts/bad-date', positionOfCall(env, options), { date: text }));
      return unknownMarker('date');
    }
    return safe(env, escapeMarkdown(formatDate(text, env.locale)));
  };
}

function periodHelper(env: HelperEnv) {
  return function (this: unknown, ...args: unknown[]) {
    const { params, options } = splitArgs(args);
    // `{{period}}` inside `{{#eachFact}}` means the fact's period field, not this helper.
    if (params.length === 0 && this && typeof (this as { period?: unknown }).period === 'string') return safe(env, (this as { period: string }).period);
    const p = parsePeriod(String(params[0] ?? ''));
    if (!p) {
      env.diagnostics.push(report('facts/bad-period', positionOfCall(env, options), { period: String(params[0]) }));
      return unknownMarker('period');
    }
    return safe(env, escapeMarkdown(formatPeriod(p, env.locale)));
  };
}

/** `{{literal "some 40 agreements"}}`: text with a number kept on purpose (`briefdeck check` skips it). */
function literal(env: HelperEnv) {
  return (...args: unknown[]) => {
    const { params } = splitArgs(args);
    return safe(env, escapeMarkdown(String(params[0] ?? '')));
  };
}

export function formatHelpers(env: HelperEnv): Record<string, Handlebars.HelperDelegate> {
  return { number: numberHelper(env), percent: percent(env), currency: currency(env), date: dateHelper(env), period: periodHelper(env), literal: literal(env) };
}
