import { reconcile as reconcileSelf } from '../../analyze/reconcile.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { frameOf } from '../../report/frame.js';
import { RECONCILE_RENDERERS, type ReconcileFormat } from '../../report/reconcile.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';

export interface ReconcileOptions extends EvaluationFlags {
  readonly format: ReconcileFormat;
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi reconcile`: each county's own rows (自评) against the scored values (核定). */
export async function reconcile(dir: string | undefined, o: ReconcileOptions): Promise<number> {
  const t = ui(o.lang);
  binaryNeedsOut(o.format, o.out, t.xlsxNeedsOut);
  const { evaluation, scoring, evidence, rejected, warnings } = await loadAndScore(dir, evaluationOf(o, t));
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  const result = reconcileSelf(scoring, evidence, evaluation.evidence?.self ?? new Map());
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  emit(await RECONCILE_RENDERERS[o.format](result, { lang: o.lang, style, frame }), o.out);
  return 0;
}
