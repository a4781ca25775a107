import type { BonusRuleData } from './indicator-data.js';
import { num } from './number.js';
import { type Phrase, phrase } from './phrase.js';
import type { NoEvidence } from './scoring.js';

/**
 * The score sheet's reasons that belong to no rule type: an item without usable evidence, one
 * left out for too few cases (合理缺项), a group's and the systems' component's; and the
 * criteria of what no rule type scores (bonus items, the systems' component). A rule's own
 * reason (a usable value short of full marks) and criterion are in its file under `rules/`.
 * 不适用 and report-only items lose nothing: they have no reason.
 */

/** No usable evidence: none given or rejected, 0 points (`missing: zero`) or left out (`exclude`). */
export const noEvidenceReason = (why: Exclude<NoEvidence, 'too-few'>, leftOut: boolean): Phrase =>
  phrase('reason-missing', { why, out: leftOut ? 1 : 0 });

/**
 * Too few cases: `min_n` not reached (`minN`), or none at all (`a/0`, `minN` null); 合理缺项 under
 * `few: na` (`counted: 'na'`), else no evidence, 0 points or left out.
 */
export const fewCasesReason = (minN: number | null, counted: 'na' | 'zero' | 'out'): Phrase =>
  phrase('reason-few', { n: minN === null ? '' : minN, counted });

/** A group that lost points: the ids of the items below it that lost them. */
export const groupReason = (ids: readonly string[]): Phrase => phrase('reason-group', { items: ids });

/** A group all of whose items are left out. */
export const groupLeftOutReason = (): Phrase => phrase('reason-group-left-out');

/** The indicator systems' component, which loses what the systems lose. */
export const systemsReason = (): Phrase => phrase('reason-systems');

/** A bonus item's criterion: `“是”加 2 分`, `每项加 2 分，最多加 4 分`. */
export const bonusCriterion = (rule: BonusRuleData): Phrase =>
  rule.type === 'check'
    ? phrase('criterion-bonus-check', { points: num(rule.points ?? 0) })
    : phrase('criterion-bonus-count', { per: num(rule.per ?? 0), max: num(rule.max ?? 0) });

/** The systems' component: their points on `scale`, scaled to the component's maximum. */
export const systemsCriterion = (scale: number, max: number): Phrase =>
  phrase('criterion-systems', { scale: num(scale), max: num(Math.round(max * 100) / 100) });
