import type { County } from './evaluation.js';
import type { VetoEffectData } from './indicator-data.js';
import type { IndicatorSystem } from './system.js';

/**
 * How a node came out:
 * `scored`; `missing` (no usable evidence, scored 0 under `missing: zero`); `excluded` (left out
 * of its parent's sums: no evidence under `exclude`, too few cases or rejected under `error`, or a
 * group with every child left out); `na` (不适用); `report-only` (weight 0).
 */
export type NodeStatus = 'scored' | 'missing' | 'excluded' | 'na' | 'report-only';

/** Why an item has no usable evidence. */
export type NoEvidence = 'none' | 'too-few' | 'rejected';

/** A triggered veto and what it rests on: the row that triggered it (认定依据). */
export interface VetoBasis {
  readonly id: string;
  readonly name: string;
  readonly effect: VetoEffectData;
  /** The row's source and note: 认定机关、文号、日期, as the evidence gives them. */
  readonly source: string | null;
  readonly note: string | null;
  /** Where the row is: `file:line` or `file.xlsx!Sheet!C17`. */
  readonly at: string;
}

export interface NodeResult {
  /** Unrounded points; `null` when excluded, 不适用 or report-only. */
  readonly points: number | null;
  readonly status: NodeStatus;
  readonly noEvidence?: NoEvidence;
}

/** The lowest and highest usable value of an item over every county (for relative rules). */
export interface Range {
  readonly lo: number;
  readonly hi: number;
}

/** One county's points, before ranking. */
export interface CountyScore {
  readonly county: County;
  /** Every system and item, unrounded. */
  readonly nodes: ReadonlyMap<string, NodeResult>;
  readonly base: number;
  readonly bonus: number;
  /** Each bonus item's points, before the cap. */
  readonly bonusItems: ReadonlyMap<string, number>;
  readonly total: number;
  /** Triggered veto ids in file order. */
  readonly vetoes: readonly string[];
  readonly disqualified: boolean;
  readonly grade: string | null;
  /** Scored items with no usable evidence, file order. */
  readonly missing: readonly string[];
  /** Items marked 不适用, and too-few-cases items under `few: na`, file order. */
  readonly notApplicable: readonly string[];
  /** Items scored as too few cases (`few: na`: also in notApplicable), file order. */
  readonly fewCases: readonly string[];
  /** Each component's points, unrounded (the systems' included), when the file declares components. */
  readonly components: ReadonlyMap<string, NodeResult> | null;
  /** The weighted composite of the components (on `scale`), or `null` without components. */
  readonly composite: number | null;
  /** Points taken by deduct vetoes and the false-report deduction, as written (FORMATS.md §6). */
  readonly deducted: number;
  /** What each triggered veto rests on, in file order (as `vetoes`). */
  readonly vetoBasis: readonly VetoBasis[];
  /** Items whose self-assessment exceeds the scored points; `null` without self-assessment. */
  readonly overclaimed: readonly string[] | null;
  /** Each combined `assessed` cell's assessors and their values. */
  readonly assessors: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** One component's points, as the outputs list them. */
export interface ComponentPoints {
  readonly id: string;
  readonly name: string;
  /** Rounded points, `null` when left out. */
  readonly points: number | null;
  readonly max: number;
}

/** A county's points and its ranks. */
export interface CountyResult extends CountyScore {
  readonly rank: number | null;
  readonly prefectureRank: number | null;
}

/** Every county scored, in register order, not yet ranked. */
export interface Scores {
  readonly system: IndicatorSystem;
  readonly counties: readonly CountyScore[];
  /** Under `missing: error`: every (county, item) with no evidence at all. */
  readonly missingCells: readonly { readonly county: string; readonly id: string }[];
  /** Relative (minmax) items' lo/hi over the register. */
  readonly ranges: ReadonlyMap<string, Range | null>;
}

/** Every county scored and ranked. */
export interface Scoring extends Scores {
  /** In rank order: ranked by rounded total, ties by id, then the disqualified by id. */
  readonly counties: readonly CountyResult[];
}
