// The precision a number was written with, read from its source text: YAML
// and CSV parse `1.40` to the JS number 1.4, which has forgotten the zero.
// A brief prints what the source printed, so we keep the digits as written.

/** Decimals in a number as written (`1.40` → 2, `2973.0` → 1, `1.5e3` → 0); undefined if it is not a plain number. */
export function writtenDecimals(raw: string): number | undefined {
  const m = /^[-+]?\d*(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(raw.trim());
  if (!m || !/\d/.test(raw)) return undefined;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}
