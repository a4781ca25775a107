import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCounties } from '../src/evaluate.js';
import { parseValue, type ValueKind } from '../src/load/value.js';
import type { County, EvidenceCell, EvidenceTable } from '../src/model/evaluation.js';
import type { IndicatorFileInput, RuleData } from '../src/model/indicator-data.js';
import { IndicatorFile } from '../src/model/indicators.js';
import { ruleFor } from '../src/model/rules/index.js';
import { buildSystem, type IndicatorSystem } from '../src/model/system.js';
import { round } from '../src/score/round.js';

/** Hand-computed examples of every rule and edge of FORMATS.md §2. */

function system(over: Partial<IndicatorFileInput>): IndicatorSystem {
  return buildSystem(IndicatorFile.parse({ id: 't', name: 't', ...over }));
}

const one = (rule: RuleData, extra: Partial<IndicatorFileInput> = {}): IndicatorSystem =>
  system({
    systems: [{ id: 'S1', name: 's', weight: 100, items: [{ id: 'a', name: 'a', weight: 100, rule }] }],
    ...extra,
  });

function kindOf(s: IndicatorSystem, id: string): { kind: ValueKind; max: number } {
  const node = s.items.find((n) => n.id === id);
  if (node) return { kind: ruleFor(node.rule!).kind(node.rule!), max: node.max };
  const bonus = s.bonus?.items.find((b) => b.id === id);
  if (bonus) return { kind: bonus.rule.type === 'count' ? 'count' : 'yesno', max: Infinity };
  return { kind: 'yesno', max: Infinity };
}

function evidence(s: IndicatorSystem, data: Record<string, Record<string, string>>): EvidenceTable {
  const table = new Map<string, Map<string, EvidenceCell>>();
  for (const [county, cells] of Object.entries(data)) {
    const row = new Map<string, EvidenceCell>();
    for (const [id, raw] of Object.entries(cells)) {
      const { kind, max } = kindOf(s, id);
      const value = parseValue(raw, kind, max);
      if ('error' in value) throw new Error(`test data: ${id}=${raw}: ${value.error}`);
      row.set(id, { value, raw, file: 'e.csv', line: 2, column: 3, source: null, note: null });
    }
    table.set(county, row);
  }
  return table;
}

const counties = (...ids: string[]): County[] =>
  ids.map((id) => ({ id, name: id, prefecture: id.startsWith('p') ? 'P' : 'Q', extra: {} }));

function points(s: IndicatorSystem, raw: string | undefined, id = 'a'): number | null {
  const data = raw === undefined ? {} : { [id]: raw };
  return scoreCounties(s, counties('c'), evidence(s, { c: data })).counties[0]!.nodes.get(id)!.points;
}

describe('rules', () => {
  it('check: yes earns all; expect: no reverses it', () => {
    expect(points(one({ type: 'check' }), '是')).toBe(100);
    expect(points(one({ type: 'check' }), '否')).toBe(0);
    expect(points(one({ type: 'check', expect: 'no' }), 'no')).toBe(100);
    expect(points(one({ type: 'check', expect: false }), '√')).toBe(0);
  });

  it('linear: clamped, and lower-is-better when full < zero', () => {
    const up = one({ type: 'linear', zero: 0.6, full: 1 });
    expect(points(up, '80%')).toBeCloseTo(50, 10);
    expect(points(up, '0.5')).toBe(0);
    expect(points(up, '1.2')).toBe(100);
    const down = one({ type: 'linear', zero: 0.5, full: 0.05 });
    expect(points(down, '0.05')).toBe(100);
    expect(points(down, '27.5%')).toBeCloseTo(50, 10);
    expect(points(down, '60%')).toBe(0);
  });

  it('bands: first band reached in the order written, boundaries inclusive, none reached → 0', () => {
    const up = one({
      type: 'bands',
      bands: [
        { min: 0.95, score: 1 },
        { min: 0.9, score: 0.6 },
      ],
    });
    expect(points(up, '95%')).toBe(100);
    expect(points(up, '0.9499')).toBe(60);
    expect(points(up, '90%')).toBe(60); // 90% is exactly 0.9
    expect(points(up, '17/20')).toBe(0); // 0.85
    const down = one({
      type: 'bands',
      bands: [
        { max: 0.5, score: 1 },
        { max: 1, score: 0.8 },
        { max: 3, score: 0.5 },
      ],
    });
    expect(points(down, '0.5')).toBe(100);
    expect(points(down, '1')).toBe(80);
    expect(points(down, '3')).toBe(50);
    expect(points(down, '3.01')).toBe(0);
  });

  it('deduct: per count, never below zero, at most limit', () => {
    const s = system({
      systems: [
        {
          id: 'S1',
          name: 's',
          weight: 100,
          items: [
            { id: 'a', name: 'a', weight: 4, rule: { type: 'deduct', per: 1.5 } },
            { id: 'b', name: 'b', weight: 96, rule: { type: 'check' } },
          ],
        },
      ],
    });
    expect(points(s, '0')).toBe(4);
    expect(points(s, '2')).toBe(1);
    expect(points(s, '3')).toBe(0);
    expect(points(s, '无')).toBe(4);
    const limited = system({
      systems: [
        {
          id: 'S1',
          name: 's',
          weight: 100,
          items: [
            { id: 'a', name: 'a', weight: 4, rule: { type: 'deduct', per: 1, limit: 2 } },
            { id: 'b', name: 'b', weight: 96, rule: { type: 'check' } },
          ],
        },
      ],
    });
    expect(points(limited, '1')).toBe(3);
    expect(points(limited, '10')).toBe(2);
  });

  it('assessed: the evaluator’s points, at 0 and at max', () => {
    const s = one({ type: 'assessed' });
    expect(points(s, '0')).toBe(0);
    expect(points(s, '100')).toBe(100);
    expect(points(s, '37.5')).toBe(37.5);
  });

  it('fraction: x itself', () => {
    expect(points(one({ type: 'fraction' }), '0.9777')).toBeCloseTo(97.77, 10);
    expect(points(one({ type: 'fraction' }), '97.77%')).toBeCloseTo(97.77, 10);
  });

  it('minmax: relative to every county; lower reverses; all equal → 1', () => {
    for (const direction of ['higher', 'lower'] as const) {
      const s = one({ type: 'minmax', direction });
      const r = scoreCounties(
        s,
        counties('c1', 'c2', 'c3'),
        evidence(s, { c1: { a: '10' }, c2: { a: '20' }, c3: { a: '40' } }),
      );
      const pts = Object.fromEntries(r.counties.map((c) => [c.county.id, round(c.nodes.get('a')!.points!, 9)]));
      expect(pts).toEqual(
        direction === 'higher' ? { c1: 0, c2: 33.333333333, c3: 100 } : { c1: 100, c2: 66.666666667, c3: 0 },
      );
    }
    const s = one({ type: 'minmax' });
    const equal = scoreCounties(s, counties('c1', 'c2'), evidence(s, { c1: { a: '5' }, c2: { a: '5' } }));
    expect(equal.counties.map((c) => c.nodes.get('a')!.points)).toEqual([100, 100]);
  });

  it('min_n: a/b with b < min_n, and a/0, are too few cases: 合理缺项 by default, left out like 不适用', () => {
    const s = one({ type: 'linear', zero: 0, full: 1, min_n: 5 });
    expect(points(s, '4/5')).toBeCloseTo(80, 10);
    const r = scoreCounties(s, counties('c'), evidence(s, { c: { a: '3/4' } })).counties[0]!;
    expect(r.nodes.get('a')).toEqual({ points: null, status: 'na' });
    expect([r.notApplicable, r.fewCases, r.missing]).toEqual([['a'], ['a'], []]);
    // The only item left out: the system is 不适用 and the base 0.
    expect([r.nodes.get('S1')?.status, r.base]).toEqual(['na', 0]);
    // a/0 is too few even without min_n
    const f = scoreCounties(
      one({ type: 'fraction' }),
      counties('c'),
      evidence(one({ type: 'fraction' }), { c: { a: '0/0' } }),
    );
    expect(f.counties[0]!.fewCases).toEqual(['a']);
    expect(points(one({ type: 'fraction' }), '3/4')).toBe(75);
  });

  it('few: missing makes too few cases no evidence, under the item’s missing policy', () => {
    const s = one({ type: 'linear', zero: 0, full: 1, min_n: 5, few: 'missing' });
    const r = scoreCounties(s, counties('c'), evidence(s, { c: { a: '0/0' } })).counties[0]!;
    expect(r.nodes.get('a')).toEqual({ points: 0, status: 'missing', noEvidence: 'too-few' });
    expect([r.missing, r.fewCases, r.notApplicable]).toEqual([['a'], [], []]);
    expect(points(s, '3/4')).toBe(0);
  });
});

const two = (missing: 'zero' | 'exclude' | 'error') =>
  system({
    missing,
    systems: [
      {
        id: 'S1',
        name: 's',
        weight: 60,
        items: [
          { id: 'a', name: 'a', weight: 40, rule: { type: 'check' } },
          { id: 'b', name: 'b', weight: 20, rule: { type: 'check' } },
        ],
      },
      { id: 'S2', name: 's', weight: 40, items: [{ id: 'c', name: 'c', weight: 40, rule: { type: 'check' } }] },
    ],
  });

describe('missing evidence and 不适用', () => {
  it('zero: no evidence scores 0 and is listed', () => {
    const r = scoreCounties(two('zero'), counties('c'), evidence(two('zero'), { c: { a: '是', c: '是' } }))
      .counties[0]!;
    expect([r.nodes.get('S1')!.points, r.base, r.missing]).toEqual([40, 80, ['b']]);
  });

  it('exclude: no evidence is left out of its parent’s sums; an emptied group is left out of the total', () => {
    const s = two('exclude');
    const r = scoreCounties(s, counties('c'), evidence(s, { c: { a: '是', c: '否' } })).counties[0]!;
    expect(r.nodes.get('S1')).toEqual({ points: 60, status: 'scored' });
    expect(r.base).toBe(60);
    const r2 = scoreCounties(s, counties('c'), evidence(s, { c: { a: '是', b: '否' } })).counties[0]!;
    expect(r2.nodes.get('S2')).toEqual({ points: null, status: 'excluded' });
    expect(r2.base).toBeCloseTo((100 * 40) / 60, 10);
    expect(r2.missing).toEqual(['c']);
  });

  it('不适用 is left out under every policy; a group of only 不适用 is 不适用', () => {
    for (const policy of ['zero', 'exclude', 'error'] as const) {
      const s = two(policy);
      const r = scoreCounties(s, counties('c'), evidence(s, { c: { a: '是', b: '不适用', c: '不适用' } }));
      const c = r.counties[0]!;
      expect(c.nodes.get('S1')!.points).toBe(60);
      expect(c.nodes.get('S2')).toEqual({ points: null, status: 'na' });
      expect(c.base).toBe(100);
      expect(c.notApplicable).toEqual(['b', 'c']);
      expect(c.missing).toEqual([]);
      expect(r.missingCells).toEqual([]);
    }
  });

  it('error: every missing cell is named; too few cases is left out instead', () => {
    const s = two('error');
    const r = scoreCounties(s, counties('y', 'x'), evidence(s, { x: { a: '是' }, y: { a: '是', b: '是', c: '是' } }));
    expect(r.missingCells).toEqual([
      { county: 'x', id: 'b' },
      { county: 'x', id: 'c' },
    ]);
  });

  it('a county with no evidence is given base 0, graded and ranked', () => {
    const s = system({
      ...{ missing: 'exclude' as const },
      grades: [{ min: 0, label: '不合格' }],
      systems: two('exclude')
        .systems.map(() => ({
          id: 'S1',
          name: 's',
          weight: 100,
          items: [{ id: 'a', name: 'a', weight: 100, rule: { type: 'check' as const } }],
        }))
        .slice(0, 1),
    });
    const r = scoreCounties(s, counties('c', 'd'), evidence(s, { d: { a: '是' } }));
    const c = r.counties.find((x) => x.county.id === 'c')!;
    expect([c.base, c.total, c.grade, c.rank]).toEqual([0, 0, '不合格', 2]);
  });
});

describe('report-only items', () => {
  it('weight 0 is never scored nor missing', () => {
    const s = system({
      systems: [
        {
          id: 'S1',
          name: 's',
          weight: 100,
          items: [
            { id: 'a', name: 'a', weight: 100, rule: { type: 'check' } },
            { id: 'r', name: 'r', weight: 0, rule: { type: 'fraction' } },
          ],
        },
      ],
    });
    const c = scoreCounties(s, counties('c'), evidence(s, { c: { a: '是' } })).counties[0]!;
    expect(c.nodes.get('r')).toEqual({ points: null, status: 'report-only' });
    expect(c.missing).toEqual([]);
    expect(c.total).toBe(100);
  });
});

describe('bonus, vetoes, grades', () => {
  const s = system({
    grades: [
      { min: 90, label: '优秀' },
      { min: 60, label: '合格' },
      { min: 0, label: '不合格' },
    ],
    systems: [
      {
        id: 'S1',
        name: 's',
        weight: 100,
        items: [{ id: 'a', name: 'a', weight: 100, rule: { type: 'linear', zero: 0, full: 1 } }],
      },
    ],
    vetoes: [
      { id: 'V1', name: 'v', effect: { cap: 59 } },
      { id: 'V2', name: 'v', effect: 'disqualify', label: '一票否决' },
      { id: 'V3', name: 'v', effect: 'disqualify' },
    ],
    bonus: {
      cap: 5,
      items: [
        { id: 'B1', name: 'b', rule: { type: 'count', per: 2, max: 4 } },
        { id: 'B2', name: 'b', rule: { type: 'check', points: 3 } },
      ],
    },
  });
  const score = (cells: Record<string, string>) =>
    scoreCounties(s, counties('c'), evidence(s, { c: cells })).counties[0]!;

  it('bonus: count capped at max, all capped at cap', () => {
    expect(score({ a: '0.9', B1: '1' }).bonus).toBe(2);
    expect(score({ a: '0.9', B1: '5' }).bonus).toBe(4);
    expect(score({ a: '0.9', B1: '5', B2: '是' })).toMatchObject({ bonus: 5, base: 90, total: 95, grade: '优秀' });
  });

  it('a cap veto caps the total (base and bonus as they were); grade on the capped total', () => {
    expect(score({ a: '0.9', B2: '是', V1: '是' })).toMatchObject({
      base: 90,
      bonus: 3,
      total: 59,
      grade: '不合格',
      vetoes: ['V1'],
      disqualified: false,
    });
  });

  it('disqualify keeps the scores, takes the first disqualifying label, leaves the ranking', () => {
    const c = score({ a: '1', V3: '是', V2: '是' });
    expect(c).toMatchObject({
      total: 100,
      grade: '一票否决',
      vetoes: ['V2', 'V3'],
      disqualified: true,
      rank: null,
      prefectureRank: null,
    });
    expect(score({ a: '1', V3: 'yes' }).grade).toBe('否决');
  });

  it('grades use the rounded total', () => {
    expect(score({ a: '0.899999999999999' }).grade).toBe('优秀');
    expect(score({ a: '0.8994' }).grade).toBe('合格');
  });
});

describe('ranks', () => {
  const s = one(
    { type: 'linear', zero: 0, full: 1 },
    { precision: 1, vetoes: [{ id: 'V', name: 'v', effect: 'disqualify' }] },
  );

  it('ties on rounded totals, within the run and within each prefecture; disqualified last', () => {
    const r = scoreCounties(
      s,
      counties('q2', 'p1', 'q1', 'p2', 'p3'),
      evidence(s, {
        p1: { a: '0.8504' }, // 85.04 → 85.0
        p2: { a: '0.8496' }, // 84.96 → 85.0
        q1: { a: '0.9' },
        q2: { a: '0.99', V: '是' },
        p3: { a: '0.5' },
      }),
    );
    expect(r.counties.map((c) => [c.county.id, c.rank, c.prefectureRank])).toEqual([
      ['q1', 1, 1],
      ['p1', 2, 1],
      ['p2', 2, 1],
      ['p3', 4, 3],
      ['q2', null, null],
    ]);
  });
});

describe('properties', () => {
  const s = system({
    bonus: { cap: 3, items: [{ id: 'B', name: 'b', rule: { type: 'count', per: 1, max: 5 } }] },
    systems: [
      {
        id: 'S1',
        name: 's',
        weight: 70,
        items: [
          { id: 'a', name: 'a', weight: 30, rule: { type: 'linear', zero: 0.2, full: 0.9 } },
          {
            id: 'b',
            name: 'b',
            weight: 40,
            rule: {
              type: 'bands',
              bands: [
                { min: 0.9, score: 1 },
                { min: 0.5, score: 0.4 },
              ],
            },
          },
        ],
      },
      { id: 'S2', name: 's', weight: 30, items: [{ id: 'c', name: 'c', weight: 30, rule: { type: 'minmax' } }] },
    ],
  });
  const cell = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }).map(String), fc.constantFrom('', '不适用', 'NA'));
  const county = fc.record({ a: cell, b: cell, c: cell, B: fc.integer({ min: 0, max: 9 }).map(String) });

  it('row order never matters; 0 ≤ base ≤ scale; total ≤ scale + bonus cap', () => {
    fc.assert(
      fc.property(fc.array(county, { minLength: 1, maxLength: 8 }), (rows) => {
        const data = Object.fromEntries(rows.map((r, i) => [`c${i}`, r]));
        const ids = Object.keys(data);
        const a = scoreCounties(s, counties(...ids), evidence(s, data));
        const b = scoreCounties(
          s,
          counties(...[...ids].reverse()),
          evidence(s, Object.fromEntries(Object.entries(data).reverse())),
        );
        const view = (x: typeof a) => x.counties.map((c) => [c.county.id, round(c.total, 2), c.rank]);
        expect(view(b)).toEqual(view(a));
        for (const c of a.counties) {
          expect(c.base).toBeGreaterThanOrEqual(0);
          expect(c.base).toBeLessThanOrEqual(100 + 1e-9);
          expect(c.total).toBeLessThanOrEqual(103 + 1e-9);
        }
      }),
    );
  });

  it('raising a higher-is-better value never lowers the score', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        for (const id of ['a', 'b']) {
          const p = (v: number) =>
            scoreCounties(s, counties('c'), evidence(s, { c: { [id]: String(v) } })).counties[0]!.total;
          expect(p(hi)).toBeGreaterThanOrEqual(p(lo));
        }
      }),
    );
  });
});
