import { describe, expect, it } from 'vitest';
import { words } from '../src/i18n/phrases.js';
import type { RuleData } from '../src/model/indicator-data.js';
import { jsonSchema } from '../src/model/json-schema.js';
import { RULES, ruleFor } from '../src/model/rules/index.js';
import type { Range } from '../src/model/scoring.js';

/**
 * Each rule type's knowledge, from its one file: the value it reads, its attainment, the
 * arithmetic explain writes, what full marks take and the template hint, in both languages.
 * Every expectation is worked out by hand.
 */

const context = (shown: string, max = 2, range: Range | null = null) => ({ max, range, shown, yes: '是', no: '否' });
const both = (w: Parameters<typeof words>[0]) => [words(w, 'zh'), words(w, 'en')];

describe('the registry', () => {
  it('has one rule for each rule type the format knows, and no other', () => {
    const schema = JSON.stringify(jsonSchema());
    const types = [...schema.matchAll(/"type":\{"type":"string","const":"([a-z]+)"\}/g)].map((m) => m[1]);
    const ruleTypes = types.filter((t) => t !== 'count'); // bonus rules: check, count
    expect(new Set(ruleTypes)).toEqual(new Set(Object.keys(RULES)));
  });
});

describe('check', () => {
  const yes: RuleData = { type: 'check' };
  const no: RuleData = { type: 'check', expect: 'no' };
  it('reads yes/no; a yes earns full marks, or a no under expect: no', () => {
    expect(ruleFor(yes).kind(yes)).toBe('yesno');
    expect([true, false].map((x) => ruleFor(yes).attainment(yes, x, 2, null))).toEqual([1, 0]);
    expect([true, false].map((x) => ruleFor(no).attainment(no, x, 2, null))).toEqual([0, 1]);
  });
  it('writes the value as 是/否, never true/false', () => {
    expect(ruleFor(yes).steps(yes, true, context('true'))).toBe('x = 是; a = x ? 1 : 0 = 1');
    expect(ruleFor(no).steps(no, true, context('true'))).toBe('x = 是; a = x ? 0 : 1 = 0');
  });
  it('words what full marks take and what to fill in', () => {
    expect(both(ruleFor(no).needed(no, 2, null))).toEqual(['否', 'no']);
    expect(both(ruleFor(no).hint(no, 2))).toEqual(['是/否（“否”得满分）', 'yes/no (no earns full marks)']);
  });
});

describe('linear', () => {
  const up: RuleData = { type: 'linear', zero: 0.6, full: 0.95, min_n: 3 };
  const down: RuleData = { type: 'linear', zero: 30, full: 5 };
  it('clamps (x − zero) ÷ (full − zero) to 0…1, lower is better when full < zero', () => {
    expect(ruleFor(up).rate).toBe(true);
    expect(ruleFor(up).attainment(up, 0.775, 4, null)).toBeCloseTo(0.5, 12);
    expect(ruleFor(up).attainment(up, 1, 4, null)).toBe(1);
    expect(ruleFor(up).attainment(up, 0.5, 4, null)).toBe(0);
    expect(ruleFor(down).attainment(down, 10, 4, null)).toBe(0.8);
  });
  it('writes the arithmetic with the value as shown', () => {
    expect(ruleFor(down).steps(down, 10, context('10'))).toBe('x = 10; a = clamp((10 − 30) ÷ (5 − 30), 0, 1) = 0.8');
  });
  it('shows shares as percentages in what full marks take', () => {
    expect(both(ruleFor(up).needed(up, 4, null))).toEqual(['≥ 95%', '≥ 95%']);
    expect(both(ruleFor(down).needed(down, 4, null))).toEqual(['≤ 5', '≤ 5']);
  });
  it('hints the input, the thresholds and min_n (too few cases: left out, or no evidence under few: missing)', () => {
    const strict: RuleData = { type: 'linear', zero: 0.6, full: 0.95, min_n: 3, few: 'missing' };
    expect(both(ruleFor(strict).hint(strict, 4))[0]).toBe(
      '数值、百分数或 a/b；≥ 0.95 满分，≤ 0.6 不得分；案件数少于 3 视为无佐证',
    );
    expect(both(ruleFor(up).hint(up, 4))).toEqual([
      '数值、百分数或 a/b；≥ 0.95 满分，≤ 0.6 不得分；案件数少于 3 为合理缺项（不计入）',
      'a number, percentage or a/b; ≥ 0.95 full, ≤ 0.6 nothing; fewer than 3 cases: left out (合理缺项)',
    ]);
  });
});

describe('bands', () => {
  const rule: RuleData = {
    type: 'bands',
    bands: [
      { min: 0.9, score: 1 },
      { min: 0.8, score: 0.6 },
    ],
  };
  it('gives the first band reached, else 0', () => {
    expect([0.95, 0.85, 0.5].map((x) => ruleFor(rule).attainment(rule, x, 2, null))).toEqual([1, 0.6, 0]);
    expect(ruleFor(rule).steps(rule, 0.85, context('0.85'))).toBe('x = 0.85 ≥ 0.8 → a = 0.6');
    expect(ruleFor(rule).steps(rule, 0.5, context('0.5'))).toBe('x = 0.5; ≥ 0.9, ≥ 0.8 → a = 0');
  });
  it('words the best band and lists them all', () => {
    expect(both(ruleFor(rule).needed(rule, 2, null))).toEqual(['≥ 90%', '≥ 90%']);
    expect(both(ruleFor(rule).hint(rule, 2))).toEqual([
      '数值、百分数或 a/b；≥ 0.9 → 100%，≥ 0.8 → 60%',
      'a number, percentage or a/b; ≥ 0.9 → 100%, ≥ 0.8 → 60%',
    ]);
  });
});

describe('deduct', () => {
  const rule: RuleData = { type: 'deduct', per: 0.5, limit: 1.5 };
  it('deducts per count, at most the limit, down to nothing', () => {
    expect(ruleFor(rule).kind(rule)).toBe('count');
    expect([0, 1, 5].map((x) => ruleFor(rule).attainment(rule, x, 2, null))).toEqual([1, 0.75, 0.25]);
    expect(ruleFor(rule).steps(rule, 1, context('1'))).toBe('x = 1; a = max(0, 2 − min(0.5 × 1, 1.5)) ÷ 2 = 0.75');
  });
  it('words it', () => {
    expect(both(ruleFor(rule).needed(rule, 2, null))).toEqual(['0 起', '0 cases']);
    expect(both(ruleFor(rule).hint(rule, 2))).toEqual([
      '起数（整数，无 = 0），每起扣 0.5 分，最多扣 1.5 分',
      'count (whole number, 无 = 0), 0.5 points off each, at most 1.5',
    ]);
  });
});

describe('assessed and fraction', () => {
  const assessed: RuleData = { type: 'assessed' };
  const fraction: RuleData = { type: 'fraction' };
  it('assessed: the evaluators’ points over the maximum', () => {
    expect(ruleFor(assessed).kind(assessed)).toBe('points');
    expect(ruleFor(assessed).attainment(assessed, 1.5, 2, null)).toBe(0.75);
    expect(ruleFor(assessed).steps(assessed, 1.5, context('1.5'))).toBe('x = 1.5; a = 1.5 ÷ 2 = 0.75');
    expect(both(ruleFor(assessed).needed(assessed, 2, null))).toEqual(['2 分', '2 points']);
    expect(both(ruleFor(assessed).hint(assessed, 2))).toEqual(['评估组评分 0–2', "evaluators' points 0–2"]);
  });
  it('fraction: the share itself', () => {
    expect(ruleFor(fraction).kind(fraction)).toBe('share');
    expect(ruleFor(fraction).attainment(fraction, 0.4, 2, null)).toBe(0.4);
    expect(ruleFor(fraction).steps(fraction, 0.85, context('17/20 = 0.85'))).toBe('x = 17/20 = 0.85; a = x = 0.85');
    expect(both(ruleFor(fraction).needed(fraction, 2, null))).toEqual(['100%', '100%']);
  });
});

describe('minmax', () => {
  const higher: RuleData = { type: 'minmax' };
  const lower: RuleData = { type: 'minmax', direction: 'lower' };
  const range = { lo: 2, hi: 6 };
  it('is relative: the place between the lowest and highest value of all counties', () => {
    expect(ruleFor(higher).relative).toBe(true);
    expect(Object.values(RULES).filter((r) => r.relative)).toEqual([RULES.minmax]);
    expect(ruleFor(higher).attainment(higher, 3, 2, range)).toBe(0.25);
    expect(ruleFor(lower).attainment(lower, 3, 2, range)).toBe(0.75);
    expect(ruleFor(lower).attainment(lower, 3, 2, { lo: 3, hi: 3 })).toBe(1);
  });
  it('writes the arithmetic with lo and hi', () => {
    expect(ruleFor(lower).steps(lower, 3, context('3', 2, range))).toBe(
      'x = 3; a = (hi − x) ÷ (hi − lo) = (6 − 3) ÷ (6 − 2) = 0.75',
    );
  });
  it('full marks take the best value of the run, to four digits; a share as a percentage', () => {
    expect(both(ruleFor(lower).needed(lower, 2, { lo: 1.23456, hi: 9 }))).toEqual(['≤ 1.235', '≤ 1.235']);
    expect(both(ruleFor(higher).needed(higher, 2, { lo: 0.1, hi: 4 / 9 }))).toEqual(['≥ 44.4%', '≥ 44.4%']);
    // Whole numbers from 0 to 1 are counts, not shares.
    expect(both(ruleFor(higher).needed(higher, 2, { lo: 0, hi: 1 }))).toEqual(['≥ 1', '≥ 1']);
    expect(both(ruleFor(higher).needed(higher, 2, null))).toEqual([
      '参评县（市、区）中的最高值',
      'the highest value of all counties',
    ]);
  });
});
