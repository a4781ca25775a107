/**
 * The columns of cell-store.ts, a page at a time, and how their values are coded: a kind of
 * value, text numbers, narrow columns with the rare larger numbers kept aside by slot. Pure.
 */

// Kinds of value, as stored; REJECTED is a flag beside them.
export const NUMBER = 0;
export const BOOL = 1;
export const NONE = 2;
export const NA = 3;
export const REJECTED = 8;
/** A text index: none (`null`). */
export const NULL = -1;
/** A text index: the value's text is the number as JavaScript prints it. */
export const PRINTED = -2;

/** Numbers too large for their narrow column (cases, column, file), by slot. */
export interface Wide {
  readonly cases: Map<number, number>;
  readonly column: Map<number, number>;
  readonly file: Map<number, number>;
}

/** Column values: no cases; kept aside (cases); kept aside (the 16-bit columns). */
export const NO_CASES = -1;
export const WIDE = -2;
export const WIDE16 = 0xffff;

/** `x` for a narrow column, or `mark` with `x` kept aside in `wide` (whole numbers 0 ≤ x < 65535 fit a 16-bit column, up to 2³¹ − 1 the cases). */
export function narrow(x: number, mark: number, aside: Map<number, number>, s: number): number {
  const fits = Number.isInteger(x) && x >= 0 && (mark === WIDE16 ? x < WIDE16 : x <= 0x7fffffff);
  if (fits) return x;
  aside.set(s, x);
  return mark;
}

/** The number a narrow column holds for slot `s`. */
export const wide = (x: number | undefined, mark: number, aside: ReadonlyMap<number, number>, s: number): number =>
  x === mark ? (aside.get(s) ?? 0) : (x ?? 0);

/** The columns of a page, as plain data. */
export type PageData = { readonly [C in keyof Page]: Page[C] };

/** Cells are stored in pages of 65,536 slots: no page is ever copied to grow, none is much too large. */
export const PAGE_BITS = 16;
export const PAGE = 1 << PAGE_BITS;
export const IN_PAGE = PAGE - 1;

/** The columns of one page of slots. */
export class Page {
  readonly kind: Uint8Array;
  readonly number: Float64Array;
  /** b of a count fraction a/b; NO_CASES for none, WIDE for one kept aside. */
  readonly cases: Int32Array;
  readonly line: Int32Array;
  readonly column: Uint16Array;
  readonly fileOf: Uint16Array;
  /** Text numbers (NULL, PRINTED, or a number in the store's table). */
  readonly raw: Int32Array;
  readonly source: Int32Array;
  readonly note: Int32Array;
  readonly by: Int32Array;

  /** A new page, or one moved from another thread. */
  constructor(d?: PageData) {
    this.kind = d?.kind ?? new Uint8Array(PAGE);
    this.number = d?.number ?? new Float64Array(PAGE);
    this.cases = d?.cases ?? new Int32Array(PAGE);
    this.line = d?.line ?? new Int32Array(PAGE);
    this.column = d?.column ?? new Uint16Array(PAGE);
    this.fileOf = d?.fileOf ?? new Uint16Array(PAGE);
    this.raw = d?.raw ?? new Int32Array(PAGE);
    this.source = d?.source ?? new Int32Array(PAGE);
    this.note = d?.note ?? new Int32Array(PAGE);
    this.by = d?.by ?? new Int32Array(PAGE);
  }
}
