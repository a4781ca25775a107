/**
 * Evidence cells held in columns rather than as objects: a national evaluation keeps 300,000
 * cells and some keep ten times that, and an object per cell (with its value, its text and a map
 * entry) costs some 270 bytes and most of the run's garbage collection. Here a cell is a slot
 * number; its value, place and texts are typed-array columns, its texts indices into one table
 * of distinct strings (a value's text is not kept when it is what the number prints as); the
 * columns and their coding are in cell-page.ts. A county's cells are a `CellRow` (cell-row.ts),
 * read as the `ReadonlyMap<string, EvidenceCell>` everything else takes: a cell is made as an
 * object when it is asked for, and let go after. Pure.
 */
import {
  BOOL,
  IN_PAGE,
  NA,
  NO_CASES,
  NONE,
  NULL,
  NUMBER,
  narrow,
  PAGE,
  PAGE_BITS,
  Page,
  type PageData,
  PRINTED,
  REJECTED,
  WIDE,
  WIDE16,
  type Wide,
  wide,
} from './cell-page.js';
import type { CellValue, EvidenceCell } from './evaluation.js';

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

/** What a cell made from another changes: its value, and maybe its text, who gave it and the assessors' values. */
export interface CellChanges {
  readonly value: CellValue;
  readonly raw?: string;
  readonly by?: string | null;
  readonly assessors?: Readonly<Record<string, number>>;
}

/**
 * A store's cells as plain data, to be moved to another thread: its pages as they are (typed
 * arrays, moved rather than copied) with its texts and files. No combined cells: those are made
 * once every value is read.
 */
export interface StoreDump {
  readonly size: number;
  readonly pages: readonly PageData[];
  readonly texts: readonly string[];
  readonly files: readonly string[];
  /** The numbers kept aside, as [slot, number] pairs. */
  readonly wide: { readonly [K in keyof Wide]: readonly (readonly [number, number])[] };
}

export class CellStore {
  private size = 0;
  private readonly pages: Page[] = [];
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private readonly files: string[] = [];
  /** Each assessor's value of a combined cell, by slot (few cells have them). */
  private readonly assessors = new Map<number, Readonly<Record<string, number>>>();
  /** Numbers too large for their narrow column, by slot. */
  private readonly wide: Wide = { cases: new Map(), column: new Map(), file: new Map() };

  /** Numbers a file name for `add`; each call a new number, in the order files are read. */
  file(name: string): number {
    this.files.push(name);
    return this.files.length - 1;
  }

  /** Stores a cell; returns its slot. Slots are given in order: a later cell has a higher slot. */
  add(c: CellFields): number {
    const s = this.size++;
    const p = this.pages[s >>> PAGE_BITS] ?? this.newPage();
    const o = s & IN_PAGE;
    const v = c.value;
    p.kind[o] =
      (v.kind === 'number' ? NUMBER : v.kind === 'bool' ? BOOL : v.kind === 'none' ? NONE : NA) |
      (c.rejected ? REJECTED : 0);
    p.number[o] = v.kind === 'number' ? v.value : v.kind === 'bool' && v.value ? 1 : 0;
    p.cases[o] = v.kind !== 'number' || v.cases === undefined ? NO_CASES : narrow(v.cases, WIDE, this.wide.cases, s);
    p.line[o] = c.line;
    p.column[o] = narrow(c.column, WIDE16, this.wide.column, s);
    p.fileOf[o] = narrow(c.file, WIDE16, this.wide.file, s);
    p.raw[o] = v.kind === 'number' && String(v.value) === c.raw ? PRINTED : this.text(c.raw);
    p.source[o] = this.text(c.source);
    p.note[o] = this.text(c.note);
    p.by[o] = this.text(c.by);
    if (c.assessors !== undefined) this.assessors.set(s, c.assessors);
    return s;
  }

  /**
   * Stores the cell in slot `s` again with `changes` made (a cell made from another: where it
   * stands and its source and note are the other's); returns its slot.
   */
  with(s: number, changes: CellChanges): number {
    const from = this.page(s);
    const o = s & IN_PAGE;
    const t = this.size++;
    const p = this.pages[t >>> PAGE_BITS] ?? this.newPage();
    const q = t & IN_PAGE;
    p.line[q] = from.line[o] ?? 0;
    p.column[q] = narrow(wide(from.column[o], WIDE16, this.wide.column, s), WIDE16, this.wide.column, t);
    p.fileOf[q] = narrow(this.fileNumber(s), WIDE16, this.wide.file, t);
    p.source[q] = from.source[o] ?? NULL;
    p.note[q] = from.note[o] ?? NULL;
    const v = changes.value;
    p.kind[q] = (from.kind[o] ?? 0) & REJECTED;
    p.kind[q] |= v.kind === 'number' ? NUMBER : v.kind === 'bool' ? BOOL : v.kind === 'none' ? NONE : NA;
    p.number[q] = v.kind === 'number' ? v.value : v.kind === 'bool' && v.value ? 1 : 0;
    p.cases[q] = v.kind !== 'number' || v.cases === undefined ? NO_CASES : narrow(v.cases, WIDE, this.wide.cases, t);
    const raw = changes.raw;
    p.raw[q] =
      raw === undefined
        ? (from.raw[o] ?? NULL)
        : v.kind === 'number' && String(v.value) === raw
          ? PRINTED
          : this.text(raw);
    p.by[q] = changes.by === undefined ? (from.by[o] ?? NULL) : this.text(changes.by);
    if (changes.assessors !== undefined) this.assessors.set(t, changes.assessors);
    return t;
  }

  /** The cell in a slot, as an object (the keys in the order reading gives them). */
  cell(s: number): EvidenceCell {
    const p = this.page(s);
    const o = s & IN_PAGE;
    const value = this.value(s);
    const raw = p.raw[o] === PRINTED ? String(p.number[o]) : (this.textAt(p.raw[o]) ?? '');
    const file = this.files[this.fileNumber(s)] ?? '';
    const line = p.line[o] ?? 0;
    const column = wide(p.column[o], WIDE16, this.wide.column, s);
    const source = this.textAt(p.source[o]);
    const note = this.textAt(p.note[o]);
    const by = this.textAt(p.by[o]);
    if (this.rejected(s)) return { value, raw, file, line, column, source, note, rejected: true, by };
    const assessors = this.assessors.size > 0 ? this.assessors.get(s) : undefined;
    if (assessors !== undefined) return { value, raw, file, line, column, source, note, by, assessors };
    return { value, raw, file, line, column, source, note, by };
  }

  /** What scoring reads of a slot: its value, whether it was refused, the assessors' values. */
  facts(s: number): Pick<EvidenceCell, 'value' | 'rejected' | 'assessors'> {
    const value = this.value(s);
    if (this.rejected(s)) return { value, rejected: true };
    const assessors = this.assessors.size > 0 ? this.assessors.get(s) : undefined;
    return assessors === undefined ? { value } : { value, assessors };
  }

  /** A slot's value, without the rest of the cell. */
  value(s: number): CellValue {
    const p = this.page(s);
    const o = s & IN_PAGE;
    const k = (p.kind[o] ?? NONE) & ~REJECTED;
    if (k === NONE) return NONE_VALUE;
    if (k === NA) return NA_VALUE;
    if (k === BOOL) return p.number[o] === 1 ? TRUE_VALUE : FALSE_VALUE;
    const cases = p.cases[o] ?? NO_CASES;
    const value = p.number[o] ?? 0;
    if (cases === NO_CASES) return { kind: 'number', value };
    return { kind: 'number', value, cases: wide(cases, WIDE, this.wide.cases, s) };
  }

  rejected(s: number): boolean {
    return ((this.page(s).kind[s & IN_PAGE] ?? 0) & REJECTED) !== 0;
  }

  /** The file number a slot was read from. */
  fileNumber(s: number): number {
    return wide(this.page(s).fileOf[s & IN_PAGE], WIDE16, this.wide.file, s);
  }

  /** The slots stored, 0 to `count - 1`. */
  get count(): number {
    return this.size;
  }

  /** The text a slot's `by` holds (who gave the value), without making the cell. */
  byOf(s: number): string | null {
    return this.textAt(this.page(s).by[s & IN_PAGE]);
  }

  /** The store as plain data and typed arrays, to be moved to another thread (see `append`). */
  dump(): StoreDump {
    const { size, pages, texts, files } = this;
    const wide = { cases: [...this.wide.cases], column: [...this.wide.column], file: [...this.wide.file] };
    return { size, pages, texts, files, wide };
  }

  /**
   * Stores every cell of a dump after those stored, its files after these files (in order), its
   * pages taken over as they are: from the next page on (the rest of this page is left unused).
   * Returns the slot its first cell gets; the others follow in order.
   */
  append(d: StoreDump): number {
    const first = this.pages.length * PAGE;
    const files = this.files.length;
    for (const f of d.files) this.files.push(f);
    const texts = Int32Array.from(d.texts, (t) => this.text(t));
    for (const [j, x] of d.wide.cases) this.wide.cases.set(first + j, x);
    for (const [j, x] of d.wide.column) this.wide.column.set(first + j, x);
    const wideFile = new Map(d.wide.file);
    for (const [n, data] of d.pages.entries()) {
      const p = new Page(data);
      const used = Math.min(PAGE, d.size - n * PAGE);
      for (let o = 0; o < used; o++) {
        const j = n * PAGE + o;
        p.fileOf[o] = narrow(files + wide(p.fileOf[o], WIDE16, wideFile, j), WIDE16, this.wide.file, first + j);
        for (const c of [p.raw, p.source, p.note, p.by]) {
          const i = c[o] ?? NULL;
          if (i >= 0) c[o] = texts[i] ?? NULL;
        }
      }
      this.pages.push(p);
    }
    this.size = first + d.size;
    return first;
  }

  private page(s: number): Page {
    const p = this.pages[s >>> PAGE_BITS];
    if (p === undefined || s >= this.size) throw new Error(`fazhi invariant broken: no cell in slot ${s}`);
    return p;
  }

  private newPage(): Page {
    const p = new Page();
    this.pages.push(p);
    return p;
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
}
