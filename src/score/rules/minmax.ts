import type { MinmaxRuleData } from '../../model/indicator-data.js';
import type { RuleScorer } from './types.js';

/** Relative to the other counties: (x − lo) ÷ (hi − lo), reversed for `direction: lower`; all equal → 1. */
export const minmax: RuleScorer<MinmaxRuleData> = {
  kind: () => 'rate',
  rate: true,
  attainment: (rule, x, _max, range) => {
    if (range === null || range.hi === range.lo) return 1;
    const v = x as number;
    return rule.direction === 'lower' ? (range.hi - v) / (range.hi - range.lo) : (v - range.lo) / (range.hi - range.lo);
  },
};
