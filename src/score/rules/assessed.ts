import type { AssessedRuleData } from '../../model/indicator-data.js';
import type { RuleScorer } from './types.js';

/** The evaluator's own points: x ÷ max (x outside 0…max is refused when the evidence is read). */
export const assessed: RuleScorer<AssessedRuleData> = {
  kind: () => 'points',
  rate: false,
  attainment: (_rule, x, max) => (max > 0 ? (x as number) / max : 0),
};
