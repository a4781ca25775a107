/**
 * Evidence cells held in columns rather than as objects: a national evaluation keeps 300,000
 * cells and some keep ten times that, and an object per cell (with its value, its text and a map
 * entry) costs some 270 bytes and most of the run's garbage collection. Here a cell is a slot
 * number; its value, place and texts are typed-array columns, its texts indices into one table
 * of distinct strings (a value's text is not kept when it is what the number prints as). A
 * county's cells are a `CellRow` (cell-row.ts), read as the `ReadonlyMap<string, EvidenceCell>` everything
 * else takes: a cell is made as an object when it is asked for, and let go after. Pure.
 */
import type { CellValue, EvidenceCell } from './evaluation.js';

// Kinds of value, as stored; REJECTED is a flag beside them.
const NUMBER = 0;
const BOOL = 1;
const NONE = 2;
const NA = 3;
const REJECTED = 8;
/** A text index: none (`null`). */
const NULL = -1;
/** A text index: the value's text is the number as JavaScript prints it. */
const PRINTED = -2;

const NONE_VALUE: CellValue = Object.freeze({ kind: 'none' });
const NA_VALUE: CellValue = Object.freeze({ kind: 'na' });
const TRUE_VALUE: CellValue = Object.freeze({ kind: 'bool', value: true });
const FALSE_VALUE: CellValue = Object.freeze({ kind: 'bool', value: false });

/** What a stored cell is made of: an EvidenceCell's fields, its file by number (see `CellStore.file`). */
export interface CellFields {
  readonly value: CellValue;
  readonly raw: string;
  readonly file: number;
  readonly line: number;
  readonly column: number;
  readonly source: string | null;
  readonly note: string | null;
  readonly by: string | null;
  readonly rejected?: boolean;
  readonly assessors?: Readonly<Record<string, number>>;
}

/** A store's cells as plain data (no combined cells: those are made once every value is read). */
export interface StoreDump {
  readonly kind: Uint8Array;
  readonly number: Float64Array;
  readonly cases: Float64Array;
  readonly line: Int32Array;
  readonly column: Int32Array;
  readonly fileOf: Int32Array;
  readonly raw: Int32Array;
  readonly source: Int32Array;
  readonly note: Int32Array;
  readonly by: Int32Array;
  readonly texts: readonly string[];
  readonly files: readonly string[];
}

export class CellStore {
  private size = 0;
  private kind = new Uint8Array(1024);
  private number = new Float64Array(1024);
  /** b of a count fraction a/b; NaN for none. */
  private cases = new Float64Array(1024);
  private line = new Int32Array(1024);
  private column = new Int32Array(1024);
  private fileOf = new Int32Array(1024);
  private raw = new Int32Array(1024);
  private source = new Int32Array(1024);
  private note = new Int32Array(1024);
  private by = new Int32Array(1024);
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private readonly files: string[] = [];
  /** Each assessor's value of a combined cell, by slot (few cells have them). */
  private readonly assessors = new Map<number, Readonly<Record<string, number>>>();

  /** Numbers a file name for `add`; each call a new number, in the order files are read. */
  file(name: string): number {
    this.files.push(name);
    return this.files.length - 1;
  }

  /** Stores a cell; returns its slot. Slots are given in order: a later cell has a higher slot. */
  add(c: CellFields): number {
    if (this.size === this.kind.length) this.grow();
    const s = this.size++;
    const v = c.value;
    this.kind[s] =
      (v.kind === 'number' ? NUMBER : v.kind === 'bool' ? BOOL : v.kind === 'none' ? NONE : NA) |
      (c.rejected ? REJECTED : 0);
    this.number[s] = v.kind === 'number' ? v.value : v.kind === 'bool' && v.value ? 1 : 0;
    this.cases[s] = v.kind === 'number' && v.cases !== undefined ? v.cases : Number.NaN;
    this.line[s] = c.line;
    this.column[s] = c.column;
    this.fileOf[s] = c.file;
    this.raw[s] = v.kind === 'number' && String(v.value) === c.raw ? PRINTED : this.text(c.raw);
    this.source[s] = this.text(c.source);
    this.note[s] = this.text(c.note);
    this.by[s] = this.text(c.by);
    if (c.assessors !== undefined) this.assessors.set(s, c.assessors);
    return s;
  }

  /** The cell in a slot, as an object (the keys in the order reading gives them). */
  cell(s: number): EvidenceCell {
    const value = this.value(s);
    const raw = this.raw[s] === PRINTED ? String(this.number[s]) : (this.textAt(this.raw[s]) ?? '');
    const file = this.files[this.fileOf[s] ?? 0] ?? '';
    const line = this.line[s] ?? 0;
    const column = this.column[s] ?? 0;
    const source = this.textAt(this.source[s]);
    const note = this.textAt(this.note[s]);
    const by = this.textAt(this.by[s]);
    if (this.rejected(s)) return { value, raw, file, line, column, source, note, rejected: true, by };
    const assessors = this.assessors.size > 0 ? this.assessors.get(s) : undefined;
    if (assessors !== undefined) return { value, raw, file, line, column, source, note, by, assessors };
    return { value, raw, file, line, column, source, note, by };
  }

  /** A slot's value, without the rest of the cell. */
  value(s: number): CellValue {
    const k = (this.kind[s] ?? NONE) & ~REJECTED;
    if (k === NONE) return NONE_VALUE;
    if (k === NA) return NA_VALUE;
    if (k === BOOL) return this.number[s] === 1 ? TRUE_VALUE : FALSE_VALUE;
    const cases = this.cases[s] ?? Number.NaN;
    const value = this.number[s] ?? 0;
    return Number.isNaN(cases) ? { kind: 'number', value } : { kind: 'number', value, cases };
  }

  rejected(s: number): boolean {
    return ((this.kind[s] ?? 0) & REJECTED) !== 0;
  }

  /** The file number a slot was read from. */
  fileNumber(s: number): number {
    return this.fileOf[s] ?? 0;
  }

  /** The slots stored, 0 to `count - 1`. */
  get count(): number {
    return this.size;
  }

  /** The text a slot's `by` holds (who gave the value), without making the cell. */
  byOf(s: number): string | null {
    return this.textAt(this.by[s]);
  }

  /** The store as plain data and typed arrays, to be sent to another thread (`CellStore.of`). */
  dump(): StoreDump {
    const n = this.size;
    return {
      kind: this.kind.slice(0, n),
      number: this.number.slice(0, n),
      cases: this.cases.slice(0, n),
      line: this.line.slice(0, n),
      column: this.column.slice(0, n),
      fileOf: this.fileOf.slice(0, n),
      raw: this.raw.slice(0, n),
      source: this.source.slice(0, n),
      note: this.note.slice(0, n),
      by: this.by.slice(0, n),
      texts: this.texts,
      files: this.files,
    };
  }

  /**
   * Stores every cell of a dump after those stored, its files after these files (in order):
   * returns the slot its first cell gets (the others follow in order).
   */
  append(d: StoreDump): number {
    const first = this.size;
    const files = this.files.length;
    for (const f of d.files) this.files.push(f);
    const texts = Int32Array.from(d.texts, (t) => this.text(t));
    const text = (i: number) => (i < 0 ? i : (texts[i] ?? NULL));
    while (this.kind.length < first + d.kind.length) this.grow();
    this.kind.set(d.kind, first);
    this.number.set(d.number, first);
    this.cases.set(d.cases, first);
    this.line.set(d.line, first);
    this.column.set(d.column, first);
    for (let j = 0; j < d.kind.length; j++) {
      const s = first + j;
      this.fileOf[s] = files + (d.fileOf[j] ?? 0);
      this.raw[s] = text(d.raw[j] ?? NULL);
      this.source[s] = text(d.source[j] ?? NULL);
      this.note[s] = text(d.note[j] ?? NULL);
      this.by[s] = text(d.by[j] ?? NULL);
    }
    this.size = first + d.kind.length;
    return first;
  }

  /** The number of a text in the table (added the first time), or NULL for none. */
  private text(t: string | null): number {
    if (t === null) return NULL;
    let i = this.textIndex.get(t);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(t);
      this.textIndex.set(t, i);
    }
    return i;
  }

  private textAt(i: number | undefined): string | null {
    return i === undefined || i < 0 ? null : (this.texts[i] ?? null);
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const wider = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.kind = wider(this.kind, Uint8Array);
    this.number = wider(this.number, Float64Array);
    this.cases = wider(this.cases, Float64Array);
    this.line = wider(this.line, Int32Array);
    this.column = wider(this.column, Int32Array);
    this.fileOf = wider(this.fileOf, Int32Array);
    this.raw = wider(this.raw, Int32Array);
    this.source = wider(this.source, Int32Array);
    this.note = wider(this.note, Int32Array);
    this.by = wider(this.by, Int32Array);
  }
}
