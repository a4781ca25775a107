import type { LinearRuleData } from '../indicator-data.js';
import { num } from '../number.js';
import { phrase } from '../phrase.js';
import { minNote } from './min-n.js';
import { clamp01, isShare, type Rule, shown } from './types.js';

const attainment = (rule: LinearRuleData, x: number): number => clamp01((x - rule.zero) / (rule.full - rule.zero));

/** clamp((x − zero) ÷ (full − zero), 0, 1); full < zero means lower is better. */
export const linear: Rule<LinearRuleData, 'rate'> = {
  kind: () => 'rate',
  rate: true,
  relative: false,
  attainment,
  steps: (rule, x, c) =>
    `x = ${c.shown}; a = clamp((${num(x)} − ${num(rule.zero)}) ÷ (${num(rule.full)} − ${num(rule.zero)}), 0, 1) = ${num(attainment(rule, x))}`,
  needed: (rule) => {
    const share = isShare([rule.zero, rule.full]);
    const full = share ? `${num(rule.full * 100)}%` : num(rule.full);
    return [`${rule.full > rule.zero ? '≥' : '≤'} ${full}`];
  },
  hint: (rule) => [
    phrase('rate-input'),
    phrase('semicolon'),
    phrase(rule.full > rule.zero ? 'hint-higher-is-better' : 'hint-lower-is-better', {
      full: num(rule.full),
      zero: num(rule.zero),
    }),
    ...minNote(rule.min_n, rule.few),
  ],
  criterion: (rule) => {
    const share = isShare([rule.zero, rule.full]);
    return [
      phrase('criterion-linear', {
        full: shown(rule.full, share),
        zero: shown(rule.zero, share),
        lower: rule.full < rule.zero ? 1 : 0,
      }),
      ...minNote(rule.min_n, rule.few),
    ];
  },
  reason: (rule, x) => {
    const share = isShare([rule.zero, rule.full]);
    const lower = rule.full < rule.zero ? 1 : 0;
    const value = shown(x, share);
    return attainment(rule, x) <= 0
      ? [phrase('reason-nothing', { value, zero: shown(rule.zero, share), lower })]
      : [phrase('reason-short', { value, full: shown(rule.full, share), lower })];
  },
};
