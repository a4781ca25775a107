import type { PhraseArgs, PhraseKey, Wording } from '../model/phrase.js';
import type { Lang } from './lang.js';

type Words = Readonly<Record<Lang, (a: PhraseArgs) => string>>;

const list = (a: PhraseArgs): readonly string[] => (Array.isArray(a.items) ? a.items : []);

/** The phrases the model hands out (rules' hints and what full marks take), in Chinese and English. */
export const PHRASES = {
  semicolon: { zh: () => '；', en: () => '; ' },
  list: { zh: (a) => list(a).join('，'), en: (a) => list(a).join(', ') },
  'rate-input': { zh: () => '数值、百分数或 a/b', en: () => 'a number, percentage or a/b' },
  'share-input': { zh: () => '0–1 的得分率或百分数', en: () => 'a share 0–1 or a percentage' },
  'min-n-note': {
    zh: (a) => `；案件数少于 ${a.n} 视为无佐证`,
    en: (a) => `; fewer than ${a.n} cases is no evidence`,
  },
  'min-n-na-note': {
    zh: (a) => `；案件数少于 ${a.n} 为合理缺项（不计入）`,
    en: (a) => `; fewer than ${a.n} cases: left out (合理缺项)`,
  },
  'range-note': {
    zh: (a) =>
      `；取值${a.lo === '' ? '' : `不小于 ${a.lo}`}${a.lo !== '' && a.hi !== '' ? ' 且' : ''}${a.hi === '' ? '' : `不大于 ${a.hi}`}`,
    en: (a) =>
      `; values${a.lo === '' ? '' : ` ≥ ${a.lo}`}${a.lo !== '' && a.hi !== '' ? ' and' : ''}${a.hi === '' ? '' : ` ≤ ${a.hi}`}`,
  },
  'hint-yes-no': { zh: () => '是/否', en: () => 'yes/no' },
  'hint-yes-no-reversed': { zh: () => '是/否（“否”得满分）', en: () => 'yes/no (no earns full marks)' },
  'hint-higher-is-better': {
    zh: (a) => `≥ ${a.full} 满分，≤ ${a.zero} 不得分`,
    en: (a) => `≥ ${a.full} full, ≤ ${a.zero} nothing`,
  },
  'hint-lower-is-better': {
    zh: (a) => `≤ ${a.full} 满分，≥ ${a.zero} 不得分`,
    en: (a) => `≤ ${a.full} full, ≥ ${a.zero} nothing`,
  },
  'hint-deduct': {
    zh: (a) => `起数（整数，无 = 0），每起扣 ${a.per} 分${a.limit !== undefined ? `，最多扣 ${a.limit} 分` : ''}`,
    en: (a) =>
      `count (whole number, 无 = 0), ${a.per} points off each${a.limit !== undefined ? `, at most ${a.limit}` : ''}`,
  },
  'hint-assessed': { zh: (a) => `评估组评分 0–${a.max}`, en: (a) => `evaluators' points 0–${a.max}` },
  'hint-relative': {
    zh: (a) => `数值（与其他县比较，${a.lower ? '越低越好' : '越高越好'}）`,
    en: (a) => `a number (relative to the other counties, ${a.lower ? 'lower' : 'higher'} is better)`,
  },
  'hint-bonus-check': { zh: (a) => `是/否（加 ${a.points} 分）`, en: (a) => `yes/no (${a.points} points)` },
  'hint-bonus-count': {
    zh: (a) => `项数（整数），每项加 ${a.per} 分，最多 ${a.max} 分`,
    en: (a) => `count (whole number), ${a.per} points each, at most ${a.max}`,
  },
  'hint-veto': { zh: () => '是/否', en: () => 'yes/no' },
  'needed-yes': { zh: () => '是', en: () => 'yes' },
  'needed-no': { zh: () => '否', en: () => 'no' },
  'needed-no-cases': { zh: () => '0 起', en: () => '0 cases' },
  'needed-points': { zh: (a) => `${a.max} 分`, en: (a) => `${a.max} points` },
  'needed-highest': { zh: () => '参评县（市、区）中的最高值', en: () => 'the highest value of all counties' },
  'needed-lowest': { zh: () => '参评县（市、区）中的最低值', en: () => 'the lowest value of all counties' },
} as const satisfies Record<PhraseKey, Words>;

/** Wording in one language: literal pieces as they are, phrases from the catalogue. */
export function words(wording: Wording, lang: Lang): string {
  return wording
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      const entry: Words = PHRASES[piece.key];
      return entry[lang](piece.args ?? {});
    })
    .join('');
}
