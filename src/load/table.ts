import { located, type Problem } from '../model/problem.js';
import { type CsvField, type CsvRecord, CsvSyntaxError, readCsv } from './csv.js';
import { CsvReadError } from './csv-file.js';

/** Where problems go, as they are met. */
export interface ProblemList {
  push(p: Problem): unknown;
}

/** Header aliases (FORMATS.md §3): headers are trimmed and NFKC-normalised before matching. */
const ALIASES: Readonly<Record<string, string>> = {
  区划代码: 'county_id',
  '县(市、区)': 'county',
  县区: 'county',
  '州(市)': 'prefecture',
  州市: 'prefecture',
  批次: 'batch',
  创建批次: 'batch',
  指标: 'indicator_id',
  指标编号: 'indicator_id',
  值: 'value',
  得分: 'value',
  佐证值: 'value',
  轮次: 'round',
  来源: 'source',
  备注: 'note',
};

export const normaliseHeader = (text: string): string => {
  const h = text.normalize('NFKC').trim();
  return ALIASES[h] ?? h;
};

/** A CSV text, or records: of a CSV file as they are read, or of a spreadsheet sheet laid out the same way. */
export type TableInput = string | Iterable<CsvRecord>;

export interface Table {
  readonly header: readonly CsvField[];
  /** Normalised header names, by column index. */
  readonly names: readonly string[];
  readonly records: Iterable<CsvRecord>;
}

/**
 * Opens a CSV text or records as a header and its records. A syntax fault (or a failed read)
 * ends the records and is pushed to `problems` where it was found. Rows holding only separators (`,,,,`, as
 * spreadsheets export below the data) are passed over like blank lines; when the records
 * have been read, one warning in `warnings` counts them.
 */
export function openTable(
  input: TableInput,
  file: string,
  problems: ProblemList,
  warnings: ProblemList = problems,
): Table | null {
  const read = guarded(typeof input === 'string' ? readCsv(input) : input, file, problems);
  const records = withoutEmptyRows(read, file, warnings);
  const first = records.next();
  if (first.done) {
    problems.push(located('csv-empty', file, { line: 0, column: 0 }));
    return null;
  }
  // Spreadsheets export trailing empty columns (`a,b,c,,`): they are no columns.
  const header = trimEmpty(first.value.fields);
  const names = header.map((f) => normaliseHeader(f.text));
  const seen = new Map<string, CsvField>();
  for (const f of header) {
    const name = normaliseHeader(f.text);
    const first = seen.get(name);
    if (name === '') problems.push(located('csv-empty-header', file, f));
    else if (first !== undefined)
      problems.push(located('csv-duplicate-header', file, f, { column: name, line: first.line }));
    else seen.set(name, f);
  }
  return { header, names, records: { [Symbol.iterator]: () => records } };
}

function* withoutEmptyRows(records: Iterator<CsvRecord>, file: string, warnings: ProblemList): Generator<CsvRecord> {
  let first: CsvRecord | undefined;
  let count = 0;
  for (let r = records.next(); !r.done; r = records.next()) {
    if (r.value.fields.some((f) => f.text.trim() !== '')) yield r.value;
    else if (count++ === 0) first = r.value;
  }
  if (first !== undefined) {
    warnings.push(located('csv-empty-rows', file, { line: first.line, column: 1 }, { count }, 'warning'));
  }
}

function* guarded(records: Iterable<CsvRecord>, file: string, problems: ProblemList): Generator<CsvRecord> {
  try {
    yield* records;
  } catch (e) {
    if (e instanceof CsvReadError) problems.push(e.problem);
    else if (e instanceof CsvSyntaxError)
      problems.push(located(e.reason === 'unclosed-quote' ? 'csv-unclosed-quote' : 'csv-stray-quote', file, e));
    else throw e;
  }
}

/** The first missing required column, as a problem at the header. */
export function requireColumns(table: Table, required: readonly string[], file: string): Problem[] {
  return required
    .filter((c) => !table.names.includes(c))
    .map((c) => located('csv-missing-column', file, table.header[0] ?? { line: 1, column: 1 }, { column: c }));
}

function trimEmpty(fields: readonly CsvField[]): readonly CsvField[] {
  let n = fields.length;
  while (n > 1 && fields[n - 1]?.text.trim() === '') n--;
  return fields.slice(0, n);
}

/** Fields past the header's last column, other than empty ones, make a row malformed. */
export function extraField(fields: readonly CsvField[], columns: number): CsvField | undefined {
  for (let i = columns; i < fields.length; i++) if (fields[i]?.text.trim() !== '') return fields[i];
  return undefined;
}

/**
 * Where field `i` of a record is, or would be when the row stops short of it: in a sheet
 * (`file.xlsx!Sheet`) a field's index is its column, so an empty cell is named as it is (`C2`);
 * in a CSV file, the row's first field.
 */
export const fieldAt = (record: CsvRecord, i: number, file: string): { line: number; column: number } =>
  record.fields[i] ?? { line: record.line, column: /\.xlsx!/i.test(file) && i >= 0 ? i + 1 : 1 };
