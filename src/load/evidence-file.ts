/**
 * One evidence file, row by row: every cell checked against the register and the indicator
 * system, and told to a sink with the problems met, in reading order. What is kept of the cells
 * is the sink's business (evidence.ts keeps them; a worker thread records them for the thread
 * that keeps them). Pure.
 */
import type { CellFields } from '../model/cell-store.js';
import type { County } from '../model/evaluation.js';
import { located, type Problem } from '../model/problem.js';
import type { CsvRecord } from './csv.js';
import { type CellSpec, checkNames, columnId, type FileCount, valueProblem } from './evidence-cells.js';
import {
  extraField,
  fieldAt,
  normaliseHeader,
  openTable,
  type ProblemList,
  requireColumns,
  type TableInput,
} from './table.js';
import { normaliseText, parseValue } from './value.js';

/** What reading the files tells: problems, rounds and cells, in reading order. */
export interface EvidenceSink {
  /** Problems that stop the run whatever --keep-going says (unreadable structure). */
  readonly fatal: ProblemList;
  /** Bad cells. */
  readonly cellErrors: ProblemList;
  readonly warnings: ProblemList;
  round(name: string): void;
  /**
   * A cell read (`refused`: its value was bad, and it stands as no evidence). `file` in `cell`
   * is the file's number: the files are numbered from 0 in the order they are read.
   */
  cell(cell: CellFields, county: string, id: string, rowRound: string, refused: boolean): void;
}

/** A row being read: its record and what its cells share. */
interface Row {
  readonly record: CsvRecord;
  readonly county: string;
  readonly round: string;
  readonly source: string | null;
  readonly note: string | null;
  readonly by: string | null;
}

/** What a file is read against. */
export interface ReadingContext {
  readonly kinds: ReadonlyMap<string, CellSpec>;
  readonly known: ReadonlyMap<string, County>;
  /** The round kept; `undefined` keeps every round. */
  readonly round: string | undefined;
  readonly scope: ReadonlySet<string> | undefined;
}

const META = new Set(['county_id', 'county', 'prefecture', 'round', 'source', 'note', 'by']);

/** The text of field `i` of a row ('' past its end, or for a column the file does not have). */
const textOf = (fields: readonly { readonly text: string }[], i: number): string =>
  i >= 0 ? (fields[i]?.text ?? '') : '';

/**
 * Reads one file in long or wide form (told apart by the header) into `sink`, counting its rows
 * and cells in `count`; `fileNo` is its number.
 */
export function readEvidenceFile(
  ctx: ReadingContext,
  file: string,
  input: TableInput,
  fileNo: number,
  count: FileCount,
  sink: EvidenceSink,
): void {
  const { kinds, known, round, scope } = ctx;
  const table = openTable(input, file, sink.fatal, sink.warnings);
  if (!table) return;
  const long = table.names.includes('indicator_id') || table.names.includes('value');
  const missing = requireColumns(table, long ? ['county_id', 'indicator_id', 'value'] : ['county_id'], file);
  if (missing.length > 0) {
    for (const p of missing) sink.fatal.push(p);
    return;
  }
  const [countyAt, roundAt, sourceAt, noteAt, idAt, valueAt, byAt] = [
    'county_id',
    'round',
    'source',
    'note',
    'indicator_id',
    'value',
    'by',
  ].map((n) => table.names.indexOf(n)) as [number, number, number, number, number, number, number];
  const idColumns = long
    ? []
    : table.header
        .map((f, i) => ({ f, i, id: columnId(normaliseHeader(f.text), kinds) }))
        .filter(({ id }) => !META.has(id) && id !== '');
  const unknownColumns = new Set<number>();
  for (const { f, i, id } of idColumns) {
    if (!kinds.has(id)) {
      sink.cellErrors.push(located('evidence-unknown-id', file, f, { id }));
      unknownColumns.add(i);
    }
  }

  /** The cell of `id` in column `i` of a row (the id written in column `idColumn`). */
  const cell = (row: Row, id: string, idColumn: number, i: number): void => {
    const spec = kinds.get(id);
    if (!spec) {
      sink.cellErrors.push(located('evidence-unknown-id', file, fieldAt(row.record, idColumn, file), { id }));
      count.rejected++;
      return;
    }
    const raw = textOf(row.record.fields, i);
    const { line, column } = fieldAt(row.record, i, file);
    const value = parseValue(raw, spec.kind, spec.max, spec.checks);
    const { source, note, by } = row;
    if ('error' in value) {
      sink.cellErrors.push(valueProblem(value, spec.kind, raw, id, file, { line, column }));
      count.rejected++;
      const none = { kind: 'none' } as const;
      const refused = { value: none, raw: raw.trim(), file: fileNo, line, column, source, note, rejected: true, by };
      sink.cell(refused, row.county, id, row.round, true);
      return;
    }
    sink.cell(
      { value, raw: raw.trim(), file: fileNo, line, column, source, note, by },
      row.county,
      id,
      row.round,
      false,
    );
  };

  for (const record of table.records) {
    count.rows++;
    const fields = record.fields;
    const at = (i: number) => fieldAt(record, i, file);
    const cellsInRow = long ? 1 : idColumns.filter(({ i }) => textOf(fields, i).trim() !== '').length;
    count.cells += cellsInRow;
    const reject = (p: Problem, n = 1) => {
      sink.cellErrors.push(p);
      count.rejected += n;
    };
    const extra = extraField(fields, table.names.length);
    if (extra) {
      reject(
        located('csv-too-many-fields', file, extra, { expected: table.names.length, found: fields.length }),
        cellsInRow,
      );
      continue;
    }
    const countyId = normaliseText(textOf(fields, countyAt));
    const rowRound = normaliseText(textOf(fields, roundAt));
    if (rowRound !== '') sink.round(rowRound);
    const county = known.get(countyId);
    if (!county) {
      reject(located('evidence-unknown-county', file, at(countyAt), { id: countyId }), cellsInRow);
      continue;
    }
    if (!long) checkNames(county, fields, table.names, file, sink.warnings);
    if (scope !== undefined && !scope.has(countyId)) {
      // Out of scope: skipped unparsed, but an unknown id is still an error.
      const id = normaliseText(textOf(fields, idAt));
      if (long && !kinds.has(id)) reject(located('evidence-unknown-id', file, at(idAt), { id }));
      else count.skipped += cellsInRow;
      continue;
    }
    if (round !== undefined && rowRound !== '' && rowRound !== round) {
      count.skipped += cellsInRow;
      continue;
    }
    const row: Row = {
      record,
      county: countyId,
      round: rowRound,
      source: textOf(fields, sourceAt).trim() || null,
      note: textOf(fields, noteAt).trim() || null,
      by: byAt >= 0 ? normaliseText(textOf(fields, byAt)) : null,
    };
    if (long) cell(row, normaliseText(textOf(fields, idAt)), idAt, valueAt);
    else
      for (const { id, i } of idColumns) {
        if (textOf(fields, i).trim() === '') continue;
        if (unknownColumns.has(i)) count.rejected++;
        else cell(row, id, i, i);
      }
  }
}
