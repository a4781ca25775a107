/**
 * Every command's output formats, in the order `--help` lists them. Each renderer registry is
 * typed `satisfies Record<Format, Renderer>`, so a registry and its list cannot drift apart, and
 * the command line reads its choices here without loading a single renderer.
 */
export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
export const SCORE_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
export const RANK_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
export const GAPS_FORMATS = ['table', 'json', 'md', 'csv', 'xlsx'] as const;
export const COMPARE_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
export const EXPLAIN_FORMATS = ['text', 'json'] as const;
export const REPORT_FORMATS = ['html', 'md', 'both', 'docx'] as const;
export const RECONCILE_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
export const TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;
export const COVERAGE_FORMATS = ['table', 'json', 'csv', 'xlsx'] as const;
export const SCORECARD_FORMATS = ['md', 'html', 'csv', 'xlsx', 'json', 'docx'] as const;
export const SENSITIVITY_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;

export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];
export type ScoreFormat = (typeof SCORE_FORMATS)[number];
export type RankFormat = (typeof RANK_FORMATS)[number];
export type GapsFormat = (typeof GAPS_FORMATS)[number];
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReconcileFormat = (typeof RECONCILE_FORMATS)[number];
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];
export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number];
export type SensitivityFormat = (typeof SENSITIVITY_FORMATS)[number];
