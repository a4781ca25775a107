import type { County, EvidenceCell } from '../model/evaluation.js';
import { evidenceRef } from '../model/location.js';
import type { Problem } from '../model/problem.js';
import { located } from '../model/problem.js';
import type { IndicatorSystem } from '../model/system.js';
import {
  type Candidate,
  checkNames,
  child,
  columnId,
  type FileCount,
  type Kept,
  keyOf,
  sameValue,
  tables,
  valueKinds,
  valueProblem,
} from './evidence-cells.js';
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
  readonly table: Map<string, Map<string, EvidenceCell>>;
  /** The self-assessment rows (自评), kept apart: compared with the scored values, never scored. */
  readonly self: Map<string, Map<string, EvidenceCell>>;
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
  const refused: { county: string; id: string; self: boolean; cell: EvidenceCell }[] = [];
  const rounds = new Set<string>();
  // county → id and whose value (slot) → the value kept. With --round every kept row belongs to
  // that round (rows of other rounds are skipped), so one value stands per key. Without it (that
  // is validating every round), a Map by round: a row without a round belongs to every round, so
  // it is compared with the rows of each; rows of two named rounds are not compared.
  const kept = new Map<string, Map<string, Kept>>();
  let order = 0;

  /** Keeps the first value of each county, id and round; files come in name order, rows in line order. */
  const accept = (c: Candidate): void => {
    const row = child(kept, c.county, () => new Map<string, Kept>());
    const key = keyOf(c.slot, c.id);
    const held = row.get(key);
    const slot = round === undefined ? c.round : '';
    const byRound = held instanceof Map ? held : null;
    const single = held instanceof Map ? undefined : held;
    const related: Candidate[] =
      byRound === null
        ? single === undefined
          ? []
          : [single]
        : slot === ''
          ? [...byRound.values()]
          : [byRound.get(''), byRound.get(slot)].filter((x): x is Candidate => x !== undefined);
    const first = related.length < 2 ? related[0] : related.sort((a, b) => a.order - b.order)[0];
    const keep = (): void => {
      if (round === undefined) row.set(key, (byRound ?? new Map<string, Candidate>()).set(slot, c));
      else row.set(key, c);
      c.count.used++;
    };
    if (first === undefined) {
      keep();
      return;
    }
    if (first.cell.value.kind === 'none' && c.cell.value.kind !== 'none') {
      // An empty or NA cell gives way to a real value found later: it contradicts nothing.
      first.count.used--;
      first.count.duplicates++;
      if (byRound !== null) for (const [k, v] of byRound) if (v === first) byRound.delete(k);
      keep();
      return;
    }
    const firstAt = evidenceRef(first.cell.file, first.cell.line, first.cell.column);
    if (c.cell.value.kind === 'none' || sameValue(first.cell.value, c.cell.value)) {
      c.count.duplicates++;
      const code =
        c.cell.value.kind === 'none' && first.cell.value.kind !== 'none'
          ? 'evidence-empty-duplicate'
          : 'evidence-duplicate';
      warnings.push(located(code, c.cell.file, c.cell, { county: c.county, id: c.id, first: firstAt }, 'warning'));
      return;
    }
    c.count.rejected++;
    cellErrors.push(
      located('evidence-conflict', c.cell.file, c.cell, {
        county: c.county,
        id: c.id,
        first: firstAt,
        value: c.cell.raw,
        firstValue: first.cell.raw,
      }),
    );
  };

  for (const [done, { file, text: input }] of files.entries()) {
    onFile?.(done, files.length, file);
    const count: FileCount = { file, rows: 0, cells: 0, used: 0, duplicates: 0, skipped: 0, rejected: 0 };
    counts.push(count);
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
          if (round === undefined || rowRound === '' || rowRound === round)
            refused.push({
              county: countyId,
              id,
              self: selfBy !== null && by === selfBy,
              cell: {
                value: { kind: 'none' },
                raw: raw.trim(),
                file,
                line: where.line,
                column: where.column,
                source,
                note,
                rejected: true,
                by,
              },
            });
          continue;
        }
        const slot = selfBy !== null && by === selfBy ? 'self' : spec.combined ? `by:${by ?? ''}` : '';
        accept({
          order: order++,
          county: countyId,
          id,
          round: rowRound,
          slot,
          count,
          cell: { value, raw: raw.trim(), file, line: where.line, column: where.column, source, note, by },
        });
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

  const { table, self } = tables(kept, refused, system.assessors?.combine ?? 'mean');
  return { table, self, fatal, cellErrors, warnings, counts, rounds: roundList };
}
