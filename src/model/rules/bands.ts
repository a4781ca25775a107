import { maxOf } from '../arrays.js';
import type { BandData, BandsRuleData } from '../indicator-data.js';
import { num } from '../number.js';
import { phrase } from '../phrase.js';
import { minNote } from './min-n.js';
import { isShare, pointsShown, type Rule, shown } from './types.js';

const reached = (band: BandData, x: number): boolean =>
  band.min !== undefined ? x >= band.min : x <= (band.max ?? -Infinity);
const bound = (band: BandData): string => (band.min !== undefined ? `≥ ${num(band.min)}` : `≤ ${num(band.max ?? NaN)}`);
/** A band's threshold as a score sheet writes it: `≥ 95%` when the thresholds are shares. */
const boundShown = (band: BandData, share: boolean): string =>
  `${band.min !== undefined ? '≥' : '≤'} ${shown(band.min ?? band.max ?? NaN, share)}`;
const shares = (rule: BandsRuleData): boolean => isShare(rule.bands.map((b) => b.min ?? b.max ?? 0));

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
    const best = maxOf(rule.bands.map((b) => b.score));
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
  criterion: (rule, max) => [
    phrase('criterion-bands', {
      bounds: rule.bands.map((b) => boundShown(b, shares(rule))),
      points: rule.bands.map((b) => pointsShown(b.score * max)),
    }),
    ...minNote(rule.min_n, rule.few),
  ],
  reason: (rule, x, c) => {
    const share = shares(rule);
    const value = shown(x, share);
    const band = rule.bands.find((b) => reached(b, x));
    const last = rule.bands[rule.bands.length - 1];
    if (!band || last === undefined)
      return [phrase('reason-no-band', { value, lowest: last ? boundShown(last, share) : '' })];
    const best = rule.bands.reduce((a, b) => (b.score > a.score ? b : a), band);
    return [
      phrase('reason-band', {
        value,
        band: boundShown(band, share),
        points: pointsShown(c.points),
        best: boundShown(best, share),
      }),
    ];
  },
};
