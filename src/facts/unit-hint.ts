// An unknown unit name → a dataset.yaml `units:` snippet that would declare
// it, guessed from the name ("KES m" → symbol KES, scale million), for the
// hint of `facts/unknown-unit`. A guess to edit, not a rule.
import type { Scale, UnitTable } from './units.js';

const scaleTokens: Record<string, Scale> = {
  k: 'thousand', thousand: 'thousand', thousands: 'thousand',
  m: 'million', mn: 'million', million: 'million', millions: 'million',
  bn: 'billion', billion: 'billion', billions: 'billion',
  tn: 'trillion', trillion: 'trillion', trillions: 'trillion',
};

const yamlKey = (s: string) => (/^[\p{L}][\p{L}\p{N} ._-]*$/u.test(s) ? s : JSON.stringify(s));

export function declarationExample(unit: string): string {
  const tokens = unit.trim().split(/\s+/).filter(Boolean);
  let scale: Scale | undefined;
  if (tokens.length > 1 && scaleTokens[tokens.at(-1)!.toLowerCase()]) scale = scaleTokens[tokens.pop()!.toLowerCase()];
  else if (tokens.length > 1 && scaleTokens[tokens[0]!.toLowerCase()]) scale = scaleTokens[tokens.shift()!.toLowerCase()];
  const rest = tokens.join(' ');
  const lines = ['units:', `  ${yamlKey(unit)}:`];
  // Three capitals read as a currency code (KES, EUR): a symbol; anything else is a word after the number.
  if (/^[A-Z]{3}$/.test(rest)) lines.push(`    symbol: ${rest}`);
  else if (rest) lines.push(`    name: { en: ${yamlKey(rest)}, vi: ${yamlKey(rest)} }`);
  if (scale) lines.push(`    scale: ${scale}`);
  return lines.join('\n');
}

/** The arguments of `facts/unknown-unit`: the units known here and a declaration to start from. */
export function unknownUnitArgs(unit: string, units: UnitTable) {
  return { unit, known: Object.keys(units), example: declarationExample(unit) };
}
