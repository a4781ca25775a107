/** The cell-level pieces of evidence reading: what a cell must hold, how it compares, what is wrong with it. */
import type { County } from '../model/evaluation.js';
import { located, type Problem } from '../model/problem.js';
import { ruleFor } from '../model/rules/index.js';
import type { IndicatorSystem } from '../model/system.js';
import type { CellValue, ValueError, ValueKind } from './value.js';

/** What the cell of an id must hold: scored items by their rule, bonus items and vetoes by theirs. */
export function valueKinds(system: IndicatorSystem): Map<string, { kind: ValueKind; max: number }> {
  const kinds = new Map<string, { kind: ValueKind; max: number }>();
  for (const n of system.items) kinds.set(n.id, { kind: ruleFor(n.rule).kind(n.rule), max: n.max });
  for (const b of system.bonus?.items ?? [])
    kinds.set(b.id, { kind: b.rule.type === 'count' ? 'count' : 'yesno', max: Infinity });
  for (const v of system.vetoes) kinds.set(v.id, { kind: 'yesno', max: Infinity });
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
    case 'fraction-over':
      return located('evidence-fraction-over', file, at, args);
    default:
      return located('evidence-bad-value', file, at, { ...args, reason: e.error });
  }
}

/** Wide-form county/prefecture that disagree with the register are a warning. */
export function checkNames(
  county: County,
  fields: readonly { text: string; line: number; column: number }[],
  names: readonly string[],
  file: string,
  warnings: Problem[],
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
