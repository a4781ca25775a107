import { CellStore } from '../model/cell-store.js';
import type { County, EvidenceTable } from '../model/evaluation.js';
import type { Problem } from '../model/problem.js';
import { located } from '../model/problem.js';
import type { IndicatorSystem } from '../model/system.js';
import type { CsvOrigin } from './csv-file.js';
import { type CellSpec, type FileCount, fileCount, valueKinds } from './evidence-cells.js';
import { type EvidenceSink, type ReadingContext, readEvidenceFile } from './evidence-file.js';
import { Keeper, keyOf } from './evidence-keep.js';
import { type ReadJob, type ReadLog, replay } from './evidence-log.js';
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
  const reading = new EvidenceReading(system, counties, files, options);
  reading.read(0, files.length);
  return reading.result();
}

/**
 * One reading of evidence files, in steps: files read here (`read`), the logs of files read in
 * another thread replayed (`replay`), in file order; then the evidence kept (`result`).
 */
export class EvidenceReading {
  private readonly round: string | undefined;
  private readonly scope: ReadonlySet<string> | undefined;
  private readonly onFile: EvidenceOptions['onFile'];
  private readonly kinds: Map<string, CellSpec>;
  private readonly ids: readonly string[];
  private readonly fatal: Problem[] = [];
  private readonly cellErrors: Problem[] = [];
  private readonly warnings: Problem[] = [];
  private readonly counts: FileCount[] = [];
  private readonly rounds = new Set<string>();
  private readonly store = new CellStore();
  private readonly keeper: Keeper;
  private readonly sink: EvidenceSink;

  constructor(
    private readonly system: IndicatorSystem,
    private readonly counties: readonly County[],
    readonly files: readonly EvidenceFile[],
    options: string | EvidenceOptions | undefined,
  ) {
    const o = typeof options === 'object' ? options : { round: options };
    this.round = o.round;
    this.scope = o.scope;
    this.onFile = o.onFile;
    this.kinds = valueKinds(system);
    this.ids = [...this.kinds.keys()];
    this.keeper = new Keeper(this.store, this.ids, this.round, this.counts, this.warnings, this.cellErrors);
    this.sink = {
      fatal: this.fatal,
      cellErrors: this.cellErrors,
      warnings: this.warnings,
      round: (name) => this.rounds.add(name),
      cell: (cell, county, id, rowRound, refused) => this.keep(this.store.add(cell), county, id, rowRound, refused),
    };
  }

  /** Reads files `from` to `to` (not included) here. */
  read(from: number, to: number): void {
    const ctx: ReadingContext = {
      kinds: this.kinds,
      known: new Map(this.counties.map((c) => [c.id, c])),
      round: this.round,
      scope: this.scope,
    };
    for (let i = from; i < to; i++) {
      const { file, text: input } = this.files[i] as EvidenceFile;
      this.onFile?.(i, this.files.length, file);
      const count = fileCount(file);
      this.counts.push(count);
      readEvidenceFile(ctx, file, input, this.store.file(file), count, this.sink);
    }
  }

  /** The job of reading files `from` to `to` (CSV files all) in another thread. */
  job(from: number, to: number): ReadJob {
    return {
      files: this.files.slice(from, to).map((f) => f.origin as CsvOrigin),
      kinds: [...this.kinds],
      counties: this.counties,
      round: this.round,
      scope: this.scope === undefined ? undefined : [...this.scope],
    };
  }

  /** Replays what another thread met reading the next files, as if they were read here. */
  replay(log: ReadLog): void {
    const { store, sink, counts } = this;
    replay(log, this.ids, { store, sink, counts, keep: (...a) => this.keep(...a) });
  }

  /** The evidence kept, when every file has been read or replayed. */
  result(): LoadedEvidence {
    const { round, rounds, fatal, files } = this;
    this.onFile?.(files.length, files.length, '');
    const roundList = [...rounds].sort();
    const at = files[0]?.file ?? 'evidence';
    if (round === undefined && roundList.length > 1)
      fatal.push(located('evidence-rounds', at, { line: 0, column: 0 }, { rounds: roundList.join(', ') }));
    if (round !== undefined && roundList.length > 0 && !rounds.has(round))
      fatal.push(
        located('evidence-round-unknown', at, { line: 0, column: 0 }, { round, rounds: roundList.join(', ') }),
      );
    const { table, self } = this.keeper.tables(this.system.assessors?.combine ?? 'mean');
    const { cellErrors, warnings, counts } = this;
    return { table, self, fatal, cellErrors, warnings, counts, rounds: roundList };
  }

  private keep(slot: number, county: string, id: string, rowRound: string, refused: boolean): void {
    const selfBy = this.system.assessors?.self ?? null;
    const by = this.store.byOf(slot);
    const self = selfBy !== null && by === selfBy;
    if (refused) this.keeper.refuse(slot, county, id, self);
    else {
      const whose = self ? 'self' : this.kinds.get(id)?.combined ? `by:${by ?? ''}` : '';
      this.keeper.accept(slot, county, keyOf(whose, id), id, rowRound);
    }
  }
}
