import type { AssessedRule } from '../../model/indicators.js';
import type * as z from 'zod';
import type { RuleScorer } from './types.js';

/** The evaluator's own points: x ÷ max (x outside 0…max is refused when the evidence is read). */
export const assessed: RuleScorer<z.infer<typeof AssessedRule>> = {
  kind: () => 'points',
  rate: false,
  attainment: (_rule, x, max) => (max > 0 ? (x as number) / max : 0),
};
