import * as z from 'zod';
import { FORMAT, type IndicatorFileData, type IndicatorFileInput, type NodeInput } from './indicator-data.js';
import { MAX_POINTS, MAX_VALUE } from './number.js';

export { FORMAT };

/**
 * The indicator-system format `fazhi/indicators@1` (FORMATS.md §1–2) as zod schemas.
 * Objects are strict: an unknown key is an error, so a typo is never ignored.
 * Cross-field rules (weights adding up, bands ordered, unique ids …) live in `checks.ts`.
 */

export const ID_PATTERN = /^[A-Za-z0-9._-]+$/;

const id = z.string().regex(ID_PATTERN).describe('标识：字母、数字、点、下划线、连字符 / id: letters, digits, . _ -');
const name = z.string().min(1).describe('名称 / name');
const text = z.string();
/** A threshold compared with evidence values: within ±MAX_VALUE, as the values are (number.ts). */
const value = z.number().min(-MAX_VALUE).max(MAX_VALUE);
/** Points (a pass line, a grade): within ±MAX_POINTS (number.ts). */
const signedPoints = z.number().min(-MAX_POINTS).max(MAX_POINTS);
/** Points or a weight: 0 … MAX_POINTS. */
const points = z.number().min(0).max(MAX_POINTS);
/** Points given or taken: more than 0, at most MAX_POINTS. */
const positivePoints = z.number().positive().max(MAX_POINTS);
const minN = z
  .number()
  .int()
  .min(1)
  .max(MAX_VALUE)
  .describe('最少案件数：a/b 中 b 小于它时视为无有效佐证 / fewest cases for an a/b value to count');

const few = z
  .enum(['na', 'missing'])
  .describe(
    '案件数少于 min_n（或 a/0）时：na 合理缺项（默认，不计入），missing 按无佐证处理 / too few cases: na (default, left out) or missing',
  );
const missing = z
  .enum(['zero', 'exclude', 'error'])
  .describe('无佐证时：zero 记 0 分，exclude 不计入，error 报错 / an item with no usable evidence');
const unit = z
  .enum(['rate', 'count', 'number'])
  .describe('值的种类：rate 比率 0–1，count 非负整数，number 任意数 / what kind of number a value is');
const range = z
  .tuple([value.nullable(), value.nullable()])
  .describe('值的范围 [下限, 上限]，null 表示不限 / the bounds a value must lie within; null: open');

const docs = {
  description: text.optional().describe('说明 / description'),
  source: text.optional().describe('依据 / where the criterion comes from'),
  evidence: text.optional().describe('佐证材料 / what proof counts'),
};

/** yes/no as YAML 1.2 core writes it: `no` and `yes` are strings there. */
const yesNo = z.union([z.boolean(), z.enum(['yes', 'no', 'true', 'false', '是', '否'])]);

export const CheckRule = z.strictObject({
  type: z.literal('check'),
  expect: yesNo.optional().describe('`no` 表示“否”得满分 / `no`: a no earns full marks'),
});

export const LinearRule = z.strictObject({
  type: z.literal('linear'),
  zero: value.describe('得 0 分的值 / the value that earns nothing'),
  full: value.describe(
    '得满分的值；小于 zero 表示越低越好 / the value that earns full marks; below zero means lower is better',
  ),
  min_n: minN.optional(),
  few: few.optional(),
});

export const Band = z.strictObject({
  min: value.optional().describe('达到此值（≥）/ reached when x ≥ min'),
  max: value.optional().describe('不超过此值（≤）/ reached when x ≤ max'),
  score: z.number().min(0).max(1).describe('得分比例 0–1 / share of the maximum, 0–1'),
});

export const BandsRule = z.strictObject({
  type: z.literal('bands'),
  bands: z.array(Band).min(1),
  min_n: minN.optional(),
  few: few.optional(),
});

export const DeductRule = z.strictObject({
  type: z.literal('deduct'),
  per: positivePoints.describe('每起扣分 / points deducted per count'),
  limit: positivePoints.optional().describe('最多扣分 / the most points deducted'),
});

export const AssessedRule = z.strictObject({ type: z.literal('assessed') });

export const FractionRule = z.strictObject({
  type: z.literal('fraction'),
  min_n: minN.optional(),
  few: few.optional(),
});

export const MinmaxRule = z.strictObject({
  type: z.literal('minmax'),
  direction: z.enum(['higher', 'lower']).optional().describe('默认 higher（越高越好）/ default higher'),
  min_n: minN.optional(),
  few: few.optional(),
});

export const Rule = z.discriminatedUnion('type', [
  CheckRule,
  LinearRule,
  BandsRule,
  DeductRule,
  AssessedRule,
  FractionRule,
  MinmaxRule,
]);

export const Node: z.ZodType<NodeInput, NodeInput> = z
  .strictObject({
    id,
    name,
    weight: points.describe(
      '权重（points 方式下即分值）；0 表示仅报告不计分 / weight (points under points weighting); 0 = report-only',
    ),
    get items() {
      return z.array(Node).optional().describe('下级指标（有 items 即为分组）/ children (a group)');
    },
    rule: Rule.optional().describe('评分规则（有 rule 即为计分项）/ scoring rule (a scored item)'),
    missing: missing.optional(),
    unit: unit.optional(),
    range: range.optional(),
    ...docs,
  })
  .meta({ id: 'node' });

export const Veto = z.strictObject({
  id,
  name,
  effect: z
    .union([
      z.literal('disqualify'),
      z.strictObject({ cap: points.describe('总分上限 / the total is capped here') }),
      z.strictObject({ deduct: positivePoints.describe('从总分扣除的分数 / points off the total') }),
      z.strictObject({ grade: z.string().min(1).describe('直接确定的等次 / the grade, whatever the total') }),
      z.strictObject({ max_grade: z.string().min(1).describe('最高等次 / the best grade allowed') }),
    ])
    .describe(
      'disqualify（取消资格）、{ cap: N }（总分封顶）、{ deduct: N }（扣分）、{ grade: 等次 }（直接定等次）或 { max_grade: 等次 }（不得高于该等次）',
    ),
  label: z.string().min(1).optional().describe('取消资格时的等次（默认 否决）/ grade of a disqualified county'),
  ...docs,
});

export const BonusRule = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('check'),
    points: positivePoints.optional().describe('“是”加的分 / points for a yes'),
  }),
  z.strictObject({
    type: z.literal('count'),
    per: positivePoints.optional().describe('每项加分 / points each'),
    max: positivePoints.optional().describe('此项最多加分 / the most points'),
  }),
]);

export const BonusItem = z.strictObject({ id, name, rule: BonusRule, ...docs });

export const Grade = z.strictObject({ min: signedPoints, label: z.string().min(1) });

export const Component = z.strictObject({
  id,
  name,
  weight: points.describe('在综合得分中的权重 / weight in the composite'),
  rule: Rule.optional().describe(
    '评分规则；恰有一个评估方式没有 rule，即指标体系本身 / scoring rule; exactly one has none: the systems',
  ),
  unit: unit.optional(),
  range: range.optional(),
  ...docs,
});

export const Assessors = z.strictObject({
  self: z.string().min(1).optional().describe('佐证 by 列中表示自评的值 / the `by` value of self-assessment rows'),
  combine: z
    .enum(['mean', 'median'])
    .optional()
    .describe('多个评估主体的评分如何合并（默认 mean）/ how assessors are combined'),
  false_report: z
    .strictObject({
      per: positivePoints.describe('每个自评不实的指标扣分 / points off per overclaimed item'),
      limit: positivePoints.optional().describe('最多扣分 / the most points off'),
    })
    .optional()
    .describe('核查不实的扣分 / the deduction for overclaiming'),
});

export const IndicatorFile = z.strictObject({
  format: z.literal(FORMAT).optional(),
  id,
  name,
  version: z.union([z.string(), z.number()]).optional(),
  description: text.optional(),
  source: text.optional(),
  scale: positivePoints.default(100).describe('满分（加分前）/ the most points before bonus'),
  weighting: z.enum(['points', 'relative']).default('points'),
  precision: z.number().int().min(0).max(6).default(2).describe('报告分数的小数位 / decimals of every reported score'),
  missing: z.enum(['zero', 'exclude', 'error']).default('zero').describe('无佐证时 / an item with no usable evidence'),
  pass: signedPoints.optional().describe('达标线 / the pass line'),
  grades: z.array(Grade).optional().describe('等次，按总分判定 / grades on the rounded total'),
  systems: z.array(Node).min(1).describe('一级指标（八大体系）/ the top-level systems'),
  vetoes: z.array(Veto).optional().describe('一票否决 / vetoes'),
  bonus: z
    .strictObject({
      cap: points.describe('加分上限 / the most bonus points in all'),
      items: z.array(BonusItem),
    })
    .optional(),
  components: z.array(Component).min(1).optional().describe('评估方式及其权重 / the assessments of a composite'),
  assessors: Assessors.optional().describe('自评与核定 / self-assessment and verification'),
});

// The plain types of indicator-data.ts are exactly what these schemas read and produce.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [
  Same<z.output<typeof IndicatorFile>, IndicatorFileData>,
  Mutual<z.input<typeof IndicatorFile>, IndicatorFileInput>,
] = [true, true];
void sameTypes;

/** Every key the format knows, for "did you mean" hints on unknown keys. */
export const KNOWN_KEYS: readonly string[] = [
  ...new Set([
    ...Object.keys(IndicatorFile.shape),
    'id',
    'name',
    'weight',
    'items',
    'rule',
    'description',
    'source',
    'evidence',
    'type',
    'expect',
    'zero',
    'full',
    'min_n',
    'bands',
    'min',
    'max',
    'score',
    'per',
    'limit',
    'direction',
    'effect',
    'label',
    'cap',
    'points',
    'few',
    'missing',
    'unit',
    'range',
    'deduct',
    'grade',
    'max_grade',
    'self',
    'combine',
    'false_report',
  ]),
];
