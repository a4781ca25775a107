import type { BandData, BandsRuleData } from '../indicator-data.js';
import { num } from '../number.js';
import { phrase } from '../phrase.js';
import { minNote } from './min-n.js';
import { isShare, type Rule } from './types.js';

const reached = (band: BandData, x: number): boolean =>
  band.min !== undefined ? x >= band.min : x <= (band.max ?? -Infinity);
const bound = (band: BandData): string => (band.min !== undefined ? `≥ ${num(band.min)}` : `≤ ${num(band.max ?? NaN)}`);

/** The score of the first band x reaches (x ≥ min, or x ≤ max), in the order written; none → 0. */
export const bands: Rule<BandsRuleData, 'rate'> = {
  kind: () => 'rate',
  rate: true,
  relative: false,
  attainment: (rule, x) => rule.bands.find((b) => reached(b, x))?.score ?? 0,
  steps: (rule, x, c) => {
    const band = rule.bands.find((b) => reached(b, x));
    if (!band) return `x = ${c.shown}; ${rule.bands.map(bound).join(', ')} → a = 0`;
    return `x = ${c.shown} ${bound(band)} → a = ${num(band.score)}`;
  },
  needed: (rule) => {
    const share = isShare(rule.bands.map((b) => b.min ?? b.max ?? 0));
    const best = Math.max(...rule.bands.map((b) => b.score));
    const top = rule.bands.find((b) => b.score === best) ?? { score: best };
    const at = top.min ?? top.max ?? 0;
    return [`${top.min !== undefined ? '≥' : '≤'} ${share ? `${num(at * 100)}%` : num(at)}`];
  },
  hint: (rule) => [
    phrase('rate-input'),
    phrase('semicolon'),
    phrase('list', { items: rule.bands.map((b) => `${bound(b)} → ${num(b.score * 100)}%`) }),
    ...minNote(rule.min_n, rule.few),
  ],
};
