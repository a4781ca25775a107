import { CellStore } from '../model/cell-store.js';
import type { County, EvidenceTable } from '../model/evaluation.js';
import type { Problem } from '../model/problem.js';
import { located } from '../model/problem.js';
import type { IndicatorSystem } from '../model/system.js';
import type { CsvOrigin } from './csv-file.js';
import { type FileCount, valueKinds } from './evidence-cells.js';
import { type EvidenceSink, type ReadingContext, readEvidenceFile } from './evidence-file.js';
import { Keeper, keyOf } from './evidence-keep.js';
import { replay } from './evidence-log.js';
import { PARALLEL_FROM, startReading } from './evidence-parallel.js';
import type { TableInput } from './table.js';

export interface EvidenceFile {
  /** The name shown in messages (for a spreadsheet, `file.xlsx!Sheet`). */
  readonly file: string;
  readonly text: TableInput;
  /** A CSV file's origin: then the file may be read in another thread (see evidence-parallel.ts). */
  readonly origin?: CsvOrigin | undefined;
}

export type { FileCount };

export interface LoadedEvidence {
  /** county id → indicator id → cell, for the selected round: the scoring rows (several assessors' combined). */
  readonly table: EvidenceTable;
  /** The self-assessment rows (自评), kept apart: compared with the scored values, never scored. */
  readonly self: EvidenceTable;
  /** Problems that stop the run whatever --keep-going says (unreadable structure, ambiguous rounds). */
  readonly fatal: Problem[];
  /** Bad cells: errors, or under --keep-going the `rejected` list. */
  readonly cellErrors: Problem[];
  readonly warnings: Problem[];
  readonly counts: FileCount[];
  /** Every round named in the evidence, sorted. */
  readonly rounds: string[];
}

/** Options of reading evidence beyond the files. */
export interface EvidenceOptions {
  /** The round to keep; `undefined` checks every round. */
  readonly round?: string | undefined;
  /** The ids of the counties in scope; the others' rows are skipped unparsed. `undefined`: all. */
  readonly scope?: ReadonlySet<string> | undefined;
  /** Told as each file is begun (`done` files read of `total`) and once all are read (`done` = `total`). */
  readonly onFile?: ((done: number, total: number, file: string) => void) | undefined;
  /**
   * Bytes of CSV evidence from which the last files are read in a second thread (the result is
   * the same either way); default PARALLEL_FROM, `Infinity` never.
   */
  readonly parallelFrom?: number | undefined;
}

/**
 * Where the worker's files begin: the last files, all CSV, a little under half the bytes (the
 * worker starts some 50 ms late); `files.length` for none (too little to pay for a thread).
 */
function workerShare(files: readonly EvidenceFile[], from: number): number {
  const bytes = (f: EvidenceFile | undefined) => f?.origin?.bytes ?? Number.NaN;
  const total = files.reduce((n, f) => n + (bytes(f) || 0), 0);
  if (files.length < 2 || total < from) return files.length;
  let split = files.length;
  let share = 0;
  while (split > 1 && share < total * 0.45 && !Number.isNaN(bytes(files[split - 1]))) share += bytes(files[--split]);
  return share > 0 ? split : files.length;
}

/**
 * Reads evidence in long or wide form (told apart by the header), checks every cell against
 * the register and the indicator system, and keeps the first of identical duplicates.
 * Files are taken in the order given (the caller sorts them by name). Pure.
 */
export function loadEvidence(
  system: IndicatorSystem,
  counties: readonly County[],
  files: readonly EvidenceFile[],
  options: string | EvidenceOptions | undefined,
): LoadedEvidence {
  const { round, scope, onFile, parallelFrom } =
    typeof options === 'object' ? options : { round: options, scope: undefined, parallelFrom: undefined };
  const selfBy = system.assessors?.self ?? null;
  const kinds = valueKinds(system);
  const known = new Map(counties.map((c) => [c.id, c]));
  const fatal: Problem[] = [];
  const cellErrors: Problem[] = [];
  const warnings: Problem[] = [];
  const counts: FileCount[] = [];
  const rounds = new Set<string>();
  const store = new CellStore();
  const keeper = new Keeper(store, [...kinds.keys()], round, counts, warnings, cellErrors);

  const ctx: ReadingContext = { kinds, known, round, scope };
  const ids = [...kinds.keys()];
  const keep = (slot: number, county: string, id: string, rowRound: string, refused: boolean): void => {
    const by = store.byOf(slot);
    const self = selfBy !== null && by === selfBy;
    if (refused) keeper.refuse(slot, county, id, self);
    else {
      const whose = self ? 'self' : kinds.get(id)?.combined ? `by:${by ?? ''}` : '';
      keeper.accept(slot, county, keyOf(whose, id), id, rowRound);
    }
  };
  const sink: EvidenceSink = {
    fatal,
    cellErrors,
    warnings,
    round: (name) => rounds.add(name),
    cell: (cell, county, id, rowRound, refused) => keep(store.add(cell), county, id, rowRound, refused),
  };
  const read = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const { file, text: input } = files[i] as EvidenceFile;
      onFile?.(i, files.length, file);
      const count: FileCount = { file, rows: 0, cells: 0, used: 0, duplicates: 0, skipped: 0, rejected: 0 };
      counts.push(count);
      readEvidenceFile(ctx, file, input, store.file(file), count, sink);
    }
  };
  // The last files, when they are CSV and large enough, are read in a worker meanwhile.
  const split = workerShare(files, parallelFrom ?? PARALLEL_FROM);
  const reading =
    split < files.length
      ? startReading({
          files: files.slice(split).map((f) => f.origin as CsvOrigin),
          kinds: [...kinds],
          counties,
          round,
          scope: scope === undefined ? undefined : [...scope],
        })
      : null;
  read(0, reading === null ? files.length : split);
  if (reading !== null) {
    onFile?.(split, files.length, files[split]?.file ?? '');
    const log = reading.result();
    if (log === null) read(split, files.length);
    else replay(log, ids, { store, sink, counts, keep });
  }

  onFile?.(files.length, files.length, '');
  const roundList = [...rounds].sort();
  if (round === undefined && roundList.length > 1)
    fatal.push(
      located(
        'evidence-rounds',
        files[0]?.file ?? 'evidence',
        { line: 0, column: 0 },
        { rounds: roundList.join(', ') },
      ),
    );
  if (round !== undefined && roundList.length > 0 && !rounds.has(round))
    fatal.push(
      located(
        'evidence-round-unknown',
        files[0]?.file ?? 'evidence',
        { line: 0, column: 0 },
        { round, rounds: roundList.join(', ') },
      ),
    );

  const { table, self } = keeper.tables(system.assessors?.combine ?? 'mean');
  return { table, self, fatal, cellErrors, warnings, counts, rounds: roundList };
}
