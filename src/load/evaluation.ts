import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { County } from '../model/evaluation.js';
import { type EvaluationMeta, NO_META } from '../model/evaluation-meta.js';
import { must } from '../model/must.js';
import { located, type Problem } from '../model/problem.js';
import { inScope, type Where } from '../model/scope.js';
import type { IndicatorSystem } from '../model/system.js';
import { type CsvOrigin, openCsvFile } from './csv-file.js';
import type { Encoding } from './decode.js';
import { parseEvaluationMeta } from './evaluation-meta.js';
import type { FileCount, LoadedEvidence } from './evidence.js';
import { loadEvidenceInParallel } from './evidence-parallel.js';
import { parseIndicators } from './indicators.js';
import { defaultIndicatorsPath } from './package.js';
import { fileProblem, type Read, readAll, readYaml } from './read.js';
import { parseRegister, type Register } from './register.js';
import type { TableInput } from './table.js';

/** Where an evaluation comes from: a folder and/or flags, a flag replacing that part of the folder. */
export interface EvaluationSource {
  readonly dir?: string | undefined;
  readonly indicators?: string | undefined;
  readonly counties?: string | undefined;
  readonly evidence?: readonly string[] | undefined;
  readonly round?: string | undefined;
  readonly encoding?: Encoding | undefined;
  /** The sheet of .xlsx files to read (default: the first). */
  readonly sheet?: string | undefined;
  /**
   * The counties to evaluate, by register columns (`--where`): replaces evaluation.yaml's
   * `where`; `null` (`--all`) is every county; `undefined` takes evaluation.yaml's, if any.
   */
  readonly where?: Where | null | undefined;
  /** How a path is shown in messages. */
  readonly display: (path: string) => string;
  /** Told as each evidence file is begun and once all are read (for a progress bar). */
  readonly onFile?: ((done: number, total: number, file: string) => void) | undefined;
  /** Bytes of CSV evidence from which worker threads read the last files (see `ParallelOptions`). */
  readonly parallelFrom?: number | undefined;
  /** Threads to read evidence with (see `ParallelOptions`). */
  readonly threads?: number | undefined;
}

export interface InputFile {
  readonly path: string;
  readonly sha256: string;
  readonly rows: number;
  readonly used: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly rejected: number;
  /** Data lines read; in wide form one line holds many cells, and `rows` counts the cells. */
  readonly records?: number;
  /** Present when a CSV file was read as GB18030 (guessed, or `--encoding gb18030`); UTF-8 otherwise. */
  readonly encoding?: 'gb18030';
}

export interface Evaluation {
  readonly system: IndicatorSystem | null;
  readonly register: Register | null;
  /** The counties in scope, in register order: all of them without `where`. */
  readonly counties: readonly County[];
  /** The scope in force, or `null` for the whole register. */
  readonly scope: Where | null;
  /** DIR/evaluation.yaml, or every key empty when there is none. */
  readonly meta: EvaluationMeta;
  /** The metadata file as shown, with its sha256, when there is one. */
  readonly metaFile: { readonly path: string; readonly sha256: string } | null;
  /** A `where` column the register does not have (a command-line mistake), with the columns it has. */
  readonly unknownScopeColumn: { readonly column: string; readonly columns: readonly string[] } | null;
  readonly evidence: LoadedEvidence | null;
  /** Problems that stop the run (besides bad cells, which --keep-going may set aside). */
  readonly errors: Problem[];
  readonly warnings: Problem[];
  readonly inputs: InputFile[];
  readonly indicatorsPath: string;
  readonly indicatorsSha256: string | null;
  /** The files (as shown) read as GB18030 rather than UTF-8: YAML and CSV alike. */
  readonly gb18030: readonly string[];
}

const TABLE_FILE = /\.(csv|xlsx)$/i;

/** The evidence files a flag or folder stands for, in file-name order. */
function evidenceFiles(paths: readonly string[], display: (p: string) => string, errors: Problem[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      errors.push(fileProblem('file-not-found', display(p)));
      continue;
    }
    if (!dir) out.push(p);
    else for (const n of readdirSync(p).sort()) if (TABLE_FILE.test(n) && !n.startsWith('~$')) out.push(join(p, n));
  }
  return out.sort((a, b) =>
    basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}

/** Reads an evaluation from disk: indicator system, register and evidence, every problem located. */
export async function loadEvaluation(src: EvaluationSource): Promise<Evaluation> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const inputs: InputFile[] = [];
  const gb18030: string[] = [];
  const split = (ps: readonly Problem[]) => {
    for (const p of ps) (p.severity === 'error' ? errors : warnings).push(p);
  };

  const metaPath = src.dir ? join(src.dir, 'evaluation.yaml') : null;
  let meta: EvaluationMeta = NO_META;
  let metaFile: Evaluation['metaFile'] = null;
  let whereAt: ((column: string) => { line: number; column: number }) | null = null;
  if (metaPath !== null && existsSync(metaPath)) {
    const read = readYaml(metaPath, src.display(metaPath), errors, gb18030);
    if (read) {
      const loaded = parseEvaluationMeta(read.text, read.display);
      split(loaded.problems);
      meta = loaded.meta ?? NO_META;
      metaFile = { path: read.display, sha256: read.sha256 };
      whereAt = loaded.whereAt;
    }
  }

  const indicatorsPath =
    src.indicators ??
    (src.dir && existsSync(join(src.dir, 'indicators.yaml'))
      ? join(src.dir, 'indicators.yaml')
      : defaultIndicatorsPath());
  const indicatorsRead = readYaml(indicatorsPath, src.display(indicatorsPath), errors, gb18030);
  let system: IndicatorSystem | null = null;
  if (indicatorsRead) {
    const loaded = parseIndicators(indicatorsRead.text, indicatorsRead.display);
    split(loaded.problems);
    system = loaded.system;
  }

  const countiesPath = src.counties ?? (src.dir ? registerIn(src.dir) : undefined);
  let register: Register | null = null;
  if (countiesPath === undefined)
    errors.push(
      fileProblem('register-not-given', src.dir ? src.display(join(src.dir, 'counties.csv')) : 'counties.csv'),
    );
  else {
    const table = await tableOf(countiesPath, src, errors, gb18030);
    if (table) {
      const { read } = table;
      const loaded = parseRegister(table.input, table.name);
      split(loaded.problems);
      register = loaded.register;
      if (register)
        inputs.push({
          path: read.display,
          sha256: read.sha256,
          rows: register.rows,
          used: register.counties.length,
          duplicates: 0,
          skipped: 0,
          rejected: register.rows - register.counties.length,
          ...(table.encoding === 'gb18030' ? { encoding: table.encoding } : {}),
        });
    }
  }

  const evidencePaths =
    src.evidence ?? (src.dir && existsSync(join(src.dir, 'evidence')) ? [join(src.dir, 'evidence')] : []);
  const files: OpenTable[] = [];
  for (const path of evidenceFiles(evidencePaths, src.display, errors)) {
    const table = await tableOf(path, src, errors, gb18030);
    if (table) files.push(table);
  }

  // --where replaces the folder's default scope, --all (null) drops it.
  const fromFlags = src.where !== undefined;
  const asked = fromFlags ? src.where : meta.where;
  const scope = asked && Object.keys(asked).length > 0 ? asked : null;
  const columns = register ? ['county_id', 'county', 'prefecture', ...register.extraColumns] : [];
  let unknownColumn = register && scope ? Object.keys(scope).find((c) => !columns.includes(c)) : undefined;
  if (unknownColumn !== undefined && !fromFlags && metaFile && whereAt) {
    // A column evaluation.yaml names is a mistake in that file, not on the command line.
    errors.push(
      located('evaluation-where-column', metaFile.path, whereAt(unknownColumn), {
        column: unknownColumn,
        columns: columns.join(', '),
      }),
    );
    unknownColumn = undefined;
  }
  const counties = register ? register.counties.filter((c) => scope === null || inScope(c, scope)) : [];

  let evidence: LoadedEvidence | null = null;
  if (system && register) {
    evidence = await loadEvidenceInParallel(
      system,
      register.counties,
      files.map((f) => ({ file: f.name, text: f.input, origin: f.origin })),
      {
        round: src.round,
        scope: scope === null ? undefined : new Set(counties.map((c) => c.id)),
        onFile: src.onFile,
        parallelFrom: src.parallelFrom,
        threads: src.threads,
      },
    );
    for (const p of evidence.fatal) errors.push(p);
    for (const p of evidence.warnings) warnings.push(p);
    const counted = new Map<string, FileCount>(evidence.counts.map((c) => [c.file, c]));
    for (const f of files) {
      const c = must(counted.get(f.name), `the count of ${f.name}`);
      inputs.push({
        path: f.read.display,
        sha256: f.read.sha256,
        rows: c.cells,
        used: c.used,
        duplicates: c.duplicates,
        skipped: c.skipped,
        rejected: c.rejected,
        records: c.rows,
        ...(f.encoding === 'gb18030' ? { encoding: f.encoding } : {}),
      });
    }
  }
  return {
    system,
    register,
    counties,
    scope,
    meta,
    metaFile,
    unknownScopeColumn: unknownColumn === undefined ? null : { column: unknownColumn, columns },
    evidence,
    errors,
    warnings,
    inputs,
    indicatorsPath: indicatorsRead?.display ?? src.display(indicatorsPath),
    indicatorsSha256: indicatorsRead?.sha256 ?? null,
    gb18030,
  };
}

function registerIn(dir: string): string | undefined {
  for (const name of ['counties.csv', 'counties.xlsx']) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** A register or evidence file's table, as `tableOf` opens it. */
interface OpenTable {
  readonly read: Read;
  /** The name in messages: the file's, or for a workbook `file.xlsx!Sheet1`, so that problems name the cell. */
  readonly name: string;
  readonly input: TableInput;
  readonly encoding?: Encoding;
  /** A CSV file's, for reading it in another thread. */
  readonly origin?: CsvOrigin;
}

/**
 * A file's table: a CSV file's records (read as they are iterated, see `openCsvFile`), or an
 * .xlsx sheet read. `null` when it cannot be read.
 */
async function tableOf(
  path: string,
  src: EvaluationSource,
  errors: Problem[],
  gb18030: string[],
): Promise<OpenTable | null> {
  const display = src.display(path);
  if (!/\.xlsx$/i.test(display)) {
    const csv = openCsvFile(path, display, src.encoding);
    if ('problem' in csv) {
      errors.push(csv.problem);
      return null;
    }
    if (csv.encoding === 'gb18030') gb18030.push(display);
    return { read: csv, name: display, input: csv.records, encoding: csv.encoding, origin: csv.origin };
  }
  const read = readAll(path, display, errors);
  if (!read) return null;
  // Loaded only when a workbook is read: most evaluations are CSV.
  const { readXlsx } = await import('./xlsx.js');
  const x = readXlsx(read.bytes, src.sheet);
  if ('error' in x) {
    errors.push(
      x.error === 'unreadable'
        ? fileProblem('xlsx-unreadable', read.display, { reason: x.reason })
        : x.error === 'no-sheet'
          ? fileProblem('xlsx-no-sheet', read.display, { sheet: src.sheet ?? '', sheets: x.sheets.join(', ') })
          : located(x.code, x.sheet === null ? read.display : `${read.display}!${x.sheet}`, x, x.args),
    );
    return null;
  }
  return { read, name: `${read.display}!${x.sheet}`, input: x.records };
}
