import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gaps } from '../src/analyze/gaps.js';
import { scoreCounties } from '../src/evaluate.js';
import { loadEvaluation } from '../src/load/evaluation.js';
import { parseValue } from '../src/load/value.js';
import type { EvidenceCell } from '../src/model/evaluation.js';
import type { IndicatorFileInput } from '../src/model/indicator-data.js';
import { IndicatorFile } from '../src/model/indicators.js';
import { buildSystem } from '../src/model/system.js';
import { needed } from '../src/report/rule-words.js';

/** The shortfall report, checked against numbers worked out by hand (CLI.md, gaps). */

const dir = join(import.meta.dirname, 'fixtures', 'eval', 'small');
const e = await loadEvaluation({ dir, display: (p) => p });
const scoring = scoreCounties(e.system!, e.register!.counties, e.evidence!.table);
const words = (lang: 'zh' | 'en') => (node: Parameters<typeof needed>[0]) =>
  needed(node, lang, scoring.ranges.get(node.id) ?? null);
const report = gaps(scoring, e.evidence!.table, words('zh'));
const county = (name: string) => report.counties.find((c) => c.name === name)!;

describe('gaps on the small evaluation', () => {
  it('distances on rounded totals: to the pass line, the prefecture’s best and the province’s best', () => {
    // 南华县 79.17; 楚雄州's best and the province's best is 牟定县 101.25
    expect(county('南华县')).toMatchObject({
      total: 79.17,
      toPass: 0.83,
      toPrefectureBest: 22.08,
      toProvinceBest: 22.08,
    });
    // 麻栗坡县 57.60 is 文山州's best (广南县 is disqualified)
    expect(county('麻栗坡县')).toMatchObject({ toPass: 22.4, toPrefectureBest: 0, toProvinceBest: 43.65 });
    expect(county('牟定县')).toMatchObject({ toPass: 0, toPrefectureBest: 0, toProvinceBest: 0, passPlan: [] });
  });

  it('lost items largest first with evidence and what full marks take', () => {
    expect(county('麻栗坡县').items.map((i) => [i.id, i.score, i.lost, i.value, i.needed, i.missing])).toEqual([
      ['S1.1', 0, 20, '否', '是', false],
      ['S1.2', 10, 10, '3', '≤ 0.5', false],
      ['S1.3', 14, 6, '17/20', '≥ 100%', false],
      ['S2.1', 6, 4, '2', '0 起', false],
      ['S2.2', 27.6, 2.4, '０.９２', '100%', false],
    ]);
  });

  it('passPlan: largest lost first until the rounded total reaches the pass line', () => {
    expect(county('南华县').passPlan).toEqual(['S1.3']); // 79.17 + 13.33 ≥ 80
    expect(county('麻栗坡县').passPlan).toEqual(['S1.1', 'S1.2']); // 57.6 + 20 < 80; + 10 ≥ 80
  });

  it('weakest systems against the mean attainment of all counties', () => {
    // mean attainment S1 = (60 + 56 + 42.67 + 24 + 54) / 5 / 60 ≈ 0.789; S2 = (39.25 + 38.8 + 36.5 + 33.6 + 2) / 5 / 40 ≈ 0.751
    expect(county('麻栗坡县').weakest).toEqual(['S1', 'S2']); // 0.4 − 0.789 < 0.84 − 0.751
    expect(county('广南县').weakest).toEqual(['S2', 'S1']); // 0.05 − 0.751 < 0.9 − 0.789
  });

  it('a disqualified county gets no distances and no passPlan', () => {
    expect(county('广南县')).toMatchObject({
      disqualified: true,
      toPass: null,
      toPrefectureBest: null,
      toProvinceBest: null,
      passPlan: null,
    });
  });

  it('not applicable items never appear among the lost; missing evidence under zero does, marked', () => {
    expect(county('广南县').items.map((i) => i.id)).not.toContain('S1.3');
    expect(county('广南县').notApplicable).toEqual(['S1.3']);
    expect(county('广南县').items.find((i) => i.id === 'S2.2')).toMatchObject({
      missing: true,
      score: 0,
      lost: 30,
      value: 'NA',
    });
  });

  it('needed in English', () => {
    const en = gaps(scoring, e.evidence!.table, words('en'));
    expect(en.counties.find((c) => c.name === '麻栗坡县')!.items.map((i) => i.needed)).toEqual([
      'yes',
      '≤ 0.5',
      '≥ 100%',
      '0 cases',
      '100%',
    ]);
  });
});

describe('gaps edge cases', () => {
  const build = (over: Partial<IndicatorFileInput>) =>
    buildSystem(
      IndicatorFile.parse({
        id: 't',
        name: 't',
        pass: 60,
        systems: [
          {
            id: 'S1',
            name: 's',
            weight: 50,
            items: [
              { id: 'a', name: 'a', weight: 30, rule: { type: 'check' } },
              { id: 'b', name: 'b', weight: 20, rule: { type: 'check' } },
            ],
          },
          { id: 'S2', name: 's', weight: 50, items: [{ id: 'c', name: 'c', weight: 50, rule: { type: 'assessed' } }] },
        ],
        ...over,
      }),
    );
  const cell = (raw: string, kind: 'yesno' | 'points' = 'yesno'): EvidenceCell => ({
    value: parseValue(raw, kind, 50) as EvidenceCell['value'],
    raw,
    file: 'e.csv',
    line: 2,
    column: 3,
    source: null,
    note: null,
  });
  const run = (over: Partial<IndicatorFileInput>, cells: Record<string, EvidenceCell>) => {
    const system = build(over);
    const table = new Map([['x', new Map(Object.entries(cells))]]);
    const s = scoreCounties(system, [{ id: 'x', name: 'X', prefecture: 'P', extra: {} }], table);
    return gaps(s, table, (n) => needed(n, 'zh', null)).counties[0]!;
  };

  it('under exclude, a missing item comes after the lost ones with score and lost null', () => {
    const c = run({ missing: 'exclude' }, { a: cell('是'), c: cell('20', 'points') });
    expect(c.items.map((i) => [i.id, i.score, i.lost, i.missing])).toEqual([
      ['c', 20, 30, false],
      ['b', null, null, true],
    ]);
  });

  it('a cap veto below the pass line makes passPlan null; no pass line makes toPass and passPlan null', () => {
    const vetoes = [{ id: 'V', name: 'v', effect: { cap: 59 } }];
    expect(
      run({ vetoes }, { a: cell('是'), b: cell('是'), c: cell('40', 'points'), V: cell('是') }).passPlan,
    ).toBeNull();
    const noPass = run({ pass: undefined }, { a: cell('否') });
    expect([noPass.toPass, noPass.passPlan]).toEqual([null, null]);
  });

  it('passPlan is null when even every lost point falls short', () => {
    const c = run({ pass: 101 }, { a: cell('是') });
    expect(c.passPlan).toBeNull();
  });
});
