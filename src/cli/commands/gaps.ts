import { gaps as findGaps } from '../../analyze/gaps.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { frameOf } from '../../report/frame.js';
import { GAPS_RENDERERS, type GapsFormat } from '../../report/gaps.js';
import { needed } from '../../report/rule-words.js';
import { UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';

export interface GapsOptions extends EvaluationFlags {
  readonly format: GapsFormat;
  readonly county?: string;
  /** Parsed strictly on the command line (`flag-numbers.ts`): a whole number 1 … 1 000 000. */
  readonly top?: number;
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi gaps`: the shortfall report, per county or for one. */
export async function gaps(dir: string | undefined, o: GapsOptions): Promise<number> {
  const t = ui(o.lang);
  binaryNeedsOut(o.format, o.out, t.xlsxNeedsOut);
  const top = o.top;
  const { evaluation, scoring, evidence, rejected, warnings } = await loadAndScore(dir, evaluationOf(o, ui(o.lang)));
  const one =
    o.county === undefined
      ? undefined
      : (scoring.counties.find((c) => c.county.id === o.county) ??
        scoring.counties.find((c) => c.county.name === o.county));
  if (o.county !== undefined && !one) throw new UsageError(t.gaps.unknownCounty(o.county));
  writeDiagnostics([...rejected, ...warnings], o.lang, [evaluation]);
  const all = findGaps(scoring, evidence, (node, s) => needed(node, o.lang, s.ranges.get(node.id) ?? null));
  const counties = all.counties
    .filter((c) => one === undefined || c.id === one.county.id)
    .map((c) => (top === undefined ? c : { ...c, items: c.items.slice(0, top) }));
  const systemNames = new Map(scoring.system.systems.map((s) => [s.id, s.name]));
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  emit(await GAPS_RENDERERS[o.format]({ ...all, counties }, { lang: o.lang, style, systemNames, frame }), o.out);
  return 0;
}
