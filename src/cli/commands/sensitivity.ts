import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { frameOf } from '../../report/frame.js';
import { SENSITIVITY_RENDERERS, type SensitivityFormat } from '../../report/sensitivity.js';
import { type DrawFlags, drawRanks } from '../draw-ranks.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';

export interface SensitivityOptions extends EvaluationFlags, DrawFlags {
  readonly format: SensitivityFormat;
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi sensitivity`: how far the ranks depend on the weights. */
export async function sensitivity(dir: string | undefined, o: SensitivityOptions): Promise<number> {
  const t = ui(o.lang);
  binaryNeedsOut(o.format, o.out, t.xlsxNeedsOut);
  const { evaluation, scoring, rejected, warnings } = await loadAndScore(dir, evaluationOf(o, t));
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  const result = drawRanks(scoring, o, t);
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  emit(await SENSITIVITY_RENDERERS[o.format](result, { lang: o.lang, style, scope: evaluation.scope, frame }), o.out);
  return 0;
}
