/**
 * Which of the values read is kept (the first of each county, id and round; duplicates and
 * conflicts reported), and the tables made of those kept. Cells are slots of a `CellStore`: a
 * later cell has a higher slot, so the lowest slot is the first read. Pure.
 */
import { CellRow } from '../model/cell-row.js';
import type { CellStore } from '../model/cell-store.js';
import type { EvidenceTable } from '../model/evaluation.js';
import { evidenceRef } from '../model/location.js';
import { located, type Problem } from '../model/problem.js';
import { aloneChanges, child, combined, type FileCount, sameValue } from './evidence-cells.js';

/**
 * The value kept for one county, id and slot: the value of each round, by round ('' for rows
 * without a round), or the one value when that is all there is (the round '' or the one chosen).
 */
type Kept = number | Map<string, number>;

/** The key of an id and whose value it is ('' for all: the id alone, no string built). */
export const keyOf = (slot: string, id: string): string => (slot === '' ? id : `${slot}\u0000${id}`);

export class Keeper {
  // county → id and whose value (slot) → the value kept, by round: for self and assessors' values,
  // and for everyone's values of named rounds when every round is checked (validate). A row
  // without a round belongs to every round, so it is compared with the rows of each; rows of two
  // named rounds are not compared. With --round every row kept is of that round (or of none).
  private readonly kept = new Map<string, Map<string, Kept>>();
  /**
   * The scoring rows. Everyone's value (no assessors, not self) of no round, or of the round
   * chosen, goes straight into its county's row: the row's slot is the value held.
   */
  private readonly table = new Map<string, CellRow>();
  private readonly self = new Map<string, CellRow>();
  private readonly refused: { county: string; id: number; self: boolean; slot: number }[] = [];
  private readonly idIndex: Map<string, number>;

  constructor(
    private readonly store: CellStore,
    /** Every id a cell may have (items, components, bonus items, vetoes). */
    private readonly ids: readonly string[],
    /** The round chosen; `undefined` checks every round. */
    private readonly round: string | undefined,
    /** Each file's count, by the file's number in the store. */
    private readonly counts: FileCount[],
    private readonly warnings: Problem[],
    private readonly cellErrors: Problem[],
  ) {
    this.idIndex = new Map(ids.map((id, i) => [id, i]));
  }

  private rowOf(tables: Map<string, CellRow>, county: string): CellRow {
    return child(tables, county, () => new CellRow(this.store, this.ids, this.idIndex));
  }

  /**
   * Keeps the first value of each county, id (`key`, with whose value it is) and round; files
   * come in name order, rows in line order.
   */
  accept(slot: number, county: string, key: string, id: string, rowRound: string): void {
    const { round } = this;
    const count = this.countOf(slot);
    const r = round === undefined ? rowRound : '';
    if (key === id) {
      // Everyone's value: the one of no round (or of the round chosen) stands in the county's
      // row; those of named rounds, when every round is checked, in a map beside it.
      const row = this.rowOf(this.table, county);
      const i = this.idIndex.get(id) ?? -1;
      const inRow = row.slotOf(i);
      const named = this.kept.get(county)?.get(key);
      let first = inRow;
      if (typeof named === 'object')
        for (const [k, s] of named) if ((r === '' || k === r) && (first < 0 || s < first)) first = s;
      this.settle(slot, first, county, id, () => {
        if (r === '') row.put(i, slot);
        else {
          if (first >= 0 && first === inRow) row.clear(i);
          const rounds = child(
            child(this.kept, county, () => new Map<string, Kept>()),
            key,
            () => new Map(),
          );
          if (typeof rounds === 'object') rounds.set(r, slot);
        }
        if (typeof named === 'object' && first >= 0)
          for (const [k, s] of named) if (s === first && k !== r) named.delete(k);
        count.used++;
      });
      return;
    }
    const row = child(this.kept, county, () => new Map<string, Kept>());
    const held = row.get(key);
    const byRound = typeof held === 'object' ? held : null;
    let first = typeof held === 'number' ? held : -1;
    if (byRound !== null)
      for (const [k, s] of byRound) if ((r === '' || k === '' || k === r) && (first < 0 || s < first)) first = s;
    this.settle(slot, first, county, id, () => {
      if (byRound !== null) {
        byRound.set(r, slot);
        if (first >= 0) for (const [k, s] of byRound) if (s === first && k !== r) byRound.delete(k);
      } else row.set(key, r === '' ? slot : new Map([[r, slot]]));
      count.used++;
    });
  }

  /**
   * A value read where `first` was kept before (-1: nothing): kept (`keep`) when it is the first,
   * or when the first was empty; else a duplicate or a conflict.
   */
  private settle(slot: number, first: number, county: string, id: string, keep: () => void): void {
    const { store } = this;
    const count = this.countOf(slot);
    if (first < 0) {
      keep();
      return;
    }
    const value = store.value(slot);
    const firstValue = store.value(first);
    if (firstValue.kind === 'none' && value.kind !== 'none') {
      // An empty or NA cell gives way to a real value found later: it contradicts nothing.
      const firstCount = this.countOf(first);
      firstCount.used--;
      firstCount.duplicates++;
      keep();
      return;
    }
    const cell = store.cell(slot);
    const before = store.cell(first);
    const firstAt = evidenceRef(before.file, before.line, before.column);
    if (value.kind === 'none' || sameValue(firstValue, value)) {
      count.duplicates++;
      const code =
        value.kind === 'none' && firstValue.kind !== 'none' ? 'evidence-empty-duplicate' : 'evidence-duplicate';
      this.warnings.push(located(code, cell.file, cell, { county, id, first: firstAt }, 'warning'));
      return;
    }
    count.rejected++;
    this.cellErrors.push(
      located('evidence-conflict', cell.file, cell, {
        county,
        id,
        first: firstAt,
        value: cell.raw,
        firstValue: before.raw,
      }),
    );
  }

  /** A refused cell: no evidence, but marked so that `missing: error` reports it as rejected, not missing. */
  refuse(slot: number, county: string, id: string, self: boolean): void {
    this.refused.push({ county, id: this.idIndex.get(id) ?? -1, self, slot });
  }

  /**
   * The evidence kept, as tables: the scoring rows (several assessors of an `assessed` cell
   * combined) and the self-assessment rows apart; a refused cell stands where nothing was kept.
   * Call once, when every value has been read.
   */
  tables(combine: 'mean' | 'median'): { table: EvidenceTable; self: EvidenceTable } {
    const { store, table, self } = this;
    for (const [county, slots] of this.kept) {
      const assessed = new Map<number, number[]>();
      for (const [key, held] of slots) {
        const cut = key.indexOf('\u0000');
        const slot = cut < 0 ? '' : key.slice(0, cut);
        const i = this.idIndex.get(cut < 0 ? key : key.slice(cut + 1)) ?? -1;
        const s = typeof held === 'number' ? held : Math.min(...held.values());
        if (!Number.isFinite(s)) continue;
        const inRow = slot === '' ? this.rowOf(table, county).slotOf(i) : -1;
        if (slot === 'self') this.rowOf(self, county).put(i, s);
        else if (slot === '') this.rowOf(table, county).put(i, inRow >= 0 ? Math.min(s, inRow) : s);
        else child(assessed, i, () => []).push(s);
      }
      for (const [i, slots] of assessed) {
        const [only, ...more] = slots;
        if (only !== undefined && more.length === 0) {
          // One assessor's value alone: the cell again, changed as `combined` would change it.
          const changes = aloneChanges(store.value(only), store.byOf(only));
          this.rowOf(table, county).put(i, store.with(only, changes));
          continue;
        }
        const values = slots.map((s) => ({ cell: store.cell(s), order: s }));
        const c = combined(values, combine);
        // The combined cell stands where one of the assessors wrote it: in that one's file.
        const head = values.find((v) => v.cell.file === c.file && v.cell.line === c.line && v.cell.column === c.column);
        this.rowOf(table, county).put(
          i,
          store.add({ ...c, file: store.fileNumber(head?.order ?? 0), by: c.by ?? null }),
        );
      }
    }
    for (const r of this.refused) {
      const row = this.rowOf(r.self ? self : table, r.county);
      if (row.slotOf(r.id) < 0) row.put(r.id, r.slot);
    }
    return { table, self };
  }

  private countOf(slot: number): FileCount {
    const count = this.counts[this.store.fileNumber(slot)];
    if (count === undefined) throw new Error('fazhi invariant broken: a cell of no file');
    return count;
  }
}
