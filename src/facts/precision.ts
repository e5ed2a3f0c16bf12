// The precision a number was written with, read from its source text: YAML
// and CSV parse `1.40` to the JS number 1.4, which has forgotten the zero.
// A brief prints what the source printed, so we keep the digits as written.

/** Decimals in a number as written (`1.40` → 2, `2973.0` → 1, `1.5e3` → 0); undefined if it is not a plain number. */
export function writtenDecimals(raw: string): number | undefined {
  const m = /^[-+]?\d*(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(raw.trim());
  if (!m || !/\d/.test(raw)) return undefined;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

export type NumberTextProblem = 'infinite' | 'unsafe-integer' | 'digits';

/**
 * Why the number parsed from `raw` is not the number written, if it is not:
 * too large for a double (Infinity), a whole number beyond 2^53 (its last
 * digits are lost: 9007199254740993 reads as …992), or more significant
 * digits than the double keeps. A brief prints the double, so a number that
 * does not survive the trip would be printed wrong without a word.
 */
export function numberTextProblem(raw: string, value: number): NumberTextProblem | undefined {
  if (!Number.isFinite(value)) return 'infinite';
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return 'unsafe-integer';
  const m = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE][-+]?\d+)?$/.exec(raw.trim());
  if (!m) return undefined;
  const significant = (s: string) => s.replace(/^0+/, '').replace(/0+$/, '');
  const digits = significant(`${m[1] ?? ''}${m[2] ?? ''}`);
  if (digits === '') return undefined;
  if (digits.length > 17) return 'digits';
  const back = significant(Math.abs(value).toPrecision(digits.length).replace(/e.*$/, '').replace('.', ''));
  return back === digits ? undefined : 'digits';
}
