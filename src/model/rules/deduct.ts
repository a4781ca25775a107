import type { DeductRuleData } from '../indicator-data.js';
import { num } from '../number.js';
import { phrase } from '../phrase.js';
import { pointsShown, type Rule } from './types.js';

const deducted = (rule: DeductRuleData, x: number): number => Math.min(rule.per * x, rule.limit ?? Infinity);

/** 扣分制, 扣完为止: max(0, max − per × x) ÷ max, deducting at most `limit` points. */
export const deduct: Rule<DeductRuleData, 'count'> = {
  kind: () => 'count',
  rate: false,
  relative: false,
  attainment: (rule, x, max) => (max > 0 ? Math.max(0, max - deducted(rule, x)) / max : 0),
  steps: (rule, x, c) => {
    const xs = num(x);
    const limit =
      rule.limit !== undefined ? `min(${num(rule.per)} × ${xs}, ${num(rule.limit)})` : `${num(rule.per)} × ${xs}`;
    return `x = ${c.shown}; a = max(0, ${num(c.max)} − ${limit}) ÷ ${num(c.max)} = ${num(Math.max(0, c.max - deducted(rule, x)) / c.max)}`;
  },
  needed: () => [phrase('needed-no-cases')],
  hint: (rule) => [
    phrase(
      'hint-deduct',
      rule.limit === undefined ? { per: num(rule.per) } : { per: num(rule.per), limit: num(rule.limit) },
    ),
  ],
  criterion: (rule) => [
    phrase(
      'criterion-deduct',
      rule.limit === undefined ? { per: num(rule.per) } : { per: num(rule.per), limit: num(rule.limit) },
    ),
  ],
  reason: (_rule, x, c) => [phrase('reason-deduct', { count: num(x), points: pointsShown(c.max - c.points) })],
};
