import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { automaticBaseline } from '../../analyze/baseline-round.js';
import { buildReport } from '../../analyze/build-report.js';
import { compare as compareRounds } from '../../analyze/compare.js';
import { gaps as findGaps } from '../../analyze/gaps.js';
import { loadAndScore } from '../../evaluate.js';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { packageVersion } from '../../load/package.js';
import { fileProblem } from '../../load/read.js';
import type { Problem } from '../../model/problem.js';
import { prefectureOrder } from '../../rank/by.js';
import { type ReportFormat, reportFiles } from '../../report/report-files.js';
import { needed } from '../../report/rule-words.js';
import { visible } from '../../report/visible.js';
import { InputError, UsageError } from '../errors.js';
import { type EvaluationFlags, evaluationOf } from '../evaluation-options.js';
import { displayPath, emit, writeDiagnostics } from '../io.js';

export interface ReportOptions extends EvaluationFlags {
  readonly out: string;
  readonly format: ReportFormat;
  readonly prefecture?: string;
  readonly countyPages?: boolean;
  /** A round to compare with; `false` under --no-baseline; absent: automatic. */
  readonly baseline?: string | false;
  readonly date?: string;
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

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

const unwritable = (path: string, reason: string): InputError =>
  new InputError([fileProblem('file-unwritable', displayPath(path), { reason })]);
const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/** OUTDIR, created if missing (not its parents), as a real path. */
function outFolder(out: string): string {
  const dir = resolve(out);
  try {
    if (!statSync(dir, { throwIfNoEntry: false })) mkdirSync(dir);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    return realpathSync(dir);
  } catch (e) {
    throw unwritable(out, code(e));
  }
}

/** A folder inside OUTDIR (for county pages), created if missing; never one that leads outside. */
function subFolder(root: string, name: string, lang: Lang): string {
  const dir = join(root, name);
  if (!isInside(root, dir)) throw unwritable(dir, ui(lang).report.outsideOut);
  try {
    if (!lstatSync(dir, { throwIfNoEntry: false })) mkdirSync(dir);
    const real = realpathSync(dir);
    if (!isInside(root, real) || !statSync(real).isDirectory()) throw unwritable(dir, ui(lang).report.outsideOut);
    return real;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unwritable(dir, code(e));
  }
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
  });
  const files = reportFiles(model, o.format, `fazhi ${version}`, o.prefecture ?? null);

  // Every folder is made and checked before the first file is written.
  const root = outFolder(o.out);
  const folders = new Map<string, string>();
  for (const f of files)
    if (f.folder !== null && !folders.has(f.folder)) folders.set(f.folder, subFolder(root, f.folder, o.lang));
  const progress = process.stderr.isTTY === true;
  const written: string[] = [];
  for (const [i, f] of files.entries()) {
    const path = f.folder === null ? [f.name] : [f.folder, f.name];
    const target = join((f.folder !== null && folders.get(f.folder)) || root, f.name);
    if (!isInside(root, target)) throw unwritable(target, t.outsideOut);
    if (progress) process.stderr.write(`\r\u001b[K${t.writing(i + 1, files.length, visible(path.join('/')))}`);
    emit(await f.render(), target);
    written.push(displayPath(join(resolve(o.out), ...path)));
  }
  if (progress) process.stderr.write(`\r\u001b[K${t.written(files.length, visible(displayPath(resolve(o.out))))}\n`);
  process.stdout.write(written.map((w) => `${visible(w)}\n`).join(''));
  return 0;
}
