/**
 * Reading an evaluation and measuring its evidence completeness (`fazhi coverage`): like
 * `loadAndScore`, but a scored item with no evidence under `missing: error` is what coverage
 * reports, not a reason to stop.
 */
import { type Coverage, coverage, type Hint } from './analyze/coverage.js';
import type { EvaluationOptions } from './evaluate.js';
import { type Evaluation, loadEvaluation } from './load/evaluation.js';
import { InputError, ScopeError } from './model/input-error.js';
import { compareProblems, type Problem } from './model/problem.js';
import { itemHint } from './report/rule-words.js';
import { scoreAll } from './score/score.js';

const zhHint: Hint = (node) => itemHint(node, 'zh');

/**
 * The coverage of an evaluation as read, or `null` when it has no indicator system, register or
 * evidence to measure. Cells rejected under `--keep-going` are in the evidence as no evidence.
 */
export function coverageOf(evaluation: Evaluation, hint: Hint = zhHint): Coverage | null {
  const { system, register, evidence } = evaluation;
  if (!system || !register || !evidence) return null;
  const scores = scoreAll(system, evaluation.counties, evidence.table, evidence.self);
  return coverage(system, scores.counties, evidence.table, hint);
}

export interface Covered {
  readonly evaluation: Evaluation;
  readonly coverage: Coverage;
  /** Bad cells set aside under `keepGoing`, in reading order; they count as missing. */
  readonly rejected: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/**
 * Loads an evaluation and measures its coverage, or throws InputError with every problem that
 * stops it: structural problems always, bad cells unless `keepGoing`. Never stops for missing evidence.
 */
export async function loadAndCover(
  dir: string | undefined,
  options: EvaluationOptions = {},
  hint: Hint = zhHint,
): Promise<Covered> {
  const { keepGoing, display = (p: string) => p, ...source } = options;
  const evaluation = await loadEvaluation({ ...source, dir, display });
  if (evaluation.unknownScopeColumn)
    throw new ScopeError(evaluation.unknownScopeColumn.column, evaluation.unknownScopeColumn.columns);
  const cellErrors = evaluation.evidence?.cellErrors ?? [];
  const stop = [...evaluation.errors, ...(keepGoing ? [] : cellErrors)];
  const measured = stop.length === 0 ? coverageOf(evaluation, hint) : null;
  if (measured === null) throw new InputError([...stop, ...evaluation.warnings]);
  const rejected = keepGoing ? [...cellErrors].sort(compareProblems) : [];
  return { evaluation, coverage: measured, rejected, warnings: evaluation.warnings };
}
