import type { County } from '../model/evaluation.js';
import type { Problem } from '../model/problem.js';
import { located } from '../model/problem.js';
import { extraField, fieldAt, openTable, requireColumns, type TableInput } from './table.js';

export interface Register {
  readonly counties: readonly County[];
  /** The extra columns, in file order. */
  readonly extraColumns: readonly string[];
  readonly rows: number;
  /** Each county's line in the file, for messages about the county as a whole. */
  readonly lines: ReadonlyMap<string, number>;
}

const REQUIRED = ['county_id', 'county', 'prefecture'] as const;

/** Reads a county register (FORMATS.md §3). Pure. */
export function parseRegister(input: TableInput, file: string): { register: Register | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const table = openTable(input, file, problems);
  if (!table) return { register: null, problems };
  const missing = requireColumns(table, REQUIRED, file);
  if (missing.length > 0) return { register: null, problems: [...problems, ...missing] };
  const index = (name: string) => table.names.indexOf(name);
  const [idAt, nameAt, prefectureAt] = REQUIRED.map(index) as [number, number, number];
  const extra = table.names
    .map((n, i) => [n, i] as const)
    .filter(([n]) => !(REQUIRED as readonly string[]).includes(n) && n !== '');
  const counties: County[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  for (const record of table.records) {
    rows++;
    const f = record.fields;
    const extraCell = extraField(f, table.names.length);
    if (extraCell) {
      problems.push(located('csv-too-many-fields', file, extraCell, { expected: table.names.length, found: f.length }));
      continue;
    }
    const cell = (i: number) => (f[i]?.text ?? '').normalize('NFKC').trim();
    const at = (i: number) => fieldAt(record, i, file);
    const id = cell(idAt);
    if (id === '') {
      problems.push(located('register-empty-id', file, at(idAt)));
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(located('register-duplicate-county', file, at(idAt), { id, line: first }));
      continue;
    }
    seen.set(id, record.line);
    for (const [i, column] of [
      [nameAt, 'county'],
      [prefectureAt, 'prefecture'],
    ] as const) {
      if (cell(i) === '') problems.push(located('register-empty-cell', file, at(i), { column, id }));
    }
    counties.push({
      id,
      name: cell(nameAt),
      prefecture: cell(prefectureAt),
      extra: Object.fromEntries(extra.map(([n, i]) => [n, cell(i)])),
    });
  }
  if (counties.length === 0 && !problems.some((p) => p.severity === 'error'))
    problems.push(located('register-empty', file, { line: 0, column: 0 }, {}, 'warning'));
  const ok = !problems.some((p) => p.severity === 'error');
  return { register: ok ? { counties, extraColumns: extra.map(([n]) => n), rows, lines: seen } : null, problems };
}
