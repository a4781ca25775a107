/** The cell-level pieces of evidence reading: what a cell must hold, how it compares, what is wrong with it. */
import type { CellChanges } from '../model/cell-store.js';
import type { County, EvidenceCell } from '../model/evaluation.js';
import { num } from '../model/number.js';
import { located, type Problem } from '../model/problem.js';
import { ruleFor } from '../model/rules/index.js';
import type { IndicatorSystem } from '../model/system.js';
import type { CellValue, ValueChecks, ValueError, ValueKind } from './value.js';

/** What the cell of an id must hold. */
export interface CellSpec {
  readonly kind: ValueKind;
  readonly max: number;
  readonly checks: ValueChecks;
  /** Whether several assessors' values are combined (an `assessed` rule under `assessors`). */
  readonly combined: boolean;
}

/** What the cell of an id must hold: scored items and components by their rule, bonus items and vetoes by theirs. */
export function valueKinds(system: IndicatorSystem): Map<string, CellSpec> {
  const kinds = new Map<string, CellSpec>();
  const open: ValueChecks = { unit: null, range: null };
  const scorables = [...system.items, ...system.components.flatMap((c) => (c.scorable ? [c.scorable] : []))];
  for (const n of scorables)
    kinds.set(n.id, {
      kind: ruleFor(n.rule).kind(n.rule),
      max: n.max,
      checks: { unit: n.unit, range: n.range },
      combined: system.assessors !== null && n.rule.type === 'assessed',
    });
  for (const b of system.bonus?.items ?? [])
    kinds.set(b.id, {
      kind: b.rule.type === 'count' ? 'count' : 'yesno',
      max: Infinity,
      checks: open,
      combined: false,
    });
  for (const v of system.vetoes) kinds.set(v.id, { kind: 'yesno', max: Infinity, checks: open, combined: false });
  return kinds;
}

/** A wide-form column is named by its id, or by `ID name` as `fazhi template --wide` writes it. */
export function columnId(header: string, kinds: ReadonlyMap<string, unknown>): string {
  if (kinds.has(header)) return header;
  const first = header.split(/\s/)[0] ?? '';
  return kinds.has(first) ? first : header;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'number' && b.kind === 'number') return a.value === b.value && a.cases === b.cases;
  if (a.kind === 'bool' && b.kind === 'bool') return a.value === b.value;
  return true;
}

export function valueProblem(
  e: ValueError,
  kind: ValueKind,
  raw: string,
  id: string,
  file: string,
  at: { line: number; column: number },
): Problem {
  const args = { id, value: raw.trim(), expected: kind };
  switch (e.error) {
    case 'out-of-range':
      return located('evidence-out-of-range', file, at, { ...args, min: e.min, max: Number(e.max.toPrecision(12)) });
    case 'too-large':
      return located('evidence-too-large', file, at, { ...args, limit: e.limit.toExponential().replace('+', '') });
    case 'fraction-over':
      return located('evidence-fraction-over', file, at, args);
    case 'not-rate':
      return located('evidence-not-rate', file, at, { ...args, suggest: e.suggest ?? '' });
    case 'outside-range':
      return located('evidence-outside-range', file, at, {
        ...args,
        lo: e.lo === null ? '' : num(e.lo),
        hi: e.hi === null ? '' : num(e.hi),
      });
    default:
      // A whole number is what `unit: count` (or a count rule) wants, whatever the rule reads otherwise.
      return located('evidence-bad-value', file, at, {
        ...args,
        expected: e.error === 'not-count' ? 'count' : kind,
        reason: e.error,
      });
  }
}

/** Wide-form county/prefecture that disagree with the register are a warning. */
export function checkNames(
  county: County,
  fields: readonly { text: string; line: number; column: number }[],
  names: readonly string[],
  file: string,
  warnings: { push(p: Problem): unknown },
): void {
  for (const column of ['county', 'prefecture'] as const) {
    const field = fields[names.indexOf(column)];
    const given = field?.text.normalize('NFKC').trim() ?? '';
    const expected = column === 'county' ? county.name : county.prefecture;
    if (field !== undefined && given !== '' && given !== expected)
      warnings.push(
        located('evidence-name-mismatch', file, field, { column, given, expected, id: county.id }, 'warning'),
      );
  }
}

/** The map's entry for `key`, made with `make` the first time. */
export function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * Several assessors' values of one `assessed` cell as one (FORMATS.md §6, Assessors): the mean or
 * the median of their numbers (empty and 不适用 values left out), each assessor's value kept.
 * Nothing depends on the order of files or rows: the assessors are taken in the order of their
 * names (`by`), the cell stands where the first of them wrote it, and its source and note join
 * every assessor's (distinct, non-empty) in that order.
 */
export function combined(
  cells: readonly { readonly cell: EvidenceCell; readonly order: number }[],
  how: 'mean' | 'median',
): EvidenceCell {
  const name = (c: { readonly cell: EvidenceCell }) => c.cell.by ?? '';
  const inOrder = [...cells]
    .sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a.order - b.order))
    .map((c) => c.cell);
  const head = inOrder[0];
  if (head === undefined) throw new Error('fazhi invariant broken: no assessor values to combine');
  const joined = (pick: (c: EvidenceCell) => string | null): string | null => {
    const texts = [...new Set(inOrder.map(pick).filter((t): t is string => t !== null && t !== ''))];
    return texts.length > 0 ? texts.join('；') : null;
  };
  const first = { ...head, source: joined((c) => c.source), note: joined((c) => c.note) };
  const numbers = inOrder.flatMap((c) => (c.value.kind === 'number' ? [{ by: c.by ?? '', x: c.value.value }] : []));
  const assessors = Object.fromEntries(numbers.map((n) => [n.by, n.x]));
  if (numbers.length === 0) {
    const na = inOrder.some((c) => c.value.kind === 'na');
    return { ...first, value: na ? { kind: 'na' } : { kind: 'none' } };
  }
  const xs = numbers.map((n) => n.x).sort((a, b) => a - b);
  const middle = Math.floor(xs.length / 2);
  const x =
    how === 'mean'
      ? xs.reduce((s, v) => s + v, 0) / xs.length
      : xs.length % 2 === 1
        ? (xs[middle] ?? 0)
        : ((xs[middle - 1] ?? 0) + (xs[middle] ?? 0)) / 2;
  return { ...first, value: { kind: 'number', value: x }, raw: num(x), by: null, assessors };
}

/**
 * What `combined` changes in a cell that is one assessor's value (`by`) alone: the mean and the
 * median of one number are the number (its source and note stay: reading keeps an empty one as
 * null). The keeper stores such a cell changed so, without making it as an object.
 */
export function aloneChanges(value: CellValue, by: string | null): CellChanges {
  if (value.kind !== 'number') return { value: value.kind === 'na' ? { kind: 'na' } : { kind: 'none' } };
  const x = value.value;
  return { value: { kind: 'number', value: x }, raw: num(x), by: null, assessors: { [by ?? '']: x } };
}

/** A file's count before any of its rows is read. */
export const fileCount = (file: string): FileCount => ({
  file,
  rows: 0,
  cells: 0,
  used: 0,
  duplicates: 0,
  skipped: 0,
  rejected: 0,
});

/** How every cell of one file was accounted for (CLI.md `inputs`). */
export interface FileCount {
  readonly file: string;
  rows: number;
  cells: number;
  used: number;
  duplicates: number;
  skipped: number;
  rejected: number;
}
