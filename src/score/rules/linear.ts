import type { LinearRuleData } from '../../model/indicator-data.js';
import { clamp01, type RuleScorer } from './types.js';

/** clamp((x − zero) ÷ (full − zero), 0, 1); full < zero means lower is better. */
export const linear: RuleScorer<LinearRuleData> = {
  kind: () => 'rate',
  rate: true,
  attainment: (rule, x) => clamp01(((x as number) - rule.zero) / (rule.full - rule.zero)),
};
