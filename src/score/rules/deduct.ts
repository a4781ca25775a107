import type { DeductRuleData } from '../../model/indicator-data.js';
import type { RuleScorer } from './types.js';

/** 扣分制, 扣完为止: max(0, max − per × x) ÷ max, deducting at most `limit` points. */
export const deduct: RuleScorer<DeductRuleData> = {
  kind: () => 'count',
  rate: false,
  attainment: (rule, x, max) => {
    const deducted = Math.min(rule.per * (x as number), rule.limit ?? Infinity);
    return max > 0 ? Math.max(0, max - deducted) / max : 0;
  },
};
