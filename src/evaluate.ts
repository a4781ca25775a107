/**
 * Reading, scoring and ranking an evaluation in one step: what every command that takes an
 * evaluation does first, and the programmatic API's shortest path from a folder to results.
 */
import { type Evaluation, type EvaluationSource, loadEvaluation } from './load/evaluation.js';
import type { County, EvidenceTable } from './model/evaluation.js';
import { InputError, ScopeError } from './model/input-error.js';
import { compareProblems, located, type Problem } from './model/problem.js';
import type { Scoring } from './model/scoring.js';
import type { IndicatorSystem } from './model/system.js';
import { rankScores } from './rank/rank.js';
import { scoreAll } from './score/score.js';

/** Scores and ranks every county given (FORMATS.md §2, §6); `self` holds self-assessment rows. Pure. */
export const scoreCounties = (
  system: IndicatorSystem,
  counties: readonly County[],
  evidence: EvidenceTable,
  self?: EvidenceTable,
): Scoring => rankScores(scoreAll(system, counties, evidence, self));

/** The evaluation flags (CLI.md) and how paths are shown in messages. */
export interface EvaluationOptions extends Partial<Omit<EvaluationSource, 'dir'>> {
  /** Bad cells become no evidence and are listed in `rejected`, instead of stopping the run. */
  readonly keepGoing?: boolean | undefined;
  /** Told when the evidence has been read and when it has been scored, with the number of evidence cells. */
  readonly onStep?: ((step: 'read' | 'scored', cells: number) => void) | undefined;
}

export interface Evaluated {
  readonly evaluation: Evaluation;
  readonly scoring: Scoring;
  /** The evidence scored (the evaluation's, for the round chosen). */
  readonly evidence: EvidenceTable;
  /** Bad cells set aside under `keepGoing`, in reading order. */
  readonly rejected: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/**
 * Loads, scores and ranks an evaluation, or throws InputError with every problem found:
 * structural problems always, bad cells unless `keepGoing`, missing cells under `missing: error`.
 */
export async function loadAndScore(dir: string | undefined, options: EvaluationOptions = {}): Promise<Evaluated> {
  const { keepGoing, onStep, display = (p: string) => p, ...source } = options;
  const evaluation = await loadEvaluation({ ...source, dir, display });
  const { system, register, evidence } = evaluation;
  if (evaluation.unknownScopeColumn)
    throw new ScopeError(evaluation.unknownScopeColumn.column, evaluation.unknownScopeColumn.columns);
  const cellErrors = evidence?.cellErrors ?? [];
  const stop = [...evaluation.errors, ...(keepGoing ? [] : cellErrors)];
  if (stop.length > 0 || !system || !register || !evidence) throw new InputError([...stop, ...evaluation.warnings]);
  const cells = evidence.counts.reduce((n, c) => n + c.cells, 0);
  onStep?.('read', cells);
  const scoring = scoreCounties(system, evaluation.counties, evidence.table, evidence.self);
  onStep?.('scored', cells);
  const rejected = keepGoing ? [...cellErrors].sort(compareProblems) : [];
  if (scoring.missingCells.length > 0) {
    const file = evaluation.inputs[0]?.path ?? 'counties.csv';
    const missing = scoring.missingCells.map((m) =>
      located(
        'evidence-missing',
        file,
        { line: register.lines.get(m.county) ?? 0, column: 1 },
        { county: m.county, id: m.id },
      ),
    );
    throw new InputError([...missing, ...rejected, ...evaluation.warnings]);
  }
  return { evaluation, scoring, evidence: evidence.table, rejected, warnings: evaluation.warnings };
}
