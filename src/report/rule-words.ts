import type { Lang } from '../i18n/lang.js';
import { words } from '../i18n/phrases.js';
import type { BonusItemData } from '../model/indicator-data.js';
import { num } from '../model/number.js';
import { phrase } from '../model/phrase.js';
import { ruleFor } from '../model/rules/index.js';
import type { Range } from '../model/scoring.js';
import type { Scorable } from '../model/system.js';

/** What an evidence cell for a scored item must hold, in words, for templates. */
export const itemHint = (node: Scorable, lang: Lang): string =>
  words(ruleFor(node.rule).hint(node.rule, node.max), lang);

/** What full marks take, in words: `≥ 95%`, `是`, `0 起` (CLI.md, gaps `needed`). */
export const needed = (node: Scorable, lang: Lang, range: Range | null): string =>
  words(ruleFor(node.rule).needed(node.rule, node.max, range), lang);

export function bonusHint(item: BonusItemData, lang: Lang): string {
  const r = item.rule;
  const wording =
    r.type === 'check'
      ? phrase('hint-bonus-check', { points: num(r.points ?? 0) })
      : phrase('hint-bonus-count', { per: num(r.per ?? 0), max: num(r.max ?? 0) });
  return words([wording], lang);
}

export const vetoHint = (lang: Lang): string => words([phrase('hint-veto')], lang);
