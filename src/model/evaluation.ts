/** What an evaluation reads: the counties of the register and their evidence cells. */

/** A county of the register. */
export interface County {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  /** Further register columns, kept and shown (e.g. batch). */
  readonly extra: Readonly<Record<string, string>>;
}

/** What a rule wants from a cell (FORMATS.md §4). */
export type ValueKind =
  /** check rules, vetoes and bonus checks */
  | 'yesno'
  /** linear, bands, minmax: a number, a percentage or a count fraction a/b */
  | 'rate'
  /** fraction: as rate, within 0…1 */
  | 'share'
  /** deduct and bonus counts: a whole number ≥ 0; 无 and 否 read as 0 */
  | 'count'
  /** assessed: the evaluator's points, within 0…max */
  | 'points';

/** The value a usable cell of a kind holds: yes/no, or a number. */
export type ValueOf<K extends ValueKind> = K extends 'yesno' ? boolean : number;

/** A cell's value after the value grammar. */
export type CellValue =
  | {
      readonly kind: 'number';
      readonly value: number;
      /** b of a count fraction a/b */
      readonly cases?: number;
    }
  | { readonly kind: 'bool'; readonly value: boolean }
  /** empty or a missing marker: no evidence */
  | { readonly kind: 'none' }
  /** 不适用 */
  | { readonly kind: 'na' };

/** One evidence cell that survived reading: its value and where it came from. */
export interface EvidenceCell {
  readonly value: CellValue;
  readonly raw: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly source: string | null;
  readonly note: string | null;
  /** Refused under --keep-going: no evidence, reported as rejected rather than missing. */
  readonly rejected?: boolean;
  /** Who gave it (the `by` column, 评估主体), when the evidence says. */
  readonly by?: string | null;
  /** For a value combined from several assessors: each assessor's value (the empty `by` as ""). */
  readonly assessors?: Readonly<Record<string, number>>;
}

/** Evidence by county id, then indicator id. */
export type EvidenceTable = ReadonlyMap<string, ReadonlyMap<string, EvidenceCell>>;
