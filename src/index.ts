/**
 * fazhi's programmatic API: load an evaluation, score it, rank it, render it.
 * Everything but `loadEvaluation` and `readIndicators` is pure.
 */
export { parseIndicators, readIndicators, type LoadedIndicators } from './load/indicators.js';
export { loadEvaluation, type Evaluation, type EvaluationSource, type InputFile } from './load/evaluation.js';
export { parseRegister, type Register } from './load/register.js';
export { loadEvidence, type EvidenceFile, type LoadedEvidence } from './load/evidence.js';
export { parseValue, type CellValue, type ValueKind } from './load/value.js';
export { readCsv, type CsvRecord } from './load/csv.js';
export { parseYaml } from './load/yaml.js';
export { decode, type Encoding } from './load/decode.js';
export { FORMAT } from './model/indicator-data.js';
export { jsonSchema } from './model/json-schema.js';
export type * from './model/indicator-data.js';
export { buildSystem, type IndicatorSystem, type SystemNode } from './model/system.js';
export { checkFile, CHECKS } from './model/checks.js';
export type { Problem, Finding, Severity, ProblemCode } from './model/problem.js';
export { scoreCounties, type County, type CountyResult, type EvidenceCell, type EvidenceTable, type Scoring } from './score/score.js';
export { round } from './score/round.js';
export { RULES } from './score/rules/index.js';
export { competitionRanks } from './rank/rank.js';
export { rankBy, type Ranking } from './rank/by.js';
export { explain, type Explanation } from './analyze/explain.js';
export { gaps, type Gaps, type CountyGaps, type GapItem } from './analyze/gaps.js';
export { compare, type Comparison, type CountyChange } from './analyze/compare.js';
export { scoreReport, SCORE_RENDERERS, type ScoreReport } from './report/score.js';
export { RANK_RENDERERS } from './report/rank.js';
export { PLAIN, type Paint, type Painter } from './report/paint.js';
export { problemMessage, PROBLEMS } from './i18n/problems.js';
export { detectLang, type Lang } from './i18n/lang.js';
