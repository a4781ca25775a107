import { scorecard as scoreSheets } from '../../analyze/scorecard.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { packageVersion } from '../../load/package.js';
import { frameOf } from '../../report/frame.js';
import { SCORECARD_RENDERERS, type ScorecardFormat } from '../../report/scorecard.js';
import { UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { emit, noticeOnStderr, writeDiagnostics } from '../io.js';

export interface ScorecardOptions extends EvaluationFlags {
  readonly format: ScorecardFormat;
  readonly county?: string;
  readonly out?: string;
  readonly lang: Lang;
}

/** Workbooks and Word documents are no text for a terminal. */
const BINARY: readonly ScorecardFormat[] = ['xlsx', 'docx'];

/** `fazhi scorecard`: the score sheet (评分表) of every county, or of one. */
export async function scorecard(dir: string | undefined, o: ScorecardOptions): Promise<number> {
  const t = ui(o.lang);
  if (BINARY.includes(o.format) && o.out === undefined && process.stdout.isTTY)
    throw new UsageError(t.scorecard.binaryNeedsOut(o.format));
  const { evaluation, scoring, evidence, rejected, warnings } = await loadAndScore(dir, evaluationOf(o, t));
  const one =
    o.county === undefined
      ? undefined
      : (scoring.counties.find((c) => c.county.id === o.county) ??
        scoring.counties.find((c) => c.county.name === o.county));
  if (o.county !== undefined && !one) throw new UsageError(t.scorecard.unknownCounty(o.county));
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  const all = scoreSheets(scoring, evidence);
  const sheets = { ...all, counties: all.counties.filter((c) => one === undefined || c.id === one.county.id) };
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  const files = [
    { path: evaluation.indicatorsPath, sha256: evaluation.indicatorsSha256, evidence: false },
    // The register has no `records`: only evidence files count their data rows apart.
    ...evaluation.inputs.map((x) => ({ path: x.path, sha256: x.sha256, evidence: x.records !== undefined })),
  ];
  const output = SCORECARD_RENDERERS[o.format](sheets, {
    lang: o.lang,
    frame,
    generator: `fazhi ${packageVersion()}`,
    round: o.round ?? null,
    files,
  });
  emit(await output, o.out);
  return 0;
}
