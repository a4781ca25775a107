import type { InputFile } from '../load/evaluation.js';
import type { EvidenceTable } from '../model/evaluation.js';
import type { EvaluationMeta } from '../model/evaluation-meta.js';
import type { Lang } from '../model/lang.js';
import type { Where } from '../model/scope.js';
import type { ComponentPoints, Scoring, VetoBasis } from '../model/scoring.js';
import type { Comparison, CountyChange } from './compare.js';
import type { CountyGaps, GapItem, Gaps } from './gaps.js';
import type { CountySensitivity, Sensitivity } from './sensitivity.js';
import type { GroupSummary, ItemStat } from './summary.js';
import type { SystemFacts } from './system-facts.js';

/**
 * The model of `fazhi report`: everything the province overview, the prefecture reports and the
 * county pages show, worked out once from a scoring, its shortfalls and (optionally) the
 * progress against a baseline. Pure: data in, data out; the renderers turn it into HTML or
 * Markdown and the command writes the files.
 */

/** How the report was made (it ends every page). */
export interface Provenance {
  readonly version: string;
  readonly indicatorsPath: string;
  readonly indicatorsSha256: string | null;
  /** evaluation.yaml, when the folder has one. */
  readonly metaFile: { readonly path: string; readonly sha256: string } | null;
  readonly inputs: readonly InputFile[];
}

export interface ReportSource {
  readonly scoring: Scoring;
  readonly gaps: Gaps;
  readonly evidence: EvidenceTable;
  readonly round: string | null;
  /** The progress against a baseline round, with how that round was chosen and its scoring. */
  readonly baseline: {
    readonly round: string;
    readonly automatic: boolean;
    readonly comparison: Comparison;
    readonly scoring: Scoring;
  } | null;
  readonly provenance: Provenance;
  /** What evaluation.yaml says of the evaluation (every key empty without one). */
  readonly meta: EvaluationMeta;
  /** The scope in force (evaluation.yaml's or `--where`), or `null` for the whole register. */
  readonly scope: Where | null;
  /** YYYY-MM-DD, or `null` for no date at all. */
  readonly date: string | null;
  readonly lang: Lang;
  /** Whether county pages are written (so that the reports link to them). */
  readonly countyPages: boolean;
  /** Whether the overview is written (so that the prefecture reports link back to it). */
  readonly index: boolean;
  /** The weights drawn at random (`report --sensitivity`): each county's rank interval; absent or `null` without. */
  readonly sensitivity?: Sensitivity | null;
}

export interface Axis {
  readonly id: string;
  readonly name: string;
  readonly max: number;
}

/** One system of a county's profile. */
export interface SystemProfile {
  /** Rounded points, `null` when the system was left out or 不适用. */
  readonly points: number | null;
  /** points ÷ max, unrounded, or `null`. */
  readonly attainment: number | null;
}

/** An item whose points moved between the baseline and this round, by how much (rounded). */
export interface ItemMove {
  readonly id: string;
  readonly name: string;
  readonly delta: number;
}

/** One row of a county's score sheet (county pages): every system, group and item in file order. */
export interface SheetRow {
  readonly id: string;
  readonly name: string;
  readonly depth: number;
  readonly max: number;
  readonly points: number | null;
  readonly status: 'scored' | 'missing' | 'excluded' | 'na' | 'report-only';
  readonly value: string | null;
  readonly source: string | null;
}

export interface CountyEntry {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  /** The register's creation batch (its `batch` column), or `null`: marks creation counties (创建县). */
  readonly batch: string | null;
  readonly total: number;
  readonly grade: string | null;
  readonly rank: number | null;
  readonly prefectureRank: number | null;
  readonly disqualified: boolean;
  /** Names of the triggered vetoes. */
  readonly vetoes: readonly string[];
  /** The triggered vetoes with what they do and rest on. */
  readonly vetoBasis: readonly VetoBasis[];
  /** Each component's points, when the file declares components. */
  readonly components: readonly ComponentPoints[] | null;
  /** At or above the pass line; `null` with no pass line or when disqualified. */
  readonly passes: boolean | null;
  readonly profile: readonly SystemProfile[];
  readonly gaps: CountyGaps;
  /** The (up to) five items with the most points lost. */
  readonly top: readonly GapItem[];
  /** The passPlan's items with their names and points. */
  readonly passPlan: readonly GapItem[] | null;
  readonly change: CountyChange | null;
  /** Items that rose / fell since the baseline, largest move first (ties by id); empty without one. */
  readonly improved: readonly ItemMove[];
  readonly regressed: readonly ItemMove[];
  /** Scored items (weight > 0) with points, and how many of them earned full marks. */
  readonly scoredItems: number;
  readonly fullMarks: number;
  /** Only built for county pages. */
  readonly sheet: readonly SheetRow[];
  /** The county page's file name (without extension) inside its prefecture's folder, when county pages are written. */
  readonly page: string | null;
  /** Its median rank and 5–95% rank interval over the weights drawn (`--sensitivity`), or `null` without. */
  readonly interval: CountySensitivity | null;
}

/** An item lost by several counties. */
export interface Shortfall {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly max: number;
  /** How many counties lost points on it (or have no evidence under `exclude`). */
  readonly counties: number;
  /** Of how many counties. */
  readonly of: number;
  /** Points lost by them all, rounded. */
  readonly lost: number;
  /** Mean points lost per losing county, rounded. */
  readonly meanLost: number;
}

export interface PrefectureEntry {
  readonly name: string;
  /** Its report's file name, without extension; also the name of its county-page folder. */
  readonly file: string;
  /** In the scoring's order: rank, ties by id, the disqualified last. */
  readonly counties: readonly CountyEntry[];
  /** Mean total over all its counties (disqualified included, as in `compare`), rounded. */
  readonly mean: number | null;
  /** The best ranked county (ties: the first in rank order). */
  readonly best: CountyEntry | null;
  /** The lowest ranked county (ties: the last in rank order). */
  readonly lowest: CountyEntry | null;
  readonly ranked: number;
  readonly passing: number;
  /** Mean attainment of each system over its counties that have points there. */
  readonly means: readonly (number | null)[];
  /** Items lost by at least half of its counties, most counties first (at most 10). */
  readonly shortfalls: readonly Shortfall[];
  /** Half of its counties, rounded up: the bar for a common shortfall. */
  readonly half: number;
  /** Mean totals of its counties present in both rounds. */
  readonly progress: {
    readonly n: number;
    readonly before: number | null;
    readonly after: number | null;
    readonly delta: number | null;
  } | null;
  /** Each scored item over its counties. */
  readonly items: readonly ItemStat[];
  /** The facts its written summary rests on. */
  readonly summary: GroupSummary;
}

export interface ReportModel {
  readonly lang: Lang;
  readonly system: SystemFacts & {
    /** The assessments combined into the total (书面评审、实地评估 …), with their share of it; empty without components. */
    readonly components: readonly { readonly name: string; readonly share: number }[];
  };
  readonly round: string | null;
  readonly baseline: ReportSource['baseline'];
  readonly meta: EvaluationMeta;
  readonly scope: Where | null;
  /** The system's grades, best first, with the lowest total each takes. */
  readonly grades: readonly { readonly label: string; readonly min: number }[];
  readonly date: string | null;
  readonly axes: readonly Axis[];
  /** The province mean attainment of each system (over the counties that have points there). */
  readonly means: readonly (number | null)[];
  /** In rank order. */
  readonly counties: readonly CountyEntry[];
  readonly prefectures: readonly PrefectureEntry[];
  /** The items most counties lose points on (at most 10). */
  readonly shortfalls: readonly Shortfall[];
  readonly mean: number | null;
  readonly ranked: number;
  readonly passing: number;
  /** Each grade with how many counties got it, in the system's grade order (then other labels, e.g. 否决). */
  readonly gradeCounts: readonly [string, number][];
  /** Each scored item over all counties. */
  readonly items: readonly ItemStat[];
  /** The facts the overview's written summary rests on. */
  readonly summary: GroupSummary;
  readonly provenance: Provenance;
  readonly countyPages: boolean;
  readonly index: boolean;
  /** Whether charts mark the creation counties: only where the register tells them apart (some have no batch). */
  readonly marksCreation: boolean;
  /** The overview's file name, without extension. */
  readonly indexFile: string;
  /** The weights drawn at random (`--sensitivity`), or `null`: then the reports say nothing of it. */
  readonly sensitivity: Sensitivity | null;
}

export const TOP_SHORTFALLS = 5;
export const TOP_COMMON = 10;
