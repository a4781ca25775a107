/**
 * fazhi's programmatic API: load an evaluation, score it, rank it, analyse it, render it.
 * Everything but `loadAndScore`, `loadAndCover`, `loadEvaluation` and `readIndicators` is pure.
 */

export { type Comparison, type CountyChange, compare } from './analyze/compare.js';
export {
  type CountyCoverage,
  type Coverage,
  type CoverageCounts,
  type CoverageSummary,
  coverage,
  type MissingItem,
  type SystemCoverage,
} from './analyze/coverage.js';
export { type Explanation, explain } from './analyze/explain.js';
export { type CountyGaps, type GapItem, type Gaps, gaps } from './analyze/gaps.js';
export { type CountyReconcile, type ReconcileItem, type Reconciliation, reconcile } from './analyze/reconcile.js';
export {
  type BonusRow,
  type CountyScorecard,
  type RowStatus,
  type Scorecard,
  type ScorecardRow,
  scorecard,
  scorecardRows,
} from './analyze/scorecard.js';
export {
  type CountySensitivity,
  SENSITIVITY_DEFAULTS,
  type Sensitivity,
  type SensitivityOptions,
  type SystemShift,
  sensitivity,
} from './analyze/sensitivity.js';
export { type Evaluated, type EvaluationOptions, loadAndScore, scoreCounties } from './evaluate.js';
export { type Covered, coverageOf, loadAndCover } from './evaluate-coverage.js';
export { detectLang, type Lang } from './i18n/lang.js';
export { words } from './i18n/phrases.js';
export { PROBLEMS, problemMessage } from './i18n/problems.js';
export { type CsvRecord, readCsv } from './load/csv.js';
export { type Decoded, type DecodeFault, decode, type Encoding } from './load/decode.js';
export { type Evaluation, type EvaluationSource, type InputFile, loadEvaluation } from './load/evaluation.js';
export { type EvidenceFile, type LoadedEvidence, loadEvidence } from './load/evidence.js';
export { type LoadedIndicators, parseIndicators, readIndicators } from './load/indicators.js';
export { parseRegister, type Register } from './load/register.js';
export { parseValue } from './load/value.js';
export { parseYaml } from './load/yaml.js';
export { CHECKS, checkFile } from './model/checks.js';
export type { CellValue, County, EvidenceCell, EvidenceTable, ValueKind } from './model/evaluation.js';
export type { EvaluationMeta } from './model/evaluation-meta.js';
export * from './model/indicator-data.js';
export { InputError, ScopeError } from './model/input-error.js';
export { jsonSchema } from './model/json-schema.js';
export type { Phrase, PhraseKey, Wording } from './model/phrase.js';
export type { Finding, Problem, ProblemCode, Severity } from './model/problem.js';
export { PROBLEM_CODES } from './model/problem-codes.js';
export type { Where } from './model/scope.js';
export type { CountyResult, CountyScore, NodeResult, Scores, Scoring } from './model/scoring.js';
export { buildSystem, type GroupNode, type IndicatorSystem, type ItemNode, type SystemNode } from './model/system.js';
export { type Ranking, rankBy } from './rank/by.js';
export { competitionRanks, rankScores } from './rank/rank.js';
export { COVERAGE_RENDERERS } from './report/coverage.js';
export { type Frame, frameOf } from './report/frame.js';
export { type Paint, type Painter, PLAIN } from './report/paint.js';
export { RANK_RENDERERS } from './report/rank.js';
export { SCORE_RENDERERS, type ScoreReport, scoreReport } from './report/score.js';
export { SCORECARD_RENDERERS, type ScorecardFormat, type ScorecardRenderOptions } from './report/scorecard.js';
export { SENSITIVITY_RENDERERS, type SensitivityFormat, type SensitivityRenderOptions } from './report/sensitivity.js';
export { round } from './score/round.js';
export { scoreAll } from './score/score.js';
