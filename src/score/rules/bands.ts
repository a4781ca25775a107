import type { BandsRuleData } from '../../model/indicator-data.js';
import type { RuleScorer } from './types.js';

/** The score of the first band x reaches (x ≥ min, or x ≤ max), in the order written; none → 0. */
export const bands: RuleScorer<BandsRuleData> = {
  kind: () => 'rate',
  rate: true,
  attainment: (rule, x) => {
    const v = x as number;
    const band = rule.bands.find((b) => (b.min !== undefined ? v >= b.min : v <= (b.max as number)));
    return band?.score ?? 0;
  },
};
