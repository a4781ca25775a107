import type { Where } from './scope.js';

/**
 * An evaluation folder's `evaluation.yaml` (`fazhi/evaluation@1`, FORMATS.md §6, Evaluation
 * metadata): what was evaluated, by whom and for whom, as every human output names it. Every key
 * is optional; the object is strict, so a misspelt key is an error, never ignored.
 */

export const EVALUATION_FORMAT = 'fazhi/evaluation@1';

/** The metadata after reading: every key optional, `where` values as lists of strings. */
export interface EvaluationMeta {
  /** The reports' title, e.g. 文山州法治政府建设示范创建中期评估. */
  readonly title: string | null;
  /** The whole being evaluated (e.g. 文山壮族苗族自治州): replaces 全省 in every output. */
  readonly region: string | null;
  readonly evaluator: string | null;
  readonly period: string | null;
  readonly methods: readonly string[];
  /** Round id → the name people read, e.g. `midterm` → 中期评估（2022年）. */
  readonly rounds: Readonly<Record<string, string>>;
  /** The default scope: `--where` replaces it, `--all` drops it. */
  readonly where: Where | null;
  /** Shown on every human output (e.g. that the data are synthetic), and as `notice` in JSON. */
  readonly notice: string | null;
}

export const NO_META: EvaluationMeta = {
  title: null,
  region: null,
  evaluator: null,
  period: null,
  methods: [],
  rounds: {},
  where: null,
  notice: null,
};
