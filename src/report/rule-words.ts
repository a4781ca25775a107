import type { Lang } from '../i18n/lang.js';
import { num } from '../model/checks.js';
import type { BonusItemData } from '../model/indicator-data.js';
import type { SystemNode } from '../model/system.js';
import { expectsYes } from '../score/rules/check.js';

const pct = (x: number): string => `${num(x * 100)}%`;

/** What an evidence cell for a scored item must hold, in words, for templates. */
export function itemHint(node: SystemNode, lang: Lang): string {
  const zh = lang === 'zh';
  const rule = node.rule!;
  const rate = zh ? '数值、百分数或 a/b' : 'a number, percentage or a/b';
  const minN =
    'min_n' in rule && rule.min_n !== undefined
      ? zh
        ? `；案件数少于 ${rule.min_n} 视为无佐证`
        : `; fewer than ${rule.min_n} cases is no evidence`
      : '';
  switch (rule.type) {
    case 'check':
      return zh
        ? `是/否${expectsYes(rule) ? '' : '（“否”得满分）'}`
        : `yes/no${expectsYes(rule) ? '' : ' (no earns full marks)'}`;
    case 'linear':
      return zh
        ? `${rate}；${rule.full > rule.zero ? `≥ ${num(rule.full)} 满分，≤ ${num(rule.zero)} 不得分` : `≤ ${num(rule.full)} 满分，≥ ${num(rule.zero)} 不得分`}${minN}`
        : `${rate}; ${rule.full > rule.zero ? `≥ ${num(rule.full)} full, ≤ ${num(rule.zero)} nothing` : `≤ ${num(rule.full)} full, ≥ ${num(rule.zero)} nothing`}${minN}`;
    case 'bands':
      return `${rate}；${rule.bands.map((b) => `${b.min !== undefined ? `≥ ${num(b.min)}` : `≤ ${num(b.max!)}`} → ${pct(b.score)}`).join(zh ? '，' : ', ')}${minN}`.replace(
        '；',
        zh ? '；' : '; ',
      );
    case 'deduct':
      return zh
        ? `起数（整数，无 = 0），每起扣 ${num(rule.per)} 分${rule.limit !== undefined ? `，最多扣 ${num(rule.limit)} 分` : ''}`
        : `count (whole number, 无 = 0), ${num(rule.per)} points off each${rule.limit !== undefined ? `, at most ${num(rule.limit)}` : ''}`;
    case 'assessed':
      return zh ? `评估组评分 0–${num(node.max)}` : `evaluators' points 0–${num(node.max)}`;
    case 'fraction':
      return zh ? `0–1 的得分率或百分数${minN}` : `a share 0–1 or a percentage${minN}`;
    case 'minmax':
      return zh
        ? `数值（与其他县比较，${rule.direction === 'lower' ? '越低越好' : '越高越好'}）${minN}`
        : `a number (relative to the other counties, ${rule.direction === 'lower' ? 'lower' : 'higher'} is better)${minN}`;
  }
}

export function bonusHint(item: BonusItemData, lang: Lang): string {
  const zh = lang === 'zh';
  if (item.rule.type === 'check')
    return zh ? `是/否（加 ${num(item.rule.points ?? 0)} 分）` : `yes/no (${num(item.rule.points ?? 0)} points)`;
  return zh
    ? `项数（整数），每项加 ${num(item.rule.per ?? 0)} 分，最多 ${num(item.rule.max ?? 0)} 分`
    : `count (whole number), ${num(item.rule.per ?? 0)} points each, at most ${num(item.rule.max ?? 0)}`;
}

export const vetoHint = (lang: Lang): string =>
  lang === 'zh' ? '是/否（“是”触发一票否决）' : 'yes/no (yes triggers the veto)';

/** Whether a rule's thresholds read as shares (all within 0–1), so they are shown as percentages. */
function isShare(values: readonly number[]): boolean {
  return values.every((v) => v >= 0 && v <= 1);
}

/** What full marks take, in words: `≥ 95%`, `是`, `0 起` (CLI.md, gaps `needed`). */
export function needed(node: SystemNode, lang: Lang, range: { lo: number; hi: number } | null): string {
  const zh = lang === 'zh';
  const rule = node.rule!;
  const show = (x: number, share: boolean) => (share ? pct(x) : num(x));
  switch (rule.type) {
    case 'check':
      return expectsYes(rule) ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
    case 'linear': {
      const share = isShare([rule.zero, rule.full]);
      return `${rule.full > rule.zero ? '≥' : '≤'} ${show(rule.full, share)}`;
    }
    case 'bands': {
      const bounds = rule.bands.map((b) => b.min ?? b.max!);
      const top = rule.bands.find((b) => b.score === Math.max(...rule.bands.map((x) => x.score)))!;
      return `${top.min !== undefined ? '≥' : '≤'} ${show(top.min ?? top.max!, isShare(bounds))}`;
    }
    case 'deduct':
      return zh ? '0 起' : '0 cases';
    case 'assessed':
      return zh ? `${num(node.max)} 分` : `${num(node.max)} points`;
    case 'fraction':
      return '100%';
    case 'minmax': {
      const lower = rule.direction === 'lower';
      if (range === null)
        return zh
          ? lower
            ? '全省最低值'
            : '全省最高值'
          : lower
            ? 'the lowest value of all counties'
            : 'the highest value of all counties';
      // The best value in the run, as evaluators read it: four significant digits.
      return `${lower ? '≤' : '≥'} ${Number((lower ? range.lo : range.hi).toPrecision(4))}`;
    }
  }
}
