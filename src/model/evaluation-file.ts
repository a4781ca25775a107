import * as z from 'zod';
import { EVALUATION_FORMAT, type EvaluationMeta } from './evaluation-meta.js';

/** `evaluation.yaml` (FORMATS.md §6) as a zod schema; the plain type is in evaluation-meta.ts. */

const text = z.string().trim().min(1);
const scalar = z.union([z.string(), z.number()]);

export const EvaluationFile = z.strictObject({
  format: z.literal(EVALUATION_FORMAT).optional(),
  title: text.optional().describe('报告标题 / the reports’ title'),
  region: text.optional().describe('评估的范围（如 云南省、文山壮族苗族自治州），代替“全省” / the whole evaluated'),
  evaluator: text.optional().describe('评估机构 / who evaluated'),
  period: text.optional().describe('评估时间 / when'),
  methods: z.array(text).optional().describe('评估方式 / how'),
  rounds: z.record(z.string(), text).optional().describe('轮次的显示名称 / round id → display name'),
  where: z
    .record(z.string(), z.union([scalar, z.array(scalar).min(1)]))
    .optional()
    .describe('默认评估范围：登记表列 → 值 / the default scope: register column → value(s)'),
  notice: text.optional().describe('每份输出都显示的说明 / a notice on every output'),
});

/** Every key of the format, for "did you mean" hints. */
export const EVALUATION_KEYS: readonly string[] = Object.keys(EvaluationFile.shape);

/**
 * The metadata as read: `where` columns through `column` (the register's header aliases) and
 * values NFKC-normalised and trimmed, as `--where` and the register are.
 */
export function evaluationMeta(data: z.output<typeof EvaluationFile>, column: (c: string) => string): EvaluationMeta {
  const where: Record<string, string[]> = {};
  for (const [c, v] of Object.entries(data.where ?? {})) {
    const values = (Array.isArray(v) ? v : [v]).map((x) => String(x).normalize('NFKC').trim());
    const key = column(c);
    where[key] = [...(where[key] ?? []), ...values];
  }
  return {
    title: data.title ?? null,
    region: data.region ?? null,
    evaluator: data.evaluator ?? null,
    period: data.period ?? null,
    methods: data.methods ?? [],
    rounds: data.rounds ?? {},
    where: Object.keys(where).length > 0 ? where : null,
    notice: data.notice ?? null,
  };
}
