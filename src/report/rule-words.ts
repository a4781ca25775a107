import type { Lang } from '../i18n/lang.js';
import { words } from '../i18n/phrases.js';
import { ui } from '../i18n/ui.js';
import type { BonusItemData, VetoData } from '../model/indicator-data.js';
import { num } from '../model/number.js';
import { phrase } from '../model/phrase.js';
import { ruleFor } from '../model/rules/index.js';
import type { Range } from '../model/scoring.js';
import type { Scorable } from '../model/system.js';
import { vetoEffect } from './veto-words.js';

/** What an evidence cell for a scored item must hold, in words, for templates: the rule's hint and the range. */
export function itemHint(node: Scorable, lang: Lang): string {
  const [lo, hi] = node.range ?? [null, null];
  const range =
    node.range === null
      ? []
      : [phrase('range-note', { lo: lo === null ? '' : num(lo), hi: hi === null ? '' : num(hi) })];
  return words([...ruleFor(node.rule).hint(node.rule, node.max), ...range], lang);
}

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

/** A veto's cell: yes/no, and what a yes does. */
export const vetoHint = (veto: VetoData, lang: Lang): string =>
  `${words([phrase('hint-veto')], lang)}${ui(lang).veto.hintEffect(vetoEffect(veto.effect, lang))}`;
