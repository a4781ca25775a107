/** A county's evidence cells over a `CellStore` (see cell-store.ts). Pure. */
import type { CellStore } from './cell-store.js';
import type { EvidenceCell } from './evaluation.js';

/**
 * One county's cells by indicator id, over a store: a map whose entries are made as they are
 * read. Ids are numbered once for the whole table (`ids`); entries keep the order they were set
 * in, as a Map's do.
 */
export class CellRow implements ReadonlyMap<string, EvidenceCell> {
  private readonly slots: Int32Array;
  /** Id numbers in the order they were first set: the first `count`. */
  private readonly order: Int32Array;
  private count = 0;

  constructor(
    private readonly store: CellStore,
    private readonly ids: readonly string[],
    private readonly idIndex: ReadonlyMap<string, number>,
  ) {
    this.slots = new Int32Array(ids.length).fill(-1);
    this.order = new Int32Array(ids.length);
  }

  /** Sets id number `i` to the cell in `slot` (in place, when it is or was set). */
  put(i: number, slot: number): void {
    if (this.slots[i] === -1) this.order[this.count++] = i;
    this.slots[i] = slot;
  }

  /** Takes id number `i` out, keeping its place should it be set again (-2: cleared). */
  clear(i: number): void {
    if ((this.slots[i] ?? -1) >= 0) this.slots[i] = -2;
  }

  /** The slot of id number `i`, or -1. */
  slotOf(i: number): number {
    return Math.max(-1, this.slots[i] ?? -1);
  }

  get size(): number {
    return this.present().length;
  }

  /** Id numbers set, in the order first set. */
  private present(): number[] {
    const present: number[] = [];
    for (const i of this.order.subarray(0, this.count)) if ((this.slots[i] ?? -1) >= 0) present.push(i);
    return present;
  }

  get(id: string): EvidenceCell | undefined {
    const i = this.idIndex.get(id);
    const s = i === undefined ? -1 : (this.slots[i] ?? -1);
    return s < 0 ? undefined : this.store.cell(s);
  }

  /** The value of the cell of `id`, whether it was refused, and the assessors' values. */
  facts(id: string): CellFacts | undefined {
    const i = this.idIndex.get(id);
    const s = i === undefined ? -1 : (this.slots[i] ?? -1);
    return s < 0 ? undefined : this.store.facts(s);
  }

  has(id: string): boolean {
    const i = this.idIndex.get(id);
    return i !== undefined && (this.slots[i] ?? -1) >= 0;
  }

  *entries(): MapIterator<[string, EvidenceCell]> {
    for (const i of this.present()) yield [this.ids[i] ?? '', this.store.cell(this.slots[i] ?? 0)];
  }

  *keys(): MapIterator<string> {
    for (const i of this.present()) yield this.ids[i] ?? '';
  }

  *values(): MapIterator<EvidenceCell> {
    for (const i of this.present()) yield this.store.cell(this.slots[i] ?? 0);
  }

  [Symbol.iterator](): MapIterator<[string, EvidenceCell]> {
    return this.entries();
  }

  forEach(f: (value: EvidenceCell, key: string, map: ReadonlyMap<string, EvidenceCell>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
}

/** What scoring reads of a cell: its value, whether it was refused, the assessors' values. */
export type CellFacts = Pick<EvidenceCell, 'value' | 'rejected' | 'assessors'>;

/**
 * The facts of a county's cell of `id` (none: `undefined`): from a CellRow without making the
 * whole cell (its texts and place), from any other map as the cell itself.
 */
export const factsOf = (cells: ReadonlyMap<string, EvidenceCell> | undefined, id: string): CellFacts | undefined =>
  cells instanceof CellRow ? cells.facts(id) : cells?.get(id);
