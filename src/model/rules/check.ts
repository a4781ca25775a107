import type { CheckRuleData } from '../indicator-data.js';
import { phrase } from '../phrase.js';
import type { Rule } from './types.js';

/** `expect: no` (or false, 否) reverses the rule: a no earns full marks. */
export const expectsYes = (rule: CheckRuleData): boolean =>
  !(rule.expect === false || rule.expect === 'no' || rule.expect === 'false' || rule.expect === '否');

/** 达标: full marks when the answer is the one expected (yes, unless `expect: no`). */
export const check: Rule<CheckRuleData, 'yesno'> = {
  kind: () => 'yesno',
  rate: false,
  relative: false,
  attainment: (rule, x) => (x === expectsYes(rule) ? 1 : 0),
  steps: (rule, x, c) =>
    `x = ${x ? c.yes : c.no}; ${expectsYes(rule) ? 'a = x ? 1 : 0' : 'a = x ? 0 : 1'} = ${x === expectsYes(rule) ? 1 : 0}`,
  needed: (rule) => [phrase(expectsYes(rule) ? 'needed-yes' : 'needed-no')],
  hint: (rule) => [phrase(expectsYes(rule) ? 'hint-yes-no' : 'hint-yes-no-reversed')],
  criterion: (rule) => [phrase('criterion-check', { reversed: expectsYes(rule) ? 0 : 1 })],
  reason: (rule) => [phrase('reason-check', { reversed: expectsYes(rule) ? 0 : 1 })],
};
