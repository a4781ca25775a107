import type { PhraseArgs, PhraseKey, Wording } from '../model/phrase.js';
import type { Lang } from './lang.js';

type Words = Readonly<Record<Lang, (a: PhraseArgs) => string>>;

const list = (a: PhraseArgs): readonly string[] => (Array.isArray(a.items) ? a.items : []);
const strings = (x: PhraseArgs[string] | undefined): readonly string[] => (Array.isArray(x) ? x : []);
/** Bands as the criterion lists them: each threshold with its points. */
const pairs = (a: PhraseArgs, f: (bound: string, points: string) => string): string[] =>
  strings(a.bounds).map((b, i) => f(b, strings(a.points)[i] ?? ''));

/** The phrases the model hands out (rules' hints, what full marks take, score sheets' rules and reasons), in Chinese and English. */
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
  'criterion-check': {
    zh: (a) => (a.reversed ? '“否”得满分，“是”不得分' : '“是”得满分，“否”不得分'),
    en: (a) => (a.reversed ? 'no earns full marks, yes none' : 'yes earns full marks, no none'),
  },
  'criterion-linear': {
    zh: (a) => `${a.lower ? '≤' : '≥'} ${a.full} 满分，${a.lower ? '≥' : '≤'} ${a.zero} 不得分，其间按比例计分`,
    en: (a) =>
      `${a.lower ? '≤' : '≥'} ${a.full} full marks, ${a.lower ? '≥' : '≤'} ${a.zero} none, in proportion between`,
  },
  'criterion-bands': {
    zh: (a) => `${pairs(a, (b, p) => `${b} 得 ${p} 分`).join('；')}；其余不得分`,
    en: (a) => `${pairs(a, (b, p) => `${b}: ${p} points`).join('; ')}; otherwise none`,
  },
  'criterion-deduct': {
    zh: (a) => `每发生 1 起扣 ${a.per} 分${a.limit !== undefined ? `，最多扣 ${a.limit} 分` : ''}，扣完为止`,
    en: (a) => `${a.per} points off each case${a.limit !== undefined ? `, at most ${a.limit}` : ''}, down to none`,
  },
  'criterion-assessed': {
    zh: (a) => `评估组评分（0–${a.max} 分）`,
    en: (a) => `the evaluators' points (0–${a.max})`,
  },
  'criterion-fraction': {
    zh: () => '按得分率计分（100% 得满分）',
    en: () => 'the share of full marks given (100% earns full marks)',
  },
  'criterion-relative': {
    zh: (a) =>
      `与参评县（市、区）比较：${a.lower ? '最低值得满分，最高值不得分' : '最高值得满分，最低值不得分'}，其间按比例计分`,
    en: (a) =>
      `against the other counties: the ${a.lower ? 'lowest' : 'highest'} value earns full marks, the ${a.lower ? 'highest' : 'lowest'} none, in proportion between`,
  },
  'reason-check': {
    zh: (a) => (a.reversed ? '为“是”，未达标' : '为“否”，未达标'),
    en: (a) => (a.reversed ? 'yes: not met' : 'no: not met'),
  },
  'reason-short': {
    zh: (a) => `${a.value}，${a.lower ? '高于' : '低于'}满分线 ${a.full}`,
    en: (a) => `${a.value}, ${a.lower ? 'above' : 'below'} the full-marks line ${a.full}`,
  },
  'reason-nothing': {
    zh: (a) => `${a.value}，${a.lower ? '不低于' : '不高于'} ${a.zero}，不得分`,
    en: (a) => `${a.value}, not ${a.lower ? 'below' : 'above'} ${a.zero}: no points`,
  },
  'reason-band': {
    zh: (a) => `${a.value}，在 ${a.band} 档，得 ${a.points} 分；满分须 ${a.best}`,
    en: (a) => `${a.value}: band ${a.band}, ${a.points} points; full marks take ${a.best}`,
  },
  'reason-no-band': {
    zh: (a) => `${a.value}，未达到最低档 ${a.lowest}，不得分`,
    en: (a) => `${a.value}: short of the lowest band ${a.lowest}, no points`,
  },
  'reason-deduct': {
    zh: (a) => `发生 ${a.count} 起，扣 ${a.points} 分`,
    en: (a) =>
      `${a.count} ${a.count === '1' ? 'case' : 'cases'}, ${a.points} ${a.points === '1' ? 'point' : 'points'} off`,
  },
  'reason-assessed': {
    zh: (a) => `评估组评分 ${a.points} 分（满分 ${a.max} 分）`,
    en: (a) => `assessed ${a.points} of ${a.max} points`,
  },
  'reason-share': { zh: (a) => `得分率 ${a.value}`, en: (a) => `share ${a.value}` },
  'reason-relative': {
    zh: (a) => `${a.value}，${a.lower ? '高于参评县（市、区）最低值' : '低于参评县（市、区）最高值'} ${a.best}`,
    en: (a) => `${a.value}, ${a.lower ? 'above the lowest' : 'below the highest'} value of all counties, ${a.best}`,
  },
  'reason-missing': {
    zh: (a) => `${a.why === 'rejected' ? '佐证有误未采用' : '缺少佐证材料'}，${a.out ? '不计入' : '按 0 分计'}`,
    en: (a) => `${a.why === 'rejected' ? 'evidence rejected' : 'no evidence'}: ${a.out ? 'left out' : '0 points'}`,
  },
  'reason-few': {
    zh: (a) =>
      `${a.n === '' ? '没有案件' : `案件不足 ${a.n} 件`}，${a.counted === 'na' ? '合理缺项' : `视为无佐证，${a.counted === 'out' ? '不计入' : '按 0 分计'}`}`,
    en: (a) =>
      `${a.n === '' ? 'no cases' : `fewer than ${a.n} cases`}: ${a.counted === 'na' ? 'left out (合理缺项)' : `no evidence, ${a.counted === 'out' ? 'left out' : '0 points'}`}`,
  },
  'reason-group': {
    zh: (a) => `下级指标失分：${list(a).join('、')}`,
    en: (a) => `points lost on ${list(a).join(', ')}`,
  },
  'reason-group-left-out': { zh: () => '下级指标均不计入', en: () => 'every item below left out' },
  'reason-systems': { zh: () => '各体系失分，见评分表', en: () => 'the points the systems lost (see the sheet)' },
  'criterion-bonus-check': { zh: (a) => `“是”加 ${a.points} 分`, en: (a) => `yes: ${a.points} points` },
  'criterion-bonus-count': {
    zh: (a) => `每项加 ${a.per} 分，最多加 ${a.max} 分`,
    en: (a) => `${a.per} points each, at most ${a.max}`,
  },
  'criterion-systems': {
    zh: (a) => `按各体系得分折算（${a.scale} 分折为 ${a.max} 分）`,
    en: (a) => `the systems' points, ${a.scale} scaled to ${a.max}`,
  },
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
