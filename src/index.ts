/**
 * fazhi's programmatic API: load an evaluation, score it, rank it, render it.
 * Everything but `loadEvaluation` and `readIndicators` is pure.
 */

export { type Comparison, type CountyChange, compare } from './analyze/compare.js';
export { type Explanation, explain } from './analyze/explain.js';
export { type CountyGaps, type GapItem, type Gaps, gaps } from './analyze/gaps.js';
export { detectLang, type Lang } from './i18n/lang.js';
export { PROBLEMS, problemMessage } from './i18n/problems.js';
export { type CsvRecord, readCsv } from './load/csv.js';
export { decode, type Encoding } from './load/decode.js';
export { type Evaluation, type EvaluationSource, type InputFile, loadEvaluation } from './load/evaluation.js';
export { type EvidenceFile, type LoadedEvidence, loadEvidence } from './load/evidence.js';
export { type LoadedIndicators, parseIndicators, readIndicators } from './load/indicators.js';
export { parseRegister, type Register } from './load/register.js';
export { type CellValue, parseValue, type ValueKind } from './load/value.js';
export { parseYaml } from './load/yaml.js';
export { CHECKS, checkFile } from './model/checks.js';
export type * from './model/indicator-data.js';
export { FORMAT } from './model/indicator-data.js';
export { jsonSchema } from './model/json-schema.js';
export type { Finding, Problem, ProblemCode, Severity } from './model/problem.js';
export { buildSystem, type IndicatorSystem, type SystemNode } from './model/system.js';
export { type Ranking, rankBy } from './rank/by.js';
export { competitionRanks } from './rank/rank.js';
export { type Paint, type Painter, PLAIN } from './report/paint.js';
export { RANK_RENDERERS } from './report/rank.js';
export { SCORE_RENDERERS, type ScoreReport, scoreReport } from './report/score.js';
export { round } from './score/round.js';
export { RULES } from './score/rules/index.js';
export {
  type County,
  type CountyResult,
  type EvidenceCell,
  type EvidenceTable,
  type Scoring,
  scoreCounties,
} from './score/score.js';
