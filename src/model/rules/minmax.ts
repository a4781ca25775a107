import type { MinmaxRuleData } from '../indicator-data.js';
import { num } from '../number.js';
import { phrase } from '../phrase.js';
import type { Range } from '../scoring.js';
import { minNote } from './min-n.js';
import { type Rule, shown } from './types.js';

/** Values that all lie within 0–1, not all whole, read as shares. */
const shareRange = (range: Range): boolean =>
  range.lo >= 0 && range.hi <= 1 && !(Number.isInteger(range.lo) && Number.isInteger(range.hi));

const attainment = (rule: MinmaxRuleData, x: number, range: Range | null): number => {
  if (range === null || range.hi === range.lo) return 1;
  return rule.direction === 'lower' ? (range.hi - x) / (range.hi - range.lo) : (x - range.lo) / (range.hi - range.lo);
};

/** Relative to the other counties: (x − lo) ÷ (hi − lo), reversed for `direction: lower`; all equal → 1. */
export const minmax: Rule<MinmaxRuleData, 'rate'> = {
  kind: () => 'rate',
  rate: true,
  relative: true,
  attainment: (rule, x, _max, range) => attainment(rule, x, range),
  steps: (rule, x, c) => {
    const range = c.range;
    if (!range || range.hi === range.lo) return `x = ${c.shown}; lo = hi → a = 1`;
    const [lo, hi, xs] = [num(range.lo), num(range.hi), num(x)];
    const a = num(attainment(rule, x, range));
    return rule.direction === 'lower'
      ? `x = ${c.shown}; a = (hi − x) ÷ (hi − lo) = (${hi} − ${xs}) ÷ (${hi} − ${lo}) = ${a}`
      : `x = ${c.shown}; a = (x − lo) ÷ (hi − lo) = (${xs} − ${lo}) ÷ (${hi} − ${lo}) = ${a}`;
  },
  needed: (rule, _max, range) => {
    const lower = rule.direction === 'lower';
    if (range === null) return [phrase(lower ? 'needed-lowest' : 'needed-highest')];
    // The best value in the run, as evaluators read it: a share as a percentage, else four significant digits.
    const best = lower ? range.lo : range.hi;
    const share = shareRange(range);
    return [`${lower ? '≤' : '≥'} ${share ? `${Number((best * 100).toPrecision(3))}%` : Number(best.toPrecision(4))}`];
  },
  hint: (rule) => [
    phrase('hint-relative', { lower: rule.direction === 'lower' ? 1 : 0 }),
    ...minNote(rule.min_n, rule.few),
  ],
  criterion: (rule) => [
    phrase('criterion-relative', { lower: rule.direction === 'lower' ? 1 : 0 }),
    ...minNote(rule.min_n, rule.few),
  ],
  reason: (rule, x, c) => {
    const lower = rule.direction === 'lower';
    const range = c.range ?? { lo: x, hi: x };
    const share = shareRange(range);
    return [
      phrase('reason-relative', {
        value: shown(x, share),
        best: shown(lower ? range.lo : range.hi, share),
        lower: lower ? 1 : 0,
      }),
    ];
  },
};
