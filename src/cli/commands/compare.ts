import { compare as compareRounds } from '../../analyze/compare.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { COMPARE_RENDERERS, type CompareFormat } from '../../report/compare.js';
import { frameOf } from '../../report/frame.js';
import { UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { binaryNeedsOut, displayPath, emit, noticeOnStderr, styleFor, writeDiagnostics } from '../io.js';

export interface CompareOptions extends EvaluationFlags {
  readonly format: CompareFormat;
  readonly rounds?: string;
  readonly out?: string;
  readonly lang: Lang;
}

/** `fazhi compare BASE CURRENT` or `fazhi compare DIR --rounds A,B`. */
export async function compare(
  base: string | undefined,
  current: string | undefined,
  o: CompareOptions,
): Promise<number> {
  const t = ui(o.lang);
  binaryNeedsOut(o.format, o.out, t.xlsxNeedsOut);
  let rounds: [string | undefined, string | undefined] = [o.round, o.round];
  if (o.rounds !== undefined) {
    const parts = o.rounds.split(',').map((r) => r.trim());
    if (parts.length !== 2 || parts.some((r) => r === '')) throw new UsageError(t.compare.roundsNeedTwo);
    rounds = [parts[0], parts[1]];
  } else if (current === undefined) throw new UsageError(t.compare.needCurrent);
  const before = await loadAndScore(base, { ...evaluationOf(o, ui(o.lang)), round: rounds[0] });
  const after = await loadAndScore(current ?? base, { ...evaluationOf(o, ui(o.lang)), round: rounds[1] });
  // Two evaluations read: each line says which (the round, or the folder).
  const label = (round: string | undefined, dir: string | undefined) => round ?? displayPath(dir ?? '.');
  writeDiagnostics([...before.rejected, ...before.warnings, ...after.rejected, ...after.warnings], o.lang, [
    { inputs: before.evaluation.inputs, label: label(rounds[0], base) },
    { inputs: after.evaluation.inputs, label: label(rounds[1], current ?? base) },
  ]);
  const comparison = compareRounds(before.scoring, after.scoring);
  const names = new Map(
    [...before.scoring.counties, ...after.scoring.counties].map((c) => [c.county.id, c.county.name]),
  );
  const style = styleFor(o.out === undefined ? process.stdout : null);
  const frame = frameOf(after.evaluation.meta, o.lang);
  noticeOnStderr(o.format, frame);
  emit(
    await COMPARE_RENDERERS[o.format](comparison, {
      lang: o.lang,
      style,
      names,
      frame,
      rounds: [rounds[0] ?? null, rounds[1] ?? null],
    }),
    o.out,
  );
  return 0;
}
