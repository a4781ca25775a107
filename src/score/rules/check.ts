import type { CheckRuleData as Rule } from '../../model/indicator-data.js';
import type { RuleScorer } from './types.js';

/** `expect: no` (or false, 否) reverses the rule: a no earns full marks. */
export const expectsYes = (rule: Rule): boolean =>
  !(rule.expect === false || rule.expect === 'no' || rule.expect === 'false' || rule.expect === '否');

export const check: RuleScorer<Rule> = {
  kind: () => 'yesno',
  rate: false,
  attainment: (rule, x) => (x === expectsYes(rule) ? 1 : 0),
};
