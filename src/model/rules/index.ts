import type { ValueKind } from '../evaluation.js';
import type { RuleData, RuleType } from '../indicator-data.js';
import type { Wording } from '../phrase.js';
import type { Range } from '../scoring.js';
import { assessed } from './assessed.js';
import { bands } from './bands.js';
import { check } from './check.js';
import { deduct } from './deduct.js';
import { fraction } from './fraction.js';
import { linear } from './linear.js';
import { minmax } from './minmax.js';
import type { ReasonContext, Rule, StepContext } from './types.js';

/** A rule of data `R`, whatever value kind it reads. */
type AnyRule<R extends RuleData> = { [K in ValueKind]: Rule<R, K> }[ValueKind];

/** Every rule type: a new one is one file plus one line here (and its keys in the format). */
export const RULES = { check, linear, bands, deduct, assessed, fraction, minmax } satisfies {
  [T in RuleType]: AnyRule<Extract<RuleData, { type: T }>>;
};

/** A rule type's behaviour, seen through the value it reads as number or yes/no. */
interface Behaviour {
  readonly kind: (rule: RuleData) => ValueKind;
  readonly rate: boolean;
  readonly relative: boolean;
  readonly attainment: (rule: RuleData, x: number | boolean, max: number, range: Range | null) => number;
  readonly steps: (rule: RuleData, x: number | boolean, c: StepContext) => string;
  readonly needed: (rule: RuleData, max: number, range: Range | null) => Wording;
  readonly hint: (rule: RuleData, max: number) => Wording;
  readonly criterion: (rule: RuleData, max: number) => Wording;
  readonly reason: (rule: RuleData, x: number | boolean, c: ReasonContext) => Wording;
}

/**
 * The behaviour of an item's rule. The one place where a rule's own types meet the engine's:
 * the value grammar reads a cell by the rule's `kind`, so a yes/no rule only ever gets a boolean
 * and every other rule a number.
 */
export const ruleFor = (rule: RuleData): Behaviour => RULES[rule.type] as unknown as Behaviour;

export { expectsYes } from './check.js';
export type { ReasonContext, Rule, StepContext } from './types.js';
