import fc from 'fast-check';
import { scoreCounties } from '../src/evaluate.js';
import type { CellValue, County, EvidenceCell, EvidenceTable } from '../src/model/evaluation.js';
import type { IndicatorFileData, NodeInput, RuleData, VetoData } from '../src/model/indicator-data.js';
import { IndicatorFile } from '../src/model/indicators.js';
import type { Scoring } from '../src/model/scoring.js';
import { buildSystem } from '../src/model/system.js';

/**
 * Random evaluations for property tests (fast-check): indicator files using every 0.2 key
 * (per-node missing, few, components, graded vetoes, bonus, self-assessment and false reports)
 * with a few counties' evidence and self rows each.
 */

const GRADES = [
  { min: 90, label: '优秀' },
  { min: 80, label: '良好' },
  { min: 60, label: '合格' },
  { min: 0, label: '不合格' },
];

const ruleArb: fc.Arbitrary<RuleData> = fc.oneof(
  fc.constant<RuleData>({ type: 'check' }),
  fc
    .record({
      type: fc.constant('linear' as const),
      zero: fc.constantFrom(0.4, 0.6),
      full: fc.constantFrom(0.9, 1),
      min_n: fc.constantFrom(undefined, 3, 5),
      few: fc.constantFrom(undefined, 'na' as const, 'missing' as const),
    })
    .map((r) => {
      const { min_n, few, ...rest } = r;
      return { ...rest, ...(min_n === undefined ? {} : { min_n, ...(few === undefined ? {} : { few }) }) } as RuleData;
    }),
  fc.constant<RuleData>({ type: 'fraction' }),
  fc.constant<RuleData>({ type: 'assessed' }),
);
const policyArb = fc.constantFrom(undefined, 'zero' as const, 'exclude' as const);

const fileArb: fc.Arbitrary<IndicatorFileData> = fc
  .record({
    missing: fc.constantFrom('zero' as const, 'exclude' as const),
    systems: fc.array(
      fc.record({
        missing: policyArb,
        items: fc.array(fc.record({ weight: fc.integer({ min: 0, max: 5 }), rule: ruleArb, missing: policyArb }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    components: fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    vetoes: fc.array(
      fc.constantFrom<VetoData['effect']>(
        'disqualify',
        { cap: 59 },
        { deduct: 3 },
        { grade: '不合格' },
        { max_grade: '良好' },
        { max_grade: '合格' },
      ),
      { maxLength: 4 },
    ),
    selfFalse: fc.constantFrom(undefined, { per: 1 }, { per: 2, limit: 3 }),
  })
  .map(({ missing, systems, components, vetoes, selfFalse }) => {
    const built: NodeInput[] = systems.map((s, i) => {
      const items = s.items.map((it, j) => ({
        id: `S${i + 1}.${j + 1}`,
        name: `指标${i + 1}.${j + 1}`,
        weight: it.weight,
        rule: it.rule,
        ...(it.missing ? { missing: it.missing } : {}),
      }));
      if (!items.some((x) => x.weight > 0)) items[0] = { ...items[0]!, weight: 1 };
      return {
        id: `S${i + 1}`,
        name: `体系${i + 1}`,
        weight: items.reduce((a, x) => a + x.weight, 0),
        items,
        ...(s.missing ? { missing: s.missing } : {}),
      };
    });
    const scale = built.reduce((a, s) => a + s.weight, 0);
    return IndicatorFile.parse({
      id: 'r',
      name: 'r',
      scale,
      missing,
      pass: Math.round(scale * 0.6),
      grades: GRADES.map((g) => ({ ...g, min: (g.min * scale) / 100 })),
      systems: built,
      vetoes: vetoes.map((effect, i) => ({ id: `V${i + 1}`, name: `否决${i + 1}`, effect })),
      bonus: { cap: 3, items: [{ id: 'B1', name: '加分', rule: { type: 'check', points: 2 } }] },
      ...(components
        ? {
            components: [
              { id: 'desk', name: '书面评审', weight: 5 },
              ...components.map((w, i) => ({
                id: `k${i + 1}`,
                name: `评估${i + 1}`,
                weight: w,
                rule: { type: 'assessed' },
              })),
            ],
          }
        : {}),
      assessors: { self: '自评', ...(selfFalse ? { false_report: selfFalse } : {}) },
    }) as IndicatorFileData;
  });

const valueArb = (rule: RuleData | undefined, max: number): fc.Arbitrary<CellValue> => {
  const none = fc.constantFrom<CellValue>({ kind: 'none' }, { kind: 'na' });
  if (rule === undefined || rule.type === 'check')
    return fc.oneof(
      fc.boolean().map((value): CellValue => ({ kind: 'bool', value })),
      none,
    );
  if (rule.type === 'assessed')
    return fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((k): CellValue => ({ kind: 'number', value: (max * k) / 20 })),
      none,
    );
  return fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((k): CellValue => ({ kind: 'number', value: k / 20 })),
    fc
      .tuple(fc.nat(6), fc.nat(6))
      .map(
        ([a, extra]): CellValue => ({ kind: 'number', value: a + extra === 0 ? 0 : a / (a + extra), cases: a + extra }),
      ),
    none,
  );
};

export interface Case {
  file: IndicatorFileData;
  cells: Map<string, Map<string, CellValue>>;
  self: Map<string, Map<string, CellValue>>;
}

export const caseArb: fc.Arbitrary<Case> = fileArb.chain((file) => {
  const system = buildSystem(file);
  const ids = [
    ...system.items.map((n) => [n.id, n.rule, n.max] as const),
    ...system.components.flatMap((c) => (c.scorable ? [[c.id, c.scorable.rule, c.max] as const] : [])),
    ...(file.vetoes ?? []).map((v) => [v.id, undefined, 0] as const),
    ['B1', undefined, 0] as const,
  ];
  const county = fc.tuple(...ids.map(([, rule, max]) => valueArb(rule, max)));
  const selfCounty = fc.tuple(...system.items.map((n) => fc.option(valueArb(n.rule, n.max), { nil: undefined })));
  return fc.array(fc.tuple(county, selfCounty), { minLength: 1, maxLength: 6 }).map((rows) => {
    const cells = new Map<string, Map<string, CellValue>>();
    const self = new Map<string, Map<string, CellValue>>();
    rows.forEach(([values, own], i) => {
      cells.set(`c${i}`, new Map(ids.map(([id], k) => [id, values[k] ?? { kind: 'none' }])));
      self.set(
        `c${i}`,
        new Map(system.items.flatMap((n, k) => (own[k] === undefined ? [] : [[n.id, own[k]] as const]))),
      );
    });
    return { file, cells, self };
  });
});

export const asTable = (t: ReadonlyMap<string, ReadonlyMap<string, CellValue>>): EvidenceTable =>
  new Map(
    [...t].map(([c, row]) => [
      c,
      new Map(
        [...row].map(([id, value]): [string, EvidenceCell] => [
          id,
          {
            value,
            raw: value.kind === 'number' ? String(value.value) : value.kind,
            file: 'e.csv',
            line: 1,
            column: 1,
            source: null,
            note: null,
          },
        ]),
      ),
    ]),
  );

/** A case scored by the engine (its counties c0, c1, … in one prefecture), with `file` in place of the case's own when given. */
export function scoreCase({ file, cells, self }: Case, indicators: IndicatorFileData = file): Scoring {
  const counties: County[] = [...cells.keys()].map((id) => ({ id, name: id, prefecture: 'P', extra: {} }));
  return scoreCounties(buildSystem(indicators), counties, asTable(cells), asTable(self));
}
