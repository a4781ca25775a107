import type { ValueKind, ValueOf } from '../evaluation.js';
import type { RuleData } from '../indicator-data.js';
import { num } from '../number.js';
import type { Wording } from '../phrase.js';
import type { Range } from '../scoring.js';

/** What explain's arithmetic needs besides the rule and the value. */
export interface StepContext {
  /** The item's maximum points. */
  readonly max: number;
  /** lo/hi over every county, for a relative rule. */
  readonly range: Range | null;
  /** The value as shown: `0.85`, or `17/20 = 0.85`. */
  readonly shown: string;
  /** How yes and no are written. */
  readonly yes: string;
  readonly no: string;
}

/** What the score sheet's reason for lost points needs besides the rule and the value. */
export interface ReasonContext {
  /** The item's maximum points. */
  readonly max: number;
  /** The points the value earned, unrounded (less than `max`). */
  readonly points: number;
  /** lo/hi over every county, for a relative rule. */
  readonly range: Range | null;
}

/**
 * Everything one rule type means (FORMATS.md §2, §4), in one place: the value it reads, its
 * attainment, the arithmetic `explain` shows, what full marks take and the hint templates give.
 * Wording is handed out as phrases of the catalogue, never as text of one language.
 */
export interface Rule<R extends RuleData = RuleData, K extends ValueKind = ValueKind> {
  /** What the evidence cell must hold. */
  readonly kind: (rule: R) => K;
  /** Whether `min_n` applies to a count fraction a/b (the rate rules). */
  readonly rate: boolean;
  /** Whether attainment depends on the lo/hi of every county's value (then `range` is given). */
  readonly relative: boolean;
  /** The attainment 0…1 of a usable value `x` for an item of maximum `max`. */
  readonly attainment: (rule: R, x: ValueOf<K>, max: number, range: Range | null) => number;
  /** The arithmetic, written out: `x = 0.85; a = … = 0.7`. */
  readonly steps: (rule: R, x: ValueOf<K>, c: StepContext) => string;
  /** What full marks take: `≥ 95%`, 是, 0 起. */
  readonly needed: (rule: R, max: number, range: Range | null) => Wording;
  /** What a template cell must hold. */
  readonly hint: (rule: R, max: number) => Wording;
  /** The rule in words, as a score sheet states it: `≥ 95% 满分，≤ 60% 不得分`. */
  readonly criterion: (rule: R, max: number) => Wording;
  /** Why a usable value earned less than full marks: `72%，低于满分线 95%`; `发生 2 起，扣 1 分`. */
  readonly reason: (rule: R, x: ValueOf<K>, c: ReasonContext) => Wording;
}

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Thresholds that are all within 0–1 read as shares, so they are shown as percentages. */
export const isShare = (values: readonly number[]): boolean => values.every((v) => v >= 0 && v <= 1);

/** A value as a score sheet shows it: a share as a percentage (`72%`, `66.67%`), else up to four decimals. */
export const shown = (x: number, share: boolean): string =>
  share ? `${num(Math.round(x * 10000) / 100)}%` : num(Math.round(x * 10000) / 10000);

/** Points as a score sheet states them: up to two decimals. */
export const pointsShown = (x: number): string => num(Math.round(x * 100) / 100);
