import type { FractionRule } from '../../model/indicators.js';
import type * as z from 'zod';
import type { RuleScorer } from './types.js';

/** An already normalised score 0…1: x itself. */
export const fraction: RuleScorer<z.infer<typeof FractionRule>> = {
  kind: () => 'share',
  rate: true,
  attainment: (_rule, x) => x as number,
};
