import { CellStore } from '../model/cell-store.js';
import type { County, EvidenceTable } from '../model/evaluation.js';
import type { Problem } from '../model/problem.js';
import { located } from '../model/problem.js';
import type { IndicatorSystem } from '../model/system.js';
import { checkNames, columnId, type FileCount, valueKinds, valueProblem } from './evidence-cells.js';
import { Keeper, keyOf } from './evidence-keep.js';
import { extraField, fieldAt, normaliseHeader, openTable, requireColumns, type TableInput } from './table.js';
import { normaliseText, parseValue } from './value.js';

export interface EvidenceFile {
  /** The name shown in messages (for a spreadsheet, `file.xlsx!Sheet`). */
  readonly file: string;
  readonly text: TableInput;
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

const META = new Set(['county_id', 'county', 'prefecture', 'round', 'source', 'note', 'by']);

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
  const { round, scope, onFile } = typeof options === 'object' ? options : { round: options, scope: undefined };
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

  for (const [done, { file, text: input }] of files.entries()) {
    onFile?.(done, files.length, file);
    const count: FileCount = { file, rows: 0, cells: 0, used: 0, duplicates: 0, skipped: 0, rejected: 0 };
    counts.push(count);
    const fileNo = store.file(file);
    const table = openTable(input, file, fatal, warnings);
    if (!table) continue;
    const long = table.names.includes('indicator_id') || table.names.includes('value');
    const missing = requireColumns(table, long ? ['county_id', 'indicator_id', 'value'] : ['county_id'], file);
    if (missing.length > 0) {
      for (const p of missing) fatal.push(p);
      continue;
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
        cellErrors.push(located('evidence-unknown-id', file, f, { id }));
        unknownColumns.add(i);
      }
    }

    for (const record of table.records) {
      count.rows++;
      const fields = record.fields;
      const text = (i: number) => (i >= 0 ? (fields[i]?.text ?? '') : '');
      const at = (i: number) => fieldAt(record, i, file);
      const cellsInRow = long ? 1 : idColumns.filter(({ i }) => text(i).trim() !== '').length;
      count.cells += cellsInRow;
      const reject = (p: Problem, n = 1) => {
        cellErrors.push(p);
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
      const countyId = normaliseText(text(countyAt));
      const rowRound = normaliseText(text(roundAt));
      if (rowRound !== '') rounds.add(rowRound);
      const county = known.get(countyId);
      if (!county) {
        reject(located('evidence-unknown-county', file, at(countyAt), { id: countyId }), cellsInRow);
        continue;
      }
      if (!long) checkNames(county, fields, table.names, file, warnings);
      if (scope !== undefined && !scope.has(countyId)) {
        // Out of scope: skipped unparsed, but an unknown id is still an error.
        const id = normaliseText(text(idAt));
        if (long && !kinds.has(id)) reject(located('evidence-unknown-id', file, at(idAt), { id }));
        else count.skipped += cellsInRow;
        continue;
      }
      if (round !== undefined && rowRound !== '' && rowRound !== round) {
        count.skipped += cellsInRow;
        continue;
      }
      const source = text(sourceAt).trim() || null;
      const note = text(noteAt).trim() || null;
      const by = byAt >= 0 ? normaliseText(text(byAt)) : null;
      const cells = long
        ? [{ id: normaliseText(text(idAt)), idCell: at(idAt), i: valueAt }]
        : idColumns.filter(({ i }) => text(i).trim() !== '').map(({ id, i }) => ({ id, idCell: at(i), i }));
      for (const { id, idCell, i } of cells) {
        if (!long && unknownColumns.has(i)) {
          count.rejected++;
          continue;
        }
        const spec = kinds.get(id);
        if (!spec) {
          reject(located('evidence-unknown-id', file, idCell, { id }));
          continue;
        }
        const raw = text(i);
        const where = at(i);
        const value = parseValue(raw, spec.kind, spec.max, spec.checks);
        if ('error' in value) {
          reject(valueProblem(value, spec.kind, raw, id, file, where));
          if (round === undefined || rowRound === '' || rowRound === round) {
            const value = { kind: 'none' } as const;
            const place = { file: fileNo, line: where.line, column: where.column };
            const slot = store.add({ value, raw: raw.trim(), ...place, source, note, rejected: true, by });
            keeper.refuse(slot, countyId, id, selfBy !== null && by === selfBy);
          }
          continue;
        }
        const slot = selfBy !== null && by === selfBy ? 'self' : spec.combined ? `by:${by ?? ''}` : '';
        const place = { file: fileNo, line: where.line, column: where.column };
        keeper.accept(
          store.add({ value, raw: raw.trim(), ...place, source, note, by }),
          countyId,
          keyOf(slot, id),
          id,
          rowRound,
        );
      }
    }
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
