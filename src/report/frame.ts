import { type EvaluationMeta, NO_META } from '../model/evaluation-meta.js';
import type { Lang } from '../model/lang.js';

/**
 * How the outputs name the evaluation they come from (evaluation.yaml, FORMATS.md §6): the whole
 * the counties are compared with (全省, or the region), rounds by their display names, and the
 * notice every human output carries. One per run, made from the metadata and the language.
 */
export interface Frame {
  readonly lang: Lang;
  /** The whole evaluated, as a sentence names it: 全省 (the province), or evaluation.yaml's region. */
  readonly region: string;
  /** evaluation.yaml's region, or `null` when it names none. */
  readonly regionName: string | null;
  readonly notice: string | null;
  readonly meta: EvaluationMeta;
  /** A round as people read it: evaluation.yaml's name for it, else a known round's name, else its id. */
  readonly roundName: (id: string) => string;
}

/** Names for the rounds every evaluation has, used when evaluation.yaml names none. */
const KNOWN_ROUNDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: {
    baseline: '基线评估',
    midterm: '中期评估',
    final: '终期评估',
    基线: '基线评估',
    中期: '中期评估',
    终期: '终期评估',
  },
  en: {
    baseline: 'baseline',
    midterm: 'mid-term evaluation',
    final: 'final evaluation',
    基线: 'baseline',
    基线评估: 'baseline',
    中期: 'mid-term evaluation',
    中期评估: 'mid-term evaluation',
    终期: 'final evaluation',
    终期评估: 'final evaluation',
  },
};

export function frameOf(meta: EvaluationMeta = NO_META, lang: Lang = 'zh'): Frame {
  return {
    lang,
    region: meta.region ?? (lang === 'zh' ? '全省' : 'the province'),
    regionName: meta.region,
    notice: meta.notice,
    meta,
    roundName: (id) => meta.rounds[id] ?? KNOWN_ROUNDS[lang][id] ?? id,
  };
}

/** A renderer's frame: the one given, else the plain one of its language (for API callers who give none). */
export const frameFor = (o: { readonly lang: Lang; readonly frame?: Frame | undefined }): Frame =>
  o.frame ?? frameOf(NO_META, o.lang);
