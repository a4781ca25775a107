import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/analyze/compare.js';
import { loadAndScore, scoreCounties } from '../src/evaluate.js';
import { parseValue } from '../src/load/value.js';
import type { EvidenceCell } from '../src/model/evaluation.js';
import { IndicatorFile } from '../src/model/indicators.js';
import { buildSystem } from '../src/model/system.js';

/** Progress between two rounds, against numbers worked out by hand (test/fixtures/eval/rounds). */

const dir = join(import.meta.dirname, 'fixtures', 'eval', 'rounds');
const before = (await loadAndScore(dir, { round: 'baseline' })).scoring;
const after = (await loadAndScore(dir, { round: 'midterm' })).scoring;
const c = compare(before, after);
const county = (name: string) => c.counties.find((x) => x.name === name)!;

describe('compare two rounds of one folder', () => {
  it('totals, deltas and ranks per county, in the current ranking order', () => {
    // 牟定县 baseline: 20 + 16 + 6.67 + 6 + 27.9 = 76.57; midterm 60 + 10 + 29.25 = 99.25
    expect(county('牟定县')).toMatchObject({ before: 76.57, after: 99.25, delta: 22.68, rankBefore: 2, rankAfter: 1 });
    // 南华县 37 → 73; 广南县 is disqualified in the midterm (V1 = 是)
    expect(county('南华县')).toMatchObject({ before: 37, after: 73, delta: 36, rankBefore: 5, rankAfter: 3 });
    expect(county('广南县')).toMatchObject({ delta: 0, rankBefore: 4, rankAfter: null });
    expect(c.counties.map((x) => x.name)).toEqual(['牟定县', '大姚县', '南华县', '麻栗坡县', '广南县']);
  });

  it('each system’s change, and the items improved and regressed', () => {
    expect(county('牟定县').systems).toEqual({
      S1: { before: 42.67, after: 60, delta: 17.33 },
      S2: { before: 33.9, after: 39.25, delta: 5.35 },
    });
    expect(county('牟定县')).toMatchObject({ improved: ['S1.2', 'S1.3', 'S2.1', 'S2.2'], regressed: [] });
    expect(county('大姚县')).toMatchObject({ improved: [], regressed: ['S1.2', 'S1.3'] });
    expect(county('广南县')).toMatchObject({ improved: [], regressed: [] });
  });

  it('a province summary: means, crossings of the pass line, biggest movers', () => {
    expect(c.summary).toMatchObject({
      meanBefore: 61.69, // (76.57 + 94.8 + 37 + 51.6 + 48.5) / 5 = 61.694
      meanAfter: 72.23, // (99.25 + 86.8 + 73 + 53.6 + 48.5) / 5 = 72.23
      meanDelta: 10.54,
      nowPassing: ['532323'],
      nowFailing: [], // 大姚县 falls 94.8 → 86.8, still above 80
      risers: ['532324', '532323', '532624'],
      fallers: ['532326'],
      onlyBefore: [],
      onlyAfter: [],
    });
  });
});

describe('compare across two versions of an indicator system', () => {
  const system = (second: string) =>
    buildSystem(
      IndicatorFile.parse({
        id: 't',
        name: 't',
        systems: [
          {
            id: 'S1',
            name: 's',
            weight: 100,
            items: [
              { id: 'a', name: 'a', weight: 50, rule: { type: 'check' } },
              { id: second, name: second, weight: 50, rule: { type: 'check' } },
            ],
          },
        ],
      }),
    );
  const cell = (raw: string): EvidenceCell => ({
    value: parseValue(raw, 'yesno') as EvidenceCell['value'],
    raw,
    file: 'e',
    line: 2,
    column: 1,
    source: null,
    note: null,
  });
  const score = (second: string, a: string, b: string) =>
    scoreCounties(
      system(second),
      [{ id: 'x', name: 'X', prefecture: 'P', extra: {} }],
      new Map([
        [
          'x',
          new Map([
            ['a', cell(a)],
            [second, cell(b)],
          ]),
        ],
      ]),
    );

  it('items of only one version are listed, never compared', () => {
    const r = compare(score('old', '否', '是'), score('new', '是', '否'));
    expect(r.summary).toMatchObject({ onlyBefore: ['old'], onlyAfter: ['new'] });
    expect(r.counties[0]).toMatchObject({ before: 50, after: 50, delta: 0, improved: ['a'], regressed: [] });
  });
});
