import { explain as explainScore } from '../../analyze/explain.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { EXPLAIN_RENDERERS, type ExplainFormat } from '../../report/explain.js';
import { frameOf } from '../../report/frame.js';
import { UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { emit, styleFor, writeDiagnostics } from '../io.js';

export interface ExplainOptions extends EvaluationFlags {
  readonly format: ExplainFormat;
  readonly county: string;
  readonly item: string;
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi explain`: how one county's points for one system or item came about. */
export async function explain(dir: string | undefined, o: ExplainOptions): Promise<number> {
  const t = ui(o.lang).explain;
  const { scoring, evaluation, rejected, warnings } = await loadAndScore(dir, evaluationOf(o, ui(o.lang)));
  const county =
    scoring.counties.find((c) => c.county.id === o.county) ?? scoring.counties.find((c) => c.county.name === o.county);
  if (!county) throw new UsageError(t.unknownCounty(o.county));
  const cell = evaluation.evidence?.table.get(county.county.id)?.get(o.item);
  const explanation = explainScore(scoring, county, o.item, cell, { yes: t.yes, no: t.no });
  if (!explanation) throw new UsageError(t.unknownItem(o.item));
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  emit(
    EXPLAIN_RENDERERS[o.format](explanation, {
      lang: o.lang,
      style: styleFor(o.out === undefined ? process.stdout : null),
      frame: frameOf(evaluation.meta, o.lang),
    }),
    o.out,
  );
  return 0;
}
