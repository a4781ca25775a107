import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { rankable, rankBy } from '../../rank/by.js';
import { frameOf } from '../../report/frame.js';
import { RANK_RENDERERS, type RankFormat } from '../../report/rank.js';
import { UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';

export interface RankOptions extends EvaluationFlags {
  readonly format: RankFormat;
  readonly by?: string;
  readonly within?: 'prefecture';
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi rank`: a ranking on the total or on one system or item, province-wide or per prefecture. */
export async function rank(dir: string | undefined, o: RankOptions): Promise<number> {
  binaryNeedsOut(o.format, o.out, ui(o.lang).xlsxNeedsOut);
  const { evaluation, scoring, rejected, warnings } = await loadAndScore(dir, evaluationOf(o, ui(o.lang)));
  if (o.by !== undefined && rankable(scoring, o.by) === null) {
    if (scoring.system.vetoes.some((v) => v.id === o.by)) throw new UsageError(ui(o.lang).rank.vetoNotRankable(o.by));
    const systems = scoring.system.systems.map((s) => s.id).join(', ');
    throw new UsageError(ui(o.lang).rank.unknownNode(o.by, systems));
  }
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  const ranking = rankBy(scoring, o.by ?? null, o.within ?? 'province');
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  emit(
    await RANK_RENDERERS[o.format](ranking, { lang: o.lang, style, precision: scoring.system.precision, frame }),
    o.out,
  );
  return 0;
}
