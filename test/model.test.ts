import { describe, expect, it } from 'vitest';
import {
  bonusComplete,
  checkFile,
  gradesDistinct,
  itemsOrRule,
  pointsAddUp,
  positiveChild,
  reachable,
  ruleParameters,
  uniqueIds,
} from '../src/model/checks.js';
import type { IndicatorFileInput, NodeInput, RuleData } from '../src/model/indicator-data.js';
import { IndicatorFile } from '../src/model/indicators.js';
import { num } from '../src/model/number.js';
import { buildSystem } from '../src/model/system.js';

/** Unit tests of the cross-field checks and of the model built from a valid file. */

const item = (id: string, weight: number, rule: RuleData = { type: 'check' }): NodeInput => ({
  id,
  name: id,
  weight,
  rule,
});
const group = (id: string, weight: number, items: NodeInput[]): NodeInput => ({ id, name: id, weight, items });

function file(over: Partial<IndicatorFileInput> = {}): ReturnType<typeof IndicatorFile.parse> {
  return IndicatorFile.parse({
    id: 't',
    name: 't',
    systems: [group('S1', 60, [item('S1.1', 40), item('S1.2', 20)]), group('S2', 40, [item('S2.1', 40)])],
    ...over,
  });
}

const codes = (found: { code: string }[]) => found.map((f) => f.code);

describe('defaults', () => {
  it('scale 100, points weighting, precision 2, missing zero', () => {
    expect(file()).toMatchObject({ scale: 100, weighting: 'points', precision: 2, missing: 'zero' });
  });
});

describe('uniqueIds', () => {
  it('accepts distinct ids', () => expect(uniqueIds(file())).toEqual([]));

  it('finds a repeated id across systems, vetoes and bonus items, pointing back at the first', () => {
    const f = file({
      vetoes: [{ id: 'S1.1', name: 'v', effect: 'disqualify' }],
      bonus: { cap: 1, items: [{ id: 't', name: 'b', rule: { type: 'check', points: 1 } }] },
    });
    const found = uniqueIds(f);
    expect(found.map((x) => [x.args.id, x.path, x.related])).toEqual([
      ['S1.1', ['vetoes', 0, 'id'], ['systems', 0, 'items', 0, 'id']],
      ['t', ['bonus', 'items', 0, 'id'], ['id']],
    ]);
  });
});

describe('itemsOrRule', () => {
  it('a node has items or rule, never both, never neither', () => {
    const f = file({
      systems: [
        { id: 'S1', name: 's', weight: 50, items: [item('a', 50)], rule: { type: 'check' } },
        { id: 'S2', name: 's', weight: 50 },
      ],
    });
    expect(codes(itemsOrRule(f))).toEqual(['node-items-and-rule', 'node-no-items-or-rule']);
  });
});

describe('positiveChild', () => {
  it('every group, and the systems, need a child of positive weight', () => {
    const f = file({ weighting: 'relative', systems: [group('S1', 0, [item('a', 0)]), group('S2', 0, [])] });
    expect(positiveChild(f).map((x) => [x.code, x.args.id])).toEqual([
      ['group-no-positive-weight', 't'],
      ['group-no-positive-weight', 'S1'],
      ['group-no-positive-weight', 'S2'],
    ]);
  });

  it('a report-only item beside a scored one is fine', () => {
    expect(positiveChild(file({ systems: [group('S1', 100, [item('a', 100), item('b', 0)])] }))).toEqual([]);
  });
});

describe('pointsAddUp', () => {
  it('says what the systems add up to', () => {
    const found = pointsAddUp(file({ systems: [group('S1', 60, [item('a', 60)]), group('S2', 30, [item('b', 30)])] }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'systems-sum', args: { sum: '90', scale: '100' } });
  });

  it('says what a group adds up to, part by part', () => {
    const found = pointsAddUp(
      file({ systems: [group('S1', 100, [item('a', 40), group('G', 60, [item('b', 30), item('c', 20)])])] }),
    );
    expect(found.map((x) => [x.code, x.args])).toEqual([
      ['weights-sum', { id: 'G', sum: '50', weight: '60', parts: '30 + 20' }],
    ]);
  });

  it('float noise below 1e-9 is no error; a real difference of 1e-6 is', () => {
    const parts = [0.1, 0.2, 0.3, 0.4].map((w, i) => item(`x${i}`, w * 100));
    expect(pointsAddUp(file({ systems: [group('S1', 100, parts)] }))).toEqual([]);
    const thirds = [1, 2, 3].map((i) => item(`y${i}`, 100 / 3));
    expect(pointsAddUp(file({ systems: [group('S1', 100, thirds)] }))).toEqual([]);
    const off = [item('z1', 50), item('z2', 50.000001)];
    expect(codes(pointsAddUp(file({ systems: [group('S1', 100.000001, off)] })))).toEqual(['systems-sum']);
  });

  it('relative weighting does not need sums', () => {
    expect(
      pointsAddUp(file({ weighting: 'relative', systems: [group('S1', 3, [item('a', 1), item('b', 1)])] })),
    ).toEqual([]);
  });
});

describe('ruleParameters', () => {
  const one = (rule: RuleData) => ruleParameters(file({ systems: [group('S1', 100, [item('a', 100, rule)])] }));

  it('linear needs full ≠ zero, in either direction', () => {
    expect(codes(one({ type: 'linear', zero: 0.5, full: 0.5 }))).toEqual(['linear-flat']);
    expect(one({ type: 'linear', zero: 0.5, full: 0.05 })).toEqual([]);
  });

  it('bands: min strictly descending, max strictly ascending', () => {
    expect(
      one({
        type: 'bands',
        bands: [
          { min: 0.95, score: 1 },
          { min: 0.8, score: 0.5 },
        ],
      }),
    ).toEqual([]);
    expect(
      one({
        type: 'bands',
        bands: [
          { max: 0.5, score: 1 },
          { max: 1, score: 0.8 },
          { max: 3, score: 0.5 },
        ],
      }),
    ).toEqual([]);
    expect(
      codes(
        one({
          type: 'bands',
          bands: [
            { min: 0.8, score: 1 },
            { min: 0.8, score: 0.5 },
          ],
        }),
      ),
    ).toEqual(['bands-order']);
    const found = one({
      type: 'bands',
      bands: [
        { max: 1, score: 1 },
        { max: 3, score: 1 },
        { max: 2, score: 0 },
      ],
    });
    expect(found.map((x) => [x.code, x.path])).toEqual([
      ['bands-order', ['systems', 0, 'items', 0, 'rule', 'bands', 2, 'max']],
    ]);
  });

  it('bands never mix min and max, and each band has exactly one bound', () => {
    expect(
      codes(
        one({
          type: 'bands',
          bands: [
            { min: 1, score: 1 },
            { max: 0, score: 0 },
          ],
        }),
      ),
    ).toEqual(['bands-mixed']);
    expect(codes(one({ type: 'bands', bands: [{ min: 1, max: 2, score: 1 }] }))).toEqual(['band-both-bounds']);
    expect(codes(one({ type: 'bands', bands: [{ score: 1 }] }))).toEqual(['band-no-bound']);
  });

  it('band scores outside 0–1 are schema errors', () => {
    const parsed = IndicatorFile.safeParse({
      id: 't',
      name: 't',
      systems: [group('S1', 100, [item('a', 100, { type: 'bands', bands: [{ min: 1, score: 1.5 }] })])],
    });
    expect(parsed.success).toBe(false);
  });
});

describe('gradesDistinct', () => {
  it('labels and mins are unique', () => {
    const f = file({
      grades: [
        { min: 90, label: '优秀' },
        { min: 80, label: '优秀' },
        { min: 80, label: '良好' },
        { min: 0, label: '合格' },
      ],
    });
    expect(codes(gradesDistinct(f))).toEqual(['grade-label-duplicate', 'grade-min-duplicate']);
  });
});

describe('bonusComplete', () => {
  it('check needs points; count needs per and max', () => {
    const f = file({
      bonus: {
        cap: 5,
        items: [
          { id: 'B1', name: 'b', rule: { type: 'check' } },
          { id: 'B2', name: 'b', rule: { type: 'count', per: 1 } },
          { id: 'B3', name: 'b', rule: { type: 'count', per: 1, max: 2 } },
          { id: 'B4', name: 'b', rule: { type: 'check', points: 2 } },
        ],
      },
    });
    expect(bonusComplete(f).map((x) => [x.args.id, x.args.keys])).toEqual([
      ['B1', 'points'],
      ['B2', 'max'],
    ]);
  });
});

describe('reachable (warnings)', () => {
  it('a pass line above scale + bonus cap can never be reached', () => {
    expect(codes(reachable(file({ pass: 101 })))).toEqual(['pass-unreachable']);
    expect(reachable(file({ pass: 101, bonus: { cap: 1, items: [] } }))).toEqual([]);
  });

  it('a cap veto at or above the ceiling does nothing; label is only for disqualify', () => {
    const f = file({
      vetoes: [
        { id: 'V1', name: 'v', effect: { cap: 100 } },
        { id: 'V2', name: 'v', effect: { cap: 59 }, label: '否决' },
        { id: 'V3', name: 'v', effect: 'disqualify', label: '否决' },
      ],
    });
    expect(reachable(f).map((x) => [x.code, x.args.id])).toEqual([
      ['veto-cap-ineffective', 'V1'],
      ['veto-label-unused', 'V2'],
    ]);
    expect(reachable(f).every((x) => x.severity === 'warning')).toBe(true);
  });

  it('grades with no floor leave low totals ungraded', () => {
    expect(codes(reachable(file({ grades: [{ min: 60, label: '合格' }] })))).toEqual(['grades-no-floor']);
    expect(
      reachable(
        file({
          grades: [
            { min: 60, label: '合格' },
            { min: 0, label: '不合格' },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('checkFile', () => {
  it('a valid file has no findings', () => expect(checkFile(file())).toEqual([]));
});

describe('buildSystem', () => {
  it('points weighting: a node’s maximum is its weight; items in file order', () => {
    const s = buildSystem(file());
    expect(s.nodes.map((n) => [n.id, n.parent, n.depth, n.max])).toEqual([
      ['S1', null, 1, 60],
      ['S1.1', 'S1', 2, 40],
      ['S1.2', 'S1', 2, 20],
      ['S2', null, 1, 40],
      ['S2.1', 'S2', 2, 40],
    ]);
    expect(s.items.map((n) => n.id)).toEqual(['S1.1', 'S1.2', 'S2.1']);
  });

  it('relative weighting: parent maximum × weight ÷ siblings’ weights, systems sharing scale', () => {
    const s = buildSystem(
      file({
        weighting: 'relative',
        scale: 60,
        systems: [group('A', 1, [item('a1', 1), item('a2', 3), item('a3', 0)]), group('B', 2, [item('b1', 5)])],
      }),
    );
    const max = Object.fromEntries(s.nodes.map((n) => [n.id, n.max]));
    expect(max).toEqual({ A: 20, a1: 5, a2: 15, a3: 0, B: 40, b1: 40 });
  });

  it('grades are judged highest min first whatever the order written', () => {
    const s = buildSystem(
      file({
        grades: [
          { min: 0, label: 'C' },
          { min: 90, label: 'A' },
          { min: 60, label: 'B' },
        ],
      }),
    );
    expect(s.grades.map((g) => g.label)).toEqual(['A', 'B', 'C']);
  });
});

describe('num', () => {
  it('prints numbers without float noise', () => {
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(100)).toBe('100');
    expect(num(1 / 3)).toBe('0.333333333333');
  });
});
