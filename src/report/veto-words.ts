import type { Lang } from '../i18n/lang.js';
import { reportWords } from '../i18n/report-words.js';
import { ui } from '../i18n/ui.js';
import type { VetoEffectData } from '../model/indicator-data.js';
import { num } from '../model/number.js';
import type { VetoBasis } from '../model/scoring.js';

/** What a veto does, in words: 一票否决，取消创建资格; 扣 5 分; 不得高于良好. */
export function vetoEffect(effect: VetoEffectData, lang: Lang): string {
  const t = ui(lang).veto;
  if (effect === 'disqualify') return t.disqualify;
  if ('cap' in effect) return t.cap(num(effect.cap));
  if ('deduct' in effect) return t.deduct(num(effect.deduct));
  if ('grade' in effect) return t.grade(effect.grade);
  return t.maxGrade(effect.max_grade);
}

/** What a triggered veto rests on: the row's source and note (认定机关、文号、日期) and where it is. */
export function vetoBasis(b: VetoBasis, lang: Lang): string {
  return ui(lang).veto.basis(
    [b.source, b.note].filter((x): x is string => x !== null && x !== ''),
    b.at,
  );
}

/** One triggered veto in full: id, name, what it does, its basis. */
export const vetoLine = (b: VetoBasis, lang: Lang): string =>
  ui(lang).veto.line(b.id, b.name, vetoEffect(b.effect, lang), vetoBasis(b, lang));

/** A county's triggered vetoes, short: `V2 扣 5 分；V4 直接定为不合格`. */
export const vetoesShort = (bases: readonly VetoBasis[], lang: Lang): string =>
  bases.map((b) => `${b.id} ${vetoEffect(b.effect, lang)}`).join(ui(lang).veto.separator);

/** What a veto rests on, as a report to officials writes it: 认定机关、文号、日期 (no file locations). */
export const vetoBasisWords = (b: VetoBasis, lang: Lang): string =>
  [b.source, b.note].filter((x): x is string => x !== null && x !== '').join(lang === 'zh' ? '，' : ', ') ||
  reportWords(lang).text.noBasis;

/** A veto in a report: 一票否决：名称，效果（认定依据：……）. */
export const vetoWords = (b: VetoBasis, lang: Lang): string =>
  reportWords(lang).text.veto(b.name, vetoEffect(b.effect, lang), vetoBasisWords(b, lang));
