// A growth figure printed next to a value ("+13.5% on 2023") is a claim
// about two facts. It must be the growth of that value's measure (a declared
// growth relation to the figure, else `growthOf:` or the measure's name, see
// isGrowthOf), and where the dataset can check the number it is checked:
// against the value of the same measure and basis one year earlier. A
// mismatch is an error at the helper call.
import { report } from '../../diagnostics/messages.js';
import type { Dataset, Fact } from '../../facts/dataset.js';
import { monthsBetween } from '../../facts/period.js';
import { factRange, growthRelation } from '../../check/relations.js';
import { positionOfCall, type HelperEnv, type HelperOptions } from './helper-env.js';

/** The value of `f`'s measure and basis for the same span one year earlier, if the dataset has it. */
export function yearEarlier(dataset: Dataset, f: Fact): Fact | undefined {
  return Object.values(dataset.facts).find(
    (p) =>
      p.measure === f.measure &&
      p.basis === f.basis &&
      p.unit === f.unit &&
      typeof p.value === 'number' &&
      !p.qualifier &&
      monthsBetween(p.period.start, f.period.start) === 12 &&
      monthsBetween(p.period.end, f.period.end) === 12,
  );
}

/** A measure without its last part: `trade.bilateral` for `trade.bilateral.total`; empty for an undotted one. */
function parentMeasure(measure: string): string {
  const i = measure.lastIndexOf('.');
  return i < 0 ? '' : measure.slice(0, i);
}

/**
 * Whether a growth fact not declared by a relation is the growth of `measure`:
 * its `growthOf:` names `measure`; or, without one, its measure sits beside
 * `measure` or under it (`trade.bilateral.growth` and
 * `trade.bilateral.total.growth` are both growths of `trade.bilateral.total`;
 * `port.throughput.growth` is not).
 */
export function isGrowthOf(growth: Fact, measure: string): boolean {
  if (growth.growthOf !== undefined) return growth.growthOf === measure;
  const parent = parentMeasure(growth.measure);
  return parent !== '' && (parent === measure || parent === parentMeasure(measure));
}

export function checkGrowthClaim(env: HelperEnv, figure: Fact, growth: Fact, options: HelperOptions): void {
  const at = positionOfCall(env, options);
  const claim = `growth \`${growth.id}\` shown with \`${figure.id}\``;
  const declared = env.dataset.relations.find((r) => r.kind === 'growth' && r.growth === growth.id);
  if (declared && declared.kind === 'growth') {
    if (declared.to !== figure.id) env.diagnostics.push(report('template/claim-mismatch', at, { claim, detail: `the dataset declares it as the change to \`${declared.to}\`` }));
    return;
  }
  if (!isGrowthOf(growth, figure.measure)) {
    env.diagnostics.push(
      report('template/claim-mismatch', at, {
        claim,
        detail: `\`${growth.id}\` is a growth of \`${growth.growthOf ?? growth.measure}\`, and \`${figure.id}\` measures \`${figure.measure}\``,
        hint: `show the growth of \`${figure.measure}\`; if \`${growth.id}\` is that, declare it in facts.yaml (a \`kind: growth\` relation with \`to: ${figure.id}\`, or \`growthOf: ${figure.measure}\` on the fact)`,
      }),
    );
    return;
  }
  const earlier = yearEarlier(env.dataset, figure);
  if (!earlier || typeof figure.value !== 'number' || typeof growth.value !== 'number' || figure.qualifier) return;
  if (growthRelation(env.dataset, earlier.id, figure.id)) return;
  const to = factRange(figure);
  const from = factRange(earlier);
  const lo = (to.lo / from.hi - 1) * 100;
  const hi = (to.hi / from.lo - 1) * 100;
  const stated = factRange(growth);
  if (stated.hi >= lo && stated.lo <= hi) return;
  const computed = Math.round(((figure.value / (earlier.value as number) - 1) * 100) * 100) / 100;
  env.diagnostics.push(report('template/claim-mismatch', at, { claim, detail: `\`${earlier.id}\` → \`${figure.id}\` is a change of ${computed}%, not ${growth.decimals === undefined ? growth.value : growth.value.toFixed(growth.decimals)}%` }));
}
