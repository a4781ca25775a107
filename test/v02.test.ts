import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../src/analyze/reconcile.js';
import { loadAndScore, scoreCounties } from '../src/evaluate.js';
import { parseValue } from '../src/load/value.js';
import type { County, EvidenceCell, EvidenceTable } from '../src/model/evaluation.js';
import type { IndicatorFileInput, RuleData } from '../src/model/indicator-data.js';
import { IndicatorFile } from '../src/model/indicators.js';
import { buildSystem, type IndicatorSystem } from '../src/model/system.js';
import { round } from '../src/score/round.js';

/**
 * FORMATS.md §6 on test/fixtures/eval/v02, every number worked out by hand below:
 * per-node `missing`, `few`, `unit`/`range`, graded vetoes with their basis, components,
 * assessors (combined values, self rows, overclaiming), and scope.
 */

const dir = join(import.meta.dirname, 'fixtures', 'eval', 'v02');
const all = await loadAndScore(dir);
const county = (id: string) => {
  const c = all.scoring.counties.find((x) => x.county.id === id);
  if (!c) throw new Error(`no county ${id}`);
  return c;
};
const r2 = (x: number | null | undefined) => (x === null || x === undefined ? x : round(x, 2));

describe('甲县 (c1): components, combined assessors, overclaiming', () => {
  const c = county('c1');
  it('scores the items: S1.1 9/10 → 16, S1.2 1/10 → 6.67, S1.3 2 days → 15; S2.2 = mean(24, 27) = 25.5', () => {
    // S1.1: (0.9 − 0.5) ÷ 0.5 = 0.8 × 20; S1.2: (0.1 − 0.3) ÷ (0 − 0.3) = 2/3 × 10; S1.3: (2 − 5) ÷ (1 − 5) = 0.75 × 20
    expect(['S1.1', 'S1.2', 'S1.3', 'S2.1', 'S2.2'].map((id) => r2(c.nodes.get(id)?.points))).toEqual([
      16, 6.67, 15, 20, 25.5,
    ]);
    expect(c.assessors).toEqual({ 'S2.2': { 甲组: 24, 乙组: 27 }, site: { 甲组: 16, 乙组: 18 } });
  });
  it('composite = 60 × 0.831667 + 20 × 17/20 + 20 × (0.9 − 0.6)/0.35 over 100 = 84.04', () => {
    expect(r2(c.base)).toBe(83.17);
    expect([...(c.components ?? [])].map(([id, r]) => [id, r2(r.points)])).toEqual([
      ['desk', 49.9],
      ['site', 17],
      ['survey', 17.14],
    ]);
    expect(r2(c.composite)).toBe(84.04);
  });
  it('overclaims S1.1 (20 > 16) and S2.2 (30 > 25.5): 2 points off, which the bonus of 2 makes up', () => {
    expect(c.overclaimed).toEqual(['S1.1', 'S2.2']);
    expect([c.bonus, c.deducted, r2(c.total), c.grade, c.vetoes]).toEqual([2, 2, 84.04, '良好', []]);
  });
  it('reconcile lists both with their points, largest difference first, and the self total before the deduction', () => {
    const rc = reconcile(all.scoring, all.evidence, all.evaluation.evidence?.self ?? new Map());
    const mine = rc.counties.find((x) => x.id === 'c1');
    // self total: base 20 + 6.67 + 15 + 20 + 30 = 91.67; composite 55 + 17 + 17.14; + bonus 2
    expect(mine).toMatchObject({ selfTotal: 91.14, total: 84.04, overclaimed: ['S1.1', 'S2.2'], deducted: 2 });
    expect(mine?.items).toEqual([
      {
        id: 'S2.2',
        name: '行政执法案卷评查',
        max: 30,
        self: { value: '30', score: 30 },
        scored: { value: '25.5', score: 25.5 },
        diff: 4.5,
      },
      {
        id: 'S1.1',
        name: '行政机关负责人出庭应诉率',
        max: 20,
        self: { value: '10/10', score: 20 },
        scored: { value: '9/10', score: 16 },
        diff: 4,
      },
    ]);
    expect(rc.counties.filter((x) => x.id !== 'c1').every((x) => x.items.length === 0)).toBe(true);
  });
});

describe('乙县 (c2): few cases, per-node missing, deduct and grade vetoes with their basis', () => {
  const c = county('c2');
  it('2/2 under min_n 3 is 合理缺项; 0/0 under few: missing is no evidence, left out under S1’s exclude', () => {
    expect(c.nodes.get('S1.1')).toEqual({ points: null, status: 'na' });
    expect(c.nodes.get('S1.2')).toEqual({ points: null, status: 'excluded', noEvidence: 'too-few' });
    expect([c.notApplicable, c.fewCases, c.missing]).toEqual([['S1.1'], ['S1.1'], ['S1.2']]);
    // S1 = 50 × (20 × 1) ÷ 20: S1.3 alone counts
    expect(r2(c.nodes.get('S1')?.points)).toBe(50);
  });
  it('total = 60 × 0.7 + 15 + 20 − 5 = 72, graded 合格 and then set to 不合格; still ranked', () => {
    expect([r2(c.composite), c.deducted, r2(c.total), c.grade, c.disqualified, c.rank]).toEqual([
      77,
      5,
      72,
      '不合格',
      false,
      3,
    ]);
    expect(c.vetoBasis).toEqual([
      {
        id: 'V2',
        name: '发生较大安全生产事故',
        effect: { deduct: 5 },
        source: '应急管理局',
        note: '应急〔2022〕3号 2022-05-10',
        at: expect.stringMatching(/a-long\.csv:23$/),
      },
      {
        id: 'V4',
        name: '严重失职失责',
        effect: { grade: '不合格' },
        source: '省委依法治省办',
        note: '通报〔2022〕7号',
        at: expect.stringMatching(/a-long\.csv:24$/),
      },
    ]);
  });
});

describe('丙县, 戊县, 丁县: max_grade, cap, disqualify', () => {
  it('丙县 scores 100 + 2 = 102, 优秀 lowered to 良好 by max_grade; first', () => {
    expect([r2(county('c3').total), county('c3').grade, county('c3').rank]).toEqual([102, '良好', 1]);
  });
  it('戊县 is capped at 59: 不合格', () => {
    expect([r2(county('c5').total), county('c5').grade]).toEqual([59, '不合格']);
  });
  it('丁县 is disqualified: the veto overrides; an assessor’s 不适用 leaves S2.2 out', () => {
    const c = county('c4');
    expect([c.disqualified, c.grade, c.rank, c.nodes.get('S2.2')?.status]).toEqual([true, '否决', null, 'na']);
    // S1 = 50 × (20 × 0.9 + 20 × 0) ÷ 40; composite = 60 × 0.725 (site and survey missing: 0)
    expect([r2(c.nodes.get('S1')?.points), r2(c.composite)]).toEqual([22.5, 43.5]);
  });
});

describe('scope', () => {
  it('--where batch=1 scores the four counties of batch 1; 丁县’s rows are skipped, unparsed', async () => {
    const scoped = await loadAndScore(dir, { where: { batch: ['1'] } });
    expect(scoped.scoring.counties.map((c) => c.county.id)).toEqual(['c3', 'c1', 'c2', 'c5']);
    expect(scoped.evaluation.inputs[1]).toMatchObject({ rows: 44, used: 40, skipped: 4 });
  });
  it('an unknown column is a scope error', async () => {
    await expect(loadAndScore(dir, { where: { batc: ['1'] } })).rejects.toMatchObject({
      name: 'ScopeError',
      column: 'batc',
    });
  });
});

describe('the by column', () => {
  const small = join(import.meta.dirname, 'fixtures', 'eval', 'small', 'indicators.yaml');
  it('without assessors is kept and shown, and two assessors’ different values still conflict', async () => {
    const { parseIndicators } = await import('../src/load/indicators.js');
    const { loadEvidence } = await import('../src/load/evidence.js');
    const { readFileSync } = await import('node:fs');
    const system = parseIndicators(readFileSync(small, 'utf8'), 'i.yaml').system;
    if (!system) throw new Error('the small system does not load');
    const counties = [{ id: 'a', name: '甲', prefecture: 'P', extra: {} }];
    const text = 'county_id,indicator_id,value,by\na,S1.1,是,甲组\na,S1.1,否,乙组\n';
    const r = loadEvidence(system, counties, [{ file: 'e.csv', text }], undefined);
    expect(r.table.get('a')?.get('S1.1')).toMatchObject({ value: { kind: 'bool', value: true }, by: '甲组' });
    expect(r.cellErrors.map((p) => [p.code, p.line])).toEqual([['evidence-conflict', 3]]);
  });
  it('with assessors: one assessor giving two values for a cell is a conflict; self rows are kept apart', async () => {
    const { loadEvidence } = await import('../src/load/evidence.js');
    const system = all.scoring.system;
    const counties = [{ id: 'c1', name: '甲县', prefecture: '东州', extra: {} }];
    const text =
      'county_id,indicator_id,value,by\nc1,S2.2,24,甲组\nc1,S2.2,25,甲组\nc1,S2.2,30,自评\nc1,S2.2,20,乙组\n';
    const r = loadEvidence(system, counties, [{ file: 'e.csv', text }], undefined);
    expect(r.cellErrors.map((p) => [p.code, p.line])).toEqual([['evidence-conflict', 3]]);
    expect(r.table.get('c1')?.get('S2.2')).toMatchObject({
      value: { kind: 'number', value: 22 },
      assessors: { 甲组: 24, 乙组: 20 },
    });
    expect(r.self.get('c1')?.get('S2.2')).toMatchObject({ value: { kind: 'number', value: 30 }, by: '自评' });
  });
});

describe('combining assessors', () => {
  it('one value: what the general way gives with a second, empty one beside it', async () => {
    const { combined } = await import('../src/load/evidence-cells.js');
    const cell = (by: string | null, value: EvidenceCell['value'], source: string | null, order: number) => ({
      order,
      cell: { value, raw: ' 7 ', file: 'e.csv', line: order, column: 3, source, note: null, by },
    });
    const values: EvidenceCell['value'][] = [
      { kind: 'number', value: 0.1 + 0.2 },
      { kind: 'number', value: 3, cases: 4 },
      { kind: 'na' },
      { kind: 'none' },
    ];
    for (const value of values)
      for (const by of ['甲', null])
        for (const source of ['县法院', null]) {
          const one = combined([cell(by, value, source, 1)], 'median');
          // 龥 sorts after 甲: the first assessor, by name, stays where the cell stands.
          const two = combined([cell(by, value, source, 1), cell('龥', { kind: 'none' }, null, 2)], 'median');
          expect(one).toEqual(two);
        }
  });

  it('mean, or median (an even count: the mean of the two middle values); empty and 不适用 left out', async () => {
    const { combined } = await import('../src/load/evidence-cells.js');
    const at = (by: string, value: EvidenceCell['value'], order: number) => ({
      order,
      cell: { value, raw: '', file: 'e.csv', line: order, column: 1, source: null, note: null, by },
    });
    const n = (x: number): EvidenceCell['value'] => ({ kind: 'number', value: x });
    const four = [
      at('a', n(10), 1),
      at('b', n(40), 2),
      at('c', n(20), 3),
      at('d', n(25), 4),
      at('e', { kind: 'na' }, 5),
    ];
    expect(combined(four, 'mean').value).toEqual(n(23.75));
    expect(combined(four, 'median').value).toEqual(n(22.5));
    expect(combined(four.slice(0, 3), 'median').value).toEqual(n(20));
    const nothing = combined([at('a', { kind: 'na' }, 1), at('b', { kind: 'none' }, 2)], 'mean');
    expect([nothing.value, nothing.assessors]).toEqual([{ kind: 'na' }, undefined]);
    expect(combined(four, 'median').assessors).toEqual({ a: 10, b: 40, c: 20, d: 25 });
  });
});

describe('value checks', () => {
  const rate = { unit: 'rate' as const, range: null };
  it('unit: rate refuses 95 and suggests 95%; a/b and % are rates', () => {
    expect(parseValue('95', 'rate', Infinity, rate)).toEqual({ error: 'not-rate', suggest: '95%' });
    expect(parseValue('120%', 'rate', Infinity, rate)).toEqual({ error: 'not-rate', suggest: null });
    expect(parseValue('95%', 'rate', Infinity, rate)).toEqual({ kind: 'number', value: 0.95 });
    expect(parseValue('3/4', 'rate', Infinity, rate)).toEqual({ kind: 'number', value: 0.75, cases: 4 });
  });
  it('unit: count wants whole numbers; range bounds either side', () => {
    expect(parseValue('2.5', 'rate', Infinity, { unit: 'count', range: null })).toEqual({ error: 'not-count' });
    expect(parseValue('-1', 'rate', Infinity, { unit: null, range: [0, null] })).toEqual({
      error: 'outside-range',
      lo: 0,
      hi: null,
    });
    expect(parseValue('31', 'rate', Infinity, { unit: 'number', range: [0, 30] })).toMatchObject({
      error: 'outside-range',
    });
    expect(parseValue('30', 'rate', Infinity, { unit: 'number', range: [0, 30] })).toEqual({
      kind: 'number',
      value: 30,
    });
  });
});

// ── Properties ────────────────────────────────────────────────────────────────

const system = (over: Partial<IndicatorFileInput>): IndicatorSystem =>
  buildSystem(IndicatorFile.parse({ id: 't', name: 't', ...over }));
const counties = (n: number): County[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `县${i}`, prefecture: 'P', extra: {} }));
const cell = (raw: string, kind: Parameters<typeof parseValue>[1]): EvidenceCell => {
  const value = parseValue(raw, kind);
  if ('error' in value) throw new Error(`bad test value ${raw}`);
  return { value, raw, file: 'e.csv', line: 1, column: 1, source: null, note: null };
};
const table = (rows: readonly (readonly [string, string, EvidenceCell])[]): EvidenceTable => {
  const t = new Map<string, Map<string, EvidenceCell>>();
  for (const [c, id, v] of rows) t.set(c, (t.get(c) ?? new Map()).set(id, v));
  return t;
};

/** Two systems of rate items with min_n, a check item, and values as count fractions. */
const rateSystem = (few: 'na' | 'missing', extra: Partial<IndicatorFileInput> = {}) => {
  const rule = (): RuleData => ({ type: 'linear', zero: 0.5, full: 1, min_n: 4, few });
  return system({
    grades: [
      { min: 90, label: '优秀' },
      { min: 80, label: '良好' },
      { min: 60, label: '合格' },
      { min: 0, label: '不合格' },
    ],
    systems: [
      {
        id: 'S1',
        name: 's1',
        weight: 60,
        items: [
          { id: 'a', name: 'a', weight: 30, rule: rule(), unit: 'rate' },
          { id: 'b', name: 'b', weight: 30, rule: rule(), unit: 'rate' },
        ],
      },
      { id: 'S2', name: 's2', weight: 40, items: [{ id: 'c', name: 'c', weight: 40, rule: { type: 'check' } }] },
    ],
    ...extra,
  });
};
const fraction = fc.tuple(fc.nat(8), fc.nat(8)).map(([a, extra]) => `${a}/${a + extra}`);
const evidenceOf = (values: readonly (readonly [string, string, boolean])[]) =>
  table(
    values.flatMap(([a, b, yes], i) => [
      [`c${i}`, 'a', cell(a, 'rate')],
      [`c${i}`, 'b', cell(b, 'rate')],
      [`c${i}`, 'c', cell(yes ? '是' : '否', 'yesno')],
    ]),
  );
const values = fc.array(fc.tuple(fraction, fraction, fc.boolean()), { minLength: 1, maxLength: 6 });

describe('properties', () => {
  it('few: na never lowers a county’s total against few: missing under missing: zero', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const evidence = evidenceOf(vs);
        const na = scoreCounties(rateSystem('na'), counties(vs.length), evidence);
        const missing = scoreCounties(rateSystem('missing'), counties(vs.length), evidence);
        for (const c of na.counties) {
          const other = missing.counties.find((x) => x.county.id === c.county.id);
          expect(c.total).toBeGreaterThanOrEqual((other?.total ?? 0) - 1e-9);
        }
      }),
    );
  });

  it('a max_grade veto never raises a grade', () => {
    fc.assert(
      fc.property(values, fc.constantFrom('优秀', '良好', '合格', '不合格'), (vs, limit) => {
        const evidence = evidenceOf(vs);
        const vetoes = [{ id: 'V', name: 'v', effect: { max_grade: limit } }];
        const plain = scoreCounties(rateSystem('na'), counties(vs.length), evidence);
        const t = new Map(evidence);
        for (const c of counties(vs.length)) t.set(c.id, new Map(t.get(c.id)).set('V', cell('是', 'yesno')));
        const vetoed = scoreCounties(rateSystem('na', { vetoes }), counties(vs.length), t);
        const order = ['优秀', '良好', '合格', '不合格'];
        for (const c of vetoed.counties) {
          const before = plain.counties.find((x) => x.county.id === c.county.id)?.grade ?? '';
          expect(order.indexOf(c.grade ?? '')).toBeGreaterThanOrEqual(order.indexOf(before));
          expect(order.indexOf(c.grade ?? '')).toBeGreaterThanOrEqual(
            Math.min(order.indexOf(before), order.indexOf(limit)),
          );
        }
      }),
    );
  });

  it('a component of weight 0 changes nothing', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 9 }), fc.nat(10), (vs, survey, extra) => {
        const evidence = new Map(evidenceOf(vs));
        for (const c of counties(vs.length))
          evidence.set(c.id, new Map(evidence.get(c.id)).set('z', cell(String(extra % 11), 'points')));
        const components = [
          { id: 'desk', name: '书面评审', weight: 10 - survey },
          { id: 'site', name: '实地评估', weight: survey, rule: { type: 'assessed' as const } },
        ];
        const base = scoreCounties(rateSystem('na', { components }), counties(vs.length), evidence);
        const zero = scoreCounties(
          rateSystem('na', {
            components: [...components, { id: 'z', name: '零权重', weight: 0, rule: { type: 'assessed' } }],
          }),
          counties(vs.length),
          evidence,
        );
        expect(zero.counties.map((c) => [c.county.id, round(c.total, 6), c.rank])).toEqual(
          base.counties.map((c) => [c.county.id, round(c.total, 6), c.rank]),
        );
      }),
    );
  });
});
