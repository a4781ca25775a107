import type { Wording } from '../model/phrase.js';
import type { NodeStatus, VetoBasis } from '../model/scoring.js';
import type { SystemFacts } from './system-facts.js';

/** The score sheets (`fazhi scorecard`) as data: built by scorecard.ts, worded by the renderers. */

/**
 * How a row came out: a node's status (scoring.ts), with `few` apart from `na` for an item left
 * out for too few cases (合理缺项), which reports name as such.
 */
export type RowStatus = NodeStatus | 'few';

/** One row of a county's score sheet: a system, group or item (or a component), as CLI.md's `scorecard` has it. */
export interface ScorecardRow {
  readonly id: string;
  readonly name: string;
  readonly parent: string | null;
  /** 1 for a system, 2 for its items, …; 1 for a component. */
  readonly depth: number;
  readonly max: number;
  /** Rounded as in `score`'s `scores`: `null` for a node left out, 不适用 or report-only. */
  readonly score: number | null;
  /** max − score, on the rounded score; `null` with `score`. */
  readonly lost: number | null;
  readonly status: RowStatus;
  /** The evidence as given, its source and note, and where it is (`file:line`, `file.xlsx!Sheet!C17`). */
  readonly value: string | null;
  readonly source: string | null;
  readonly note: string | null;
  readonly at: string | null;
  /** Each assessor's value, for a value combined from several (`assessors.combine`); else `null`. */
  readonly assessors: Readonly<Record<string, number>> | null;
  /** The rule in words; `null` for a group. */
  readonly rule: Wording | null;
  /** Why points were lost; `null` when none were (full marks, 不适用, 合理缺项, report-only). */
  readonly reason: Wording | null;
  /** What a row that does not count rests on: too few cases (合理缺项); else `null`. */
  readonly remark: Wording | null;
}

/** A bonus item's row: its points before the cap. */
export interface BonusRow {
  readonly id: string;
  readonly name: string;
  /** The most points it can give (`points` of a check, `max` of a count). */
  readonly max: number;
  readonly score: number;
  readonly value: string | null;
  readonly source: string | null;
  readonly note: string | null;
  readonly at: string | null;
  readonly assessors: Readonly<Record<string, number>> | null;
  readonly rule: Wording;
}

export interface CountyScorecard {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  readonly total: number;
  readonly base: number;
  /** The weighted composite, when the file declares components. */
  readonly composite: number | null;
  readonly bonus: number;
  readonly deducted: number;
  readonly grade: string | null;
  readonly rank: number | null;
  readonly prefectureRank: number | null;
  readonly disqualified: boolean;
  /** Every system, group and item, in file order. */
  readonly rows: readonly ScorecardRow[];
  /** Each component, in file order, when the file declares components. */
  readonly components: readonly ScorecardRow[] | null;
  readonly bonusItems: readonly BonusRow[];
  /** The triggered vetoes with their basis, in file order. */
  readonly vetoes: readonly VetoBasis[];
  /** Items whose self-assessment exceeded the scored points, when the file declares self-assessment. */
  readonly overclaimed: readonly string[] | null;
  /** The points the false-report deduction took (part of `deducted`), rounded. */
  readonly falseReport: number;
}

export interface Scorecard {
  /** What the sheets' heading states: the indicator system and its standard. */
  readonly system: SystemFacts & {
    /** Highest `min` first. */
    readonly grades: readonly { readonly label: string; readonly min: number }[];
    /** The most bonus points in all, or `null` without bonus items. */
    readonly bonusCap: number | null;
    /** How several assessors' values of one cell are combined. */
    readonly combine: 'mean' | 'median';
    /** Each component's share of the total, when the file declares components. */
    readonly components: readonly { readonly name: string; readonly share: number }[];
  };
  /** In rank order, as `score` lists them. */
  readonly counties: readonly CountyScorecard[];
}
