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

export interface LinearRuleData {
  type: 'linear';
  /** The value that earns nothing. */
  zero: number;
  /** The value that earns full marks; below `zero` means lower is better. */
  full: number;
  min_n?: number | undefined;
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
}

export interface MinmaxRuleData {
  type: 'minmax';
  /** Default `higher`. */
  direction?: 'higher' | 'lower' | undefined;
  min_n?: number | undefined;
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

/** A system, group (with `items`) or scored item (with `rule`). */
export interface NodeInput extends Documented {
  id: string;
  name: string;
  /** Points under `points` weighting; 0 = report-only. */
  weight: number;
  items?: NodeInput[] | undefined;
  rule?: RuleData | undefined;
}

export interface VetoData extends Documented {
  id: string;
  name: string;
  effect: 'disqualify' | { cap: number };
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
  missing: 'zero' | 'exclude' | 'error';
  /** The pass line. */
  pass?: number | undefined;
  grades?: GradeData[] | undefined;
  systems: NodeInput[];
  vetoes?: VetoData[] | undefined;
  bonus?: { cap: number; items: BonusItemData[] } | undefined;
}

/** The file as written: the keys with defaults may be left out. */
export type IndicatorFileInput = Omit<IndicatorFileData, 'scale' | 'weighting' | 'precision' | 'missing'> &
  Partial<Pick<IndicatorFileData, 'scale' | 'weighting' | 'precision' | 'missing'>>;
