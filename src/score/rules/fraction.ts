import type { FractionRuleData } from '../../model/indicator-data.js';
import type { RuleScorer } from './types.js';

/** An already normalised score 0…1: x itself. */
export const fraction: RuleScorer<FractionRuleData> = {
  kind: () => 'share',
  rate: true,
  attainment: (_rule, x) => x as number,
};
