import { type Evaluation, loadEvaluation } from '../load/evaluation.js';
import type { Register } from '../load/register.js';
import { located } from '../load/table.js';
import { compareProblems, type Problem } from '../model/problem.js';
import { type Scoring, scoreCounties } from '../score/score.js';
import { InputError } from './errors.js';
import type { EvaluationFlags } from './evaluation-options.js';
import { displayPath } from './io.js';

export const loadFrom = (dir: string | undefined, flags: EvaluationFlags): Promise<Evaluation> =>
  loadEvaluation({
    dir,
    indicators: flags.indicators,
    counties: flags.counties,
    evidence: flags.evidence,
    round: flags.round,
    encoding: flags.encoding,
    sheet: flags.sheet,
    display: displayPath,
  });

export interface Scored {
  readonly evaluation: Evaluation;
  readonly scoring: Scoring;
  /** Bad cells set aside under --keep-going. */
  readonly rejected: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/**
 * Loads and scores an evaluation, or throws InputError with every problem found:
 * structural problems always, bad cells unless --keep-going, missing cells under `missing: error`.
 */
export async function loadAndScore(dir: string | undefined, flags: EvaluationFlags): Promise<Scored> {
  const evaluation = await loadFrom(dir, flags);
  const { system, register, evidence } = evaluation;
  const cellErrors = evidence?.cellErrors ?? [];
  const stop = [...evaluation.errors, ...(flags.keepGoing ? [] : cellErrors)];
  if (stop.length > 0 || !system || !register || !evidence) throw new InputError([...stop, ...evaluation.warnings]);
  const scoring = scoreCounties(system, register.counties, evidence.table);
  const rejected = flags.keepGoing ? [...cellErrors].sort(compareProblems) : [];
  if (scoring.missingCells.length > 0)
    throw new InputError([...missingProblems(scoring, register, evaluation), ...rejected, ...evaluation.warnings]);
  return { evaluation, scoring, rejected, warnings: evaluation.warnings };
}

function missingProblems(scoring: Scoring, register: Register, evaluation: Evaluation): Problem[] {
  const file = evaluation.inputs[0]?.path ?? 'counties.csv';
  return scoring.missingCells.map((m) =>
    located(
      'evidence-missing',
      file,
      { line: register.lines.get(m.county) ?? 0, column: 1 },
      { county: m.county, id: m.id },
    ),
  );
}
