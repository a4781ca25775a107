import type { ValueKind } from '../../load/value.js';
import type { RuleData } from '../../model/indicator-data.js';

/** What one rule type needs to score a value. */
export interface RuleScorer<R extends RuleData = RuleData> {
  /** What the evidence cell must hold. */
  readonly kind: (rule: R) => ValueKind;
  /** Whether `min_n` applies (rate rules). */
  readonly rate: boolean;
  /** The attainment 0…1 of a usable value `x` for an item of maximum `max`; `range` is minmax's lo/hi. */
  readonly attainment: (rule: R, x: number | boolean, max: number, range: Range | null) => number;
}

export interface Range {
  readonly lo: number;
  readonly hi: number;
}

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
