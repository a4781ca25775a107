import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { frameOf } from '../../report/frame.js';
import { SCORE_RENDERERS, type ScoreFormat, scoreReport } from '../../report/score.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';

export interface ScoreOptions extends EvaluationFlags {
  readonly format: ScoreFormat;
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi score`: every county's total, grade, ranks and system points. */
export async function score(dir: string | undefined, o: ScoreOptions): Promise<number> {
  binaryNeedsOut(o.format, o.out, ui(o.lang).xlsxNeedsOut);
  const { evaluation, scoring, rejected, warnings } = await loadAndScore(dir, evaluationOf(o, ui(o.lang)));
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  const report = scoreReport(scoring, {
    round: o.round ?? null,
    sha256: evaluation.indicatorsSha256,
    warnings,
    rejected,
    inputs: evaluation.inputs,
    lang: o.lang,
    scope: evaluation.scope,
    notice: evaluation.meta.notice,
  });
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  emit(await SCORE_RENDERERS[o.format](report, { lang: o.lang, style, frame }), o.out);
  return 0;
}
