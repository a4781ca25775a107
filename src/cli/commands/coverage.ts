import { loadAndCover } from '../../evaluate-coverage.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { COVERAGE_RENDERERS, type CoverageFormat } from '../../report/coverage.js';
import { frameOf } from '../../report/frame.js';
import { itemHint } from '../../report/rule-words.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';

export interface CoverageOptions extends EvaluationFlags {
  readonly format: CoverageFormat;
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi coverage`: evidence completeness before scoring, and the 催报清单. */
export async function coverage(dir: string | undefined, o: CoverageOptions): Promise<number> {
  const t = ui(o.lang);
  binaryNeedsOut(o.format, o.out, t.xlsxNeedsOut);
  const { evaluation, coverage, rejected, warnings } = await loadAndCover(dir, evaluationOf(o, t), (node) =>
    itemHint(node, o.lang),
  );
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  const options = { lang: o.lang, style, frame, scope: evaluation.scope, round: o.round ?? null };
  emit(await COVERAGE_RENDERERS[o.format](coverage, options), o.out);
  return 0;
}
