import type { FractionRuleData } from '../indicator-data.js';
import { num } from '../number.js';
import { phrase } from '../phrase.js';
import { minNote } from './min-n.js';
import { type Rule, shown } from './types.js';

/** An already normalised score 0…1: x itself. */
export const fraction: Rule<FractionRuleData, 'share'> = {
  kind: () => 'share',
  rate: true,
  relative: false,
  attainment: (_rule, x) => x,
  steps: (_rule, x, c) => `x = ${c.shown}; a = x = ${num(x)}`,
  needed: () => ['100%'],
  hint: (rule) => [phrase('share-input'), ...minNote(rule.min_n, rule.few)],
  criterion: (rule) => [phrase('criterion-fraction'), ...minNote(rule.min_n, rule.few)],
  reason: (_rule, x) => [phrase('reason-share', { value: shown(x, true) })],
};
