import type { AssessedRuleData } from '../indicator-data.js';
import { num } from '../number.js';
import { phrase } from '../phrase.js';
import { pointsShown, type Rule } from './types.js';

/** The evaluator's own points: x ÷ max (x outside 0…max is refused when the evidence is read). */
export const assessed: Rule<AssessedRuleData, 'points'> = {
  kind: () => 'points',
  rate: false,
  relative: false,
  attainment: (_rule, x, max) => (max > 0 ? x / max : 0),
  steps: (_rule, x, c) => `x = ${c.shown}; a = ${num(x)} ÷ ${num(c.max)} = ${num(x / c.max)}`,
  needed: (_rule, max) => [phrase('needed-points', { max: num(max) })],
  hint: (_rule, max) => [phrase('hint-assessed', { max: num(max) })],
  criterion: (_rule, max) => [phrase('criterion-assessed', { max: pointsShown(max) })],
  reason: (_rule, x, c) => [phrase('reason-assessed', { points: pointsShown(x), max: pointsShown(c.max) })],
};
