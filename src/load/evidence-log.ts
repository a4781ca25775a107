/**
 * Evidence files read in one thread and kept in another: the reading thread records what it met
 * (`ReadLog`: its cells in a store dump, the problems with the number of cells read before each,
 * the counts), and the keeping thread replays it as if it had read the files itself. Pure.
 */
import { type CellFields, CellStore, type StoreDump } from '../model/cell-store.js';
import type { County } from '../model/evaluation.js';
import type { Problem } from '../model/problem.js';
import type { CsvOrigin } from './csv-file.js';
import { csvRecords } from './csv-file.js';
import { type CellSpec, type FileCount, fileCount } from './evidence-cells.js';
import { type EvidenceSink, readEvidenceFile } from './evidence-file.js';

/** Files to read, and what they are read against (as plain data). */
export interface ReadJob {
  readonly files: readonly CsvOrigin[];
  readonly kinds: readonly (readonly [string, CellSpec])[];
  readonly counties: readonly County[];
  readonly round: string | undefined;
  readonly scope: readonly string[] | undefined;
}

/** What reading the files of a job met, in reading order. */
export interface ReadLog {
  readonly store: StoreDump;
  readonly counts: readonly FileCount[];
  /** County ids and rounds of the cells, by number. */
  readonly names: readonly string[];
  /** Each cell's county (a number in `names`), id (a number in the job's kinds), round, and whether it was refused. */
  readonly county: Int32Array;
  readonly id: Int32Array;
  readonly round: Int32Array;
  readonly refused: Uint8Array;
  readonly fatal: readonly Problem[];
  /** Bad cells and warnings, each with the number of cells told before it. */
  readonly cellErrors: readonly (readonly [number, Problem])[];
  readonly warnings: readonly (readonly [number, Problem])[];
  readonly rounds: readonly string[];
}

/** The message from a worker thread: the log of its job, or why there is none. */
export type WorkerAnswer = { readonly log: ReadLog } | { readonly error: string };

/** Reads the files of a job, as `loadEvidence` would, into a log. */
export function readJob(job: ReadJob): ReadLog {
  const kinds = new Map(job.kinds);
  const idIndex = new Map(job.kinds.map(([id], i) => [id, i]));
  const ctx = {
    kinds,
    known: new Map(job.counties.map((c) => [c.id, c])),
    round: job.round,
    scope: job.scope === undefined ? undefined : new Set(job.scope),
  };
  const store = new CellStore();
  const names = new Map<string, number>();
  const nameOf = (t: string) => names.get(t) ?? names.set(t, names.size).get(t) ?? 0;
  const cells = { county: [] as number[], id: [] as number[], round: [] as number[], refused: [] as number[] };
  const cellErrors: [number, Problem][] = [];
  const warnings: [number, Problem][] = [];
  const fatal: Problem[] = [];
  const rounds = new Set<string>();
  const sink: EvidenceSink = {
    fatal,
    cellErrors: { push: (p) => cellErrors.push([store.count, p]) },
    warnings: { push: (p) => warnings.push([store.count, p]) },
    round: (name) => rounds.add(name),
    cell: (cell: CellFields, county, id, rowRound, refused) => {
      store.add(cell);
      cells.county.push(nameOf(county));
      cells.id.push(idIndex.get(id) ?? -1);
      cells.round.push(nameOf(rowRound));
      cells.refused.push(refused ? 1 : 0);
    },
  };
  const counts = job.files.map((origin) => {
    const count = fileCount(origin.display);
    readEvidenceFile(ctx, origin.display, csvRecords(origin), store.file(origin.display), count, sink);
    return count;
  });
  return {
    store: store.dump(),
    counts,
    names: [...names.keys()],
    county: Int32Array.from(cells.county),
    id: Int32Array.from(cells.id),
    round: Int32Array.from(cells.round),
    refused: Uint8Array.from(cells.refused),
    fatal,
    cellErrors,
    warnings,
    rounds: [...rounds],
  };
}

/** What a log is replayed into: the keeping thread's store, lists and counts, and how it keeps a cell. */
export interface Replay {
  readonly store: CellStore;
  readonly sink: EvidenceSink;
  readonly counts: FileCount[];
  keep(slot: number, county: string, id: string, rowRound: string, refused: boolean): void;
}

/** Replays a log: its files counted after those read before, its cells kept in order, its problems among them. */
export function replay(log: ReadLog, ids: readonly string[], into: Replay): void {
  for (const c of log.counts) into.counts.push(c);
  for (const p of log.fatal) into.sink.fatal.push(p);
  for (const r of log.rounds) into.sink.round(r);
  const first = into.store.append(log.store);
  let e = 0;
  let w = 0;
  const flush = (upTo: number) => {
    for (; e < log.cellErrors.length && (log.cellErrors[e]?.[0] ?? 0) <= upTo; e++)
      into.sink.cellErrors.push((log.cellErrors[e] as readonly [number, Problem])[1]);
    for (; w < log.warnings.length && (log.warnings[w]?.[0] ?? 0) <= upTo; w++)
      into.sink.warnings.push((log.warnings[w] as readonly [number, Problem])[1]);
  };
  const n = log.county.length;
  for (let j = 0; j < n; j++) {
    flush(j);
    const name = (k: number | undefined) => log.names[k ?? 0] ?? '';
    into.keep(first + j, name(log.county[j]), ids[log.id[j] ?? 0] ?? '', name(log.round[j]), log.refused[j] === 1);
  }
  flush(Number.POSITIVE_INFINITY);
}
