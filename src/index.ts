/**
 * fazhi's programmatic API: load and check indicator systems.
 * Scoring, ranking and rendering join as they are built.
 */
export { parseIndicators, readIndicators, type LoadedIndicators } from './load/indicators.js';
export { parseYaml } from './load/yaml.js';
export { decode, type Encoding } from './load/decode.js';
export { IndicatorFile, FORMAT, jsonSchema } from './model/indicators.js';
export type { IndicatorFileData, IndicatorFileInput, RuleData, RuleType } from './model/indicators.js';
export { buildSystem, type IndicatorSystem, type SystemNode } from './model/system.js';
export { checkFile, CHECKS } from './model/checks.js';
export type { Problem, Finding, Severity, ProblemCode } from './model/problem.js';
export { problemMessage, PROBLEMS } from './i18n/problems.js';
export { detectLang, type Lang } from './i18n/lang.js';
