import { sensitivity as drawRanks, maxRuns, SENSITIVITY_DEFAULTS } from '../../analyze/sensitivity.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { frameOf } from '../../report/frame.js';
import { SENSITIVITY_RENDERERS, type SensitivityFormat } from '../../report/sensitivity.js';
import { UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';
import { progress } from '../progress.js';

export interface SensitivityOptions extends EvaluationFlags {
  readonly runs?: number;
  readonly spread?: number;
  readonly seed?: number;
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
  const runs = o.runs ?? SENSITIVITY_DEFAULTS.runs;
  const most = maxRuns(scoring.counties.length);
  if (runs > most) throw new UsageError(t.sensitivity.tooManyRuns(runs, scoring.counties.length, most));
  const bar = progress(t.sensitivity.progress);
  const result = drawRanks(scoring, {
    runs,
    spread: o.spread ?? SENSITIVITY_DEFAULTS.spread,
    seed: o.seed ?? SENSITIVITY_DEFAULTS.seed,
    onStep: (done, total) => bar.step(done, total),
  });
  bar.end();
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  emit(await SENSITIVITY_RENDERERS[o.format](result, { lang: o.lang, style, scope: evaluation.scope, frame }), o.out);
  return 0;
}
