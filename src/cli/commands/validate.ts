import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { type Evaluation, loadEvaluation } from '../../load/evaluation.js';
import { readIndicators } from '../../load/indicators.js';
import { defaultIndicatorsPath } from '../../load/package.js';
import { fileProblem } from '../../load/read.js';
import { append } from '../../model/arrays.js';
import { ScopeError } from '../../model/input-error.js';
import { compareProblems, type Problem } from '../../model/problem.js';
import type { Where } from '../../model/scope.js';
import { type FileReport, renderDiagnostics, VALIDATE_RENDERERS, type ValidateFormat } from '../../report/problems.js';
import { coverageWarnings } from '../coverage-warning.js';
import { type EvaluationFlags, scopeOf } from '../evaluation-options.js';
import { displayPath, emit, styleFor } from '../io.js';

export interface ValidateOptions extends EvaluationFlags {
  readonly format: ValidateFormat;
  readonly strict: boolean;
  readonly out?: string;
  readonly lang: Lang;
}

const YAML_FILE = /\.ya?ml$/i;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The indicator files an argument stands for: a file, or a folder's *.yaml. */
export function indicatorFiles(arg: string): string[] | Problem {
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch {
    return [arg];
  }
  if (!isDir) return [arg];
  const names = readdirSync(arg).sort();
  const yamls = names.filter((n) => YAML_FILE.test(n) && n !== 'evaluation.yaml' && statSync(join(arg, n)).isFile());
  return yamls.length > 0 ? yamls.map((n) => join(arg, n)) : fileProblem('folder-empty', displayPath(arg));
}

/** A folder holding a register, evidence or indicators.yaml is an evaluation folder (FORMATS.md). */
export function isEvaluationFolder(dir: string): boolean {
  const has = (name: string) => existsSync(join(dir, name));
  return (
    has('counties.csv') || has('counties.xlsx') || has('evidence') || has('indicators.yaml') || has('evaluation.yaml')
  );
}

/** The evaluation a folder and the flags stand for, read but not scored. */
async function loadFrom(dir: string | undefined, flags: ValidateFlags): Promise<Evaluation> {
  const e = await loadEvaluation({ ...flags, dir, display: displayPath });
  if (e.unknownScopeColumn) throw new ScopeError(e.unknownScopeColumn.column, e.unknownScopeColumn.columns);
  return e;
}

/** The evaluation flags validate reads, the scope worked out. */
type ValidateFlags = Omit<EvaluationFlags, 'where' | 'all' | 'keepGoing'> & { where: Where | null | undefined };

/** An evaluation folder, checked whole: its indicator system, register and evidence of every round. */
async function evaluationReports(dir: string | undefined, flags: ValidateFlags): Promise<FileReport[]> {
  // Every round is checked: --round, if given, is the one kept.
  const e = await loadFrom(dir, flags);
  // A folder's own evidence is checked for completeness too; evidence files given alone are not a whole evaluation.
  const incomplete =
    dir !== undefined && flags.evidence === undefined
      ? await coverageWarnings(e, { ...flags, dir }, (round) => loadFrom(dir, { ...flags, round }))
      : [];
  const problems = [
    ...e.errors.filter((p) => p.code !== 'evidence-rounds'),
    ...e.warnings,
    ...(e.evidence?.cellErrors ?? []),
    ...incomplete,
  ];
  // A spreadsheet's problems name `file.xlsx!Sheet`: they belong to the file.
  const byFile = (file: string) => problems.filter((p) => p.file === file || p.file.startsWith(`${file}!`));
  const reports: FileReport[] = [{ file: e.indicatorsPath, system: e.system, problems: byFile(e.indicatorsPath) }];
  if (e.metaFile) reports.push({ file: e.metaFile.path, system: null, problems: byFile(e.metaFile.path) });
  const [register, ...evidence] = e.inputs;
  if (register)
    reports.push({
      file: register.path,
      system: null,
      problems: byFile(register.path),
      size: { kind: 'register', count: register.used },
    });
  for (const f of evidence)
    reports.push({ file: f.path, system: null, problems: byFile(f.path), size: { kind: 'evidence', count: f.rows } });
  const shown = new Set(reports.map((r) => r.file));
  const others = [...new Set(problems.map((p) => p.file.replace(/!.*$/, '')))].filter((f) => !shown.has(f)).sort();
  for (const file of others) reports.push({ file, system: null, problems: byFile(file) });
  return reports;
}

/** `fazhi validate`: checks indicator systems (and evaluation folders) without scoring; exit 1 on errors (and warnings under --strict). */
export async function validate(paths: readonly string[], o: ValidateOptions): Promise<number> {
  const { indicators, counties, evidence, round, encoding, sheet } = o;
  const flags: ValidateFlags = {
    indicators,
    counties,
    evidence,
    round,
    encoding,
    sheet,
    where: scopeOf(o, ui(o.lang)),
  };
  const reports: FileReport[] = [];
  if (counties !== undefined || evidence !== undefined) {
    // The evaluation flags make an evaluation of their own, with the folder given if any.
    const folder = paths.find(isDirectory);
    append(reports, await evaluationReports(folder, flags));
    for (const arg of paths.filter((p) => p !== folder)) append(reports, await reportsFor(arg, flags));
  } else {
    const files = paths.length > 0 ? paths : [indicators ?? defaultIndicatorsPath()];
    for (const arg of files) append(reports, await reportsFor(arg, flags));
  }
  const problems = reports.flatMap((r) => r.problems).sort(compareProblems);
  process.stderr.write(renderDiagnostics(problems, o.lang, styleFor(process.stderr)));
  const render = VALIDATE_RENDERERS[o.format];
  const style = styleFor(o.out === undefined ? process.stdout : null);
  emit(render(reports, { lang: o.lang, strict: o.strict, style }), o.out);
  const failed = problems.some((p) => p.severity === 'error' || o.strict);
  return failed ? 1 : 0;
}

/** What one argument stands for: an evaluation folder, indicator files, or a folder of them. */
async function reportsFor(arg: string, flags: ValidateFlags): Promise<FileReport[]> {
  if (isDirectory(arg) && isEvaluationFolder(arg)) return evaluationReports(arg, flags);
  const found = indicatorFiles(arg);
  if (!Array.isArray(found)) return [{ file: found.file, system: null, problems: [found] }];
  return found.map((path) => {
    const file = displayPath(path);
    const { system, problems } = readIndicators(path, file);
    return { file, system, problems };
  });
}
