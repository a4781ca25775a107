import type { RuleData, RuleType } from '../../model/indicator-data.js';
import { assessed } from './assessed.js';
import { bands } from './bands.js';
import { check } from './check.js';
import { deduct } from './deduct.js';
import { fraction } from './fraction.js';
import { linear } from './linear.js';
import { minmax } from './minmax.js';
import type { RuleScorer } from './types.js';

/** Every rule type's scorer: a new rule type is one file plus one line here. */
export const RULES = { check, linear, bands, deduct, assessed, fraction, minmax } satisfies Record<
  RuleType,
  RuleScorer<never>
>;

export const scorerFor = (rule: RuleData): RuleScorer => RULES[rule.type] as RuleScorer;

export type { Range, RuleScorer } from './types.js';
