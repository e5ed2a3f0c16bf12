// A growth figure printed next to a value ("+13.5% on 2023") is a claim
// about two facts. When the dataset can check it, it is checked: against a
// declared growth relation, or against the value of the same measure and
// basis one year earlier. A mismatch is an error at the helper call.
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

export function checkGrowthClaim(env: HelperEnv, figure: Fact, growth: Fact, options: HelperOptions): void {
  const at = positionOfCall(env, options);
  const claim = `growth \`${growth.id}\` shown with \`${figure.id}\``;
  const declared = env.dataset.relations.find((r) => r.kind === 'growth' && r.growth === growth.id);
  if (declared && declared.kind === 'growth') {
    if (declared.to !== figure.id) env.diagnostics.push(report('template/claim-mismatch', at, { claim, detail: `the dataset declares it as the change to \`${declared.to}\`` }));
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
