/**
 * An indicator file (`fazhi/indicators@1`, FORMATS.md §1–2) as plain types, after defaults.
 * The zod schemas in `indicators.ts` are checked at compile time to produce exactly these, so the
 * programmatic API's types need no zod.
 */

export const FORMAT = 'fazhi/indicators@1';

/** yes/no as YAML 1.2 core writes it: `no` and `yes` are strings there. */
export type YesNoData = boolean | 'yes' | 'no' | 'true' | 'false' | '是' | '否';

export interface CheckRuleData {
  type: 'check';
  /** `no`: a no earns full marks. */
  expect?: YesNoData | undefined;
}

/** What a count fraction below `min_n` (or `a/0`) means: 合理缺项 (`na`, the default) or no evidence. */
export type FewPolicy = 'na' | 'missing';

export interface LinearRuleData {
  type: 'linear';
  /** The value that earns nothing. */
  zero: number;
  /** The value that earns full marks; below `zero` means lower is better. */
  full: number;
  min_n?: number | undefined;
  few?: FewPolicy | undefined;
}

export interface BandData {
  /** Reached when x ≥ min. */
  min?: number | undefined;
  /** Reached when x ≤ max. */
  max?: number | undefined;
  /** Share of the maximum, 0–1. */
  score: number;
}

export interface BandsRuleData {
  type: 'bands';
  bands: BandData[];
  min_n?: number | undefined;
  few?: FewPolicy | undefined;
}

export interface DeductRuleData {
  type: 'deduct';
  /** Points deducted per count. */
  per: number;
  /** The most points deducted. */
  limit?: number | undefined;
}

export interface AssessedRuleData {
  type: 'assessed';
}

export interface FractionRuleData {
  type: 'fraction';
  min_n?: number | undefined;
  few?: FewPolicy | undefined;
}

export interface MinmaxRuleData {
  type: 'minmax';
  /** Default `higher`. */
  direction?: 'higher' | 'lower' | undefined;
  min_n?: number | undefined;
  few?: FewPolicy | undefined;
}

export type RuleData =
  | CheckRuleData
  | LinearRuleData
  | BandsRuleData
  | DeductRuleData
  | AssessedRuleData
  | FractionRuleData
  | MinmaxRuleData;

export type RuleType = RuleData['type'];

interface Documented {
  description?: string | undefined;
  /** Where the criterion comes from. */
  source?: string | undefined;
  /** What proof counts. */
  evidence?: string | undefined;
}

/** What an item with no usable evidence gets. */
export type MissingPolicy = 'zero' | 'exclude' | 'error';

/** What kind of number a value must be: a rate 0…1, a whole count ≥ 0, or any number. */
export type UnitData = 'rate' | 'count' | 'number';

/** Bounds a parsed value must lie within; `null` leaves a side open. */
export type RangeData = [number | null, number | null];

/** A system, group (with `items`) or scored item (with `rule`). */
export interface NodeInput extends Documented {
  id: string;
  name: string;
  /** Points under `points` weighting; 0 = report-only. */
  weight: number;
  items?: NodeInput[] | undefined;
  rule?: RuleData | undefined;
  /** This node's (and, on a group, its descendants') policy for no evidence. */
  missing?: MissingPolicy | undefined;
  unit?: UnitData | undefined;
  range?: RangeData | undefined;
}

/** What a triggered veto does (FORMATS.md §6). */
export type VetoEffectData =
  | 'disqualify'
  | { cap: number }
  | { deduct: number }
  | { grade: string }
  | { max_grade: string };

export interface VetoData extends Documented {
  id: string;
  name: string;
  effect: VetoEffectData;
  /** Grade of a disqualified county (default 否决). */
  label?: string | undefined;
}

export type BonusRuleData =
  | { type: 'check'; points?: number | undefined }
  | { type: 'count'; per?: number | undefined; max?: number | undefined };

export interface BonusItemData extends Documented {
  id: string;
  name: string;
  rule: BonusRuleData;
}

/** One assessment of a composite (评估方式): the indicator systems (no rule), or one scored like an item. */
export interface ComponentData extends Documented {
  id: string;
  name: string;
  weight: number;
  rule?: RuleData | undefined;
  unit?: UnitData | undefined;
  range?: RangeData | undefined;
}

/** Self-assessment (自评) and verification (核定). */
export interface AssessorsData {
  /** The `by` value of the county's own rows: compared, never scored. */
  self?: string | undefined;
  /** How several assessors' values of one `assessed` cell are combined (default `mean`). */
  combine?: 'mean' | 'median' | undefined;
  /** 核查不实: points off the total per overclaimed item, at most `limit`. */
  false_report?: { per: number; limit?: number | undefined } | undefined;
}

export interface GradeData {
  min: number;
  label: string;
}

/** The whole file, defaults applied. */
export interface IndicatorFileData {
  format?: typeof FORMAT | undefined;
  id: string;
  name: string;
  version?: string | number | undefined;
  description?: string | undefined;
  source?: string | undefined;
  /** The most points before bonus (default 100). */
  scale: number;
  weighting: 'points' | 'relative';
  /** Decimals of every reported score (default 2). */
  precision: number;
  /** An item with no usable evidence (default `zero`). */
  missing: MissingPolicy;
  /** The pass line. */
  pass?: number | undefined;
  grades?: GradeData[] | undefined;
  systems: NodeInput[];
  vetoes?: VetoData[] | undefined;
  bonus?: { cap: number; items: BonusItemData[] } | undefined;
  components?: ComponentData[] | undefined;
  assessors?: AssessorsData | undefined;
}

/** The file as written: the keys with defaults may be left out. */
export type IndicatorFileInput = Omit<IndicatorFileData, 'scale' | 'weighting' | 'precision' | 'missing'> &
  Partial<Pick<IndicatorFileData, 'scale' | 'weighting' | 'precision' | 'missing'>>;
