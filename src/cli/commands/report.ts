import { join, resolve } from 'node:path';
import { automaticBaseline } from '../../analyze/baseline-round.js';
import { buildReport } from '../../analyze/build-report.js';
import { compare as compareRounds } from '../../analyze/compare.js';
import { gaps as findGaps } from '../../analyze/gaps.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { packageVersion } from '../../load/package.js';
import type { Problem } from '../../model/problem.js';
import { visible } from '../../model/visible.js';
import { prefectureOrder } from '../../rank/by.js';
import { type ReportFormat, reportFiles } from '../../report/report-files.js';
import { needed } from '../../report/rule-words.js';
import { writeBatch } from '../batch.js';
import { drawRanks } from '../draw-ranks.js';
import { UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { displayPath, writeDiagnostics } from '../io.js';
import { progress } from '../progress.js';

export interface ReportOptions extends EvaluationFlags {
  readonly out: string;
  readonly format: ReportFormat;
  readonly prefecture?: string;
  readonly countyPages?: boolean;
  /** A round to compare with; `false` under --no-baseline; absent: automatic. */
  readonly baseline?: string | false;
  readonly date?: string;
  /** `--sensitivity`: each county's rank interval over weights drawn at random (`--runs`, `--spread`, `--seed`). */
  readonly sensitivity?: boolean;
  readonly runs?: number;
  readonly spread?: number;
  readonly seed?: number;
  readonly lang: Lang;
}

/**
 * The report date: `--date YYYY-MM-DD`, else SOURCE_DATE_EPOCH (seconds, as reproducible
 * builds set it) as a UTC date, else none at all, so that a rerun writes the same bytes.
 */
export function reportDate(flag: string | undefined, epoch: string | undefined, lang: Lang): string | null {
  const t = ui(lang).report;
  if (flag !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(flag);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!d || d.toISOString().slice(0, 10) !== flag) throw new UsageError(t.badDate(flag));
    return flag;
  }
  if (epoch === undefined || epoch === '') return null;
  const seconds = /^\d{1,15}$/.test(epoch) ? Number(epoch) : NaN;
  const d = new Date(seconds * 1000);
  if (!Number.isFinite(d.getTime())) throw new UsageError(t.badEpoch(epoch));
  return d.toISOString().slice(0, 10);
}

const problemKey = (p: Problem): string => JSON.stringify([p.file, p.line, p.column, p.code, p.args]);

/** `fazhi report [DIR] --out OUTDIR`: the province overview and a report per prefecture (and per county). */
export async function report(
  dir: string | undefined,
  o: ReportOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const t = ui(o.lang).report;
  const date = reportDate(o.date, env.SOURCE_DATE_EPOCH, o.lang);
  const current = o.round ?? null;
  if (typeof o.baseline === 'string' && o.baseline === current) throw new UsageError(t.sameBaseline(o.baseline));
  if (o.sensitivity !== true)
    for (const [flag, value] of [
      ['--runs', o.runs],
      ['--spread', o.spread],
      ['--seed', o.seed],
    ] as const)
      if (value !== undefined) throw new UsageError(t.drawsNeedSensitivity(flag));

  const after = await loadAndScore(dir, evaluationOf(o, ui(o.lang)));
  const prefectures = prefectureOrder(after.scoring.counties);
  if (o.prefecture !== undefined && !prefectures.includes(o.prefecture))
    throw new UsageError(t.unknownPrefecture(o.prefecture, prefectures));

  // The baseline: --baseline ROUND; else, automatically, the baseline round (基线) when another round is scored.
  const found =
    o.baseline === undefined
      ? automaticBaseline(after.evaluation.evidence?.rounds ?? [], current, after.evaluation.meta.rounds)
      : null;
  const automatic = found !== null;
  const baselineRound = typeof o.baseline === 'string' ? o.baseline : found;
  const before =
    baselineRound === null ? null : await loadAndScore(dir, { ...evaluationOf(o, ui(o.lang)), round: baselineRound });

  const seen = new Set<string>();
  const diagnostics = [
    ...after.rejected,
    ...after.warnings,
    ...(before ? [...before.rejected, ...before.warnings] : []),
  ].filter((p) => {
    const key = problemKey(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  writeDiagnostics(
    diagnostics,
    o.lang,
    before
      ? [
          { inputs: after.evaluation.inputs, label: current },
          { inputs: before.evaluation.inputs, label: baselineRound },
        ]
      : [after.evaluation],
  );

  const evidence = after.evidence;
  const version = packageVersion();
  const drawn = o.sensitivity === true ? drawRanks(after.scoring, o, ui(o.lang)) : null;
  const model = buildReport({
    scoring: after.scoring,
    gaps: findGaps(after.scoring, evidence, (node, s) => needed(node, o.lang, s.ranges.get(node.id) ?? null)),
    evidence,
    round: current,
    baseline:
      before && baselineRound !== null
        ? {
            round: baselineRound,
            automatic,
            comparison: compareRounds(before.scoring, after.scoring),
            scoring: before.scoring,
          }
        : null,
    provenance: {
      version,
      indicatorsPath: after.evaluation.indicatorsPath,
      indicatorsSha256: after.evaluation.indicatorsSha256,
      metaFile: after.evaluation.metaFile,
      inputs: after.evaluation.inputs,
    },
    meta: after.evaluation.meta,
    scope: after.evaluation.scope,
    date,
    lang: o.lang,
    countyPages: o.countyPages === true,
    index: o.prefecture === undefined,
    sensitivity: drawn,
  });
  const files = reportFiles(model, o.format, `fazhi ${version}`, o.prefecture ?? null);

  const bar = progress(t.writing);
  await writeBatch(o.out, files, {
    outside: t.outsideOut,
    progress: (i, n, path) => bar.step(i - 1, n, visible(path)),
  });
  bar.end();
  const written = files.map((f) => displayPath(join(resolve(o.out), ...(f.folder === null ? [] : [f.folder]), f.name)));
  if (process.stderr.isTTY === true)
    process.stderr.write(`${t.written(files.length, visible(displayPath(resolve(o.out))))}\n`);
  process.stdout.write(written.map((w) => `${visible(w)}\n`).join(''));
  return 0;
}
