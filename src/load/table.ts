import { located, type Problem } from '../model/problem.js';
import { type CsvField, type CsvRecord, CsvSyntaxError, readCsv } from './csv.js';

/** Header aliases (FORMATS.md §3): headers are trimmed and NFKC-normalised before matching. */
const ALIASES: Readonly<Record<string, string>> = {
  区划代码: 'county_id',
  '县(市、区)': 'county',
  县区: 'county',
  '州(市)': 'prefecture',
  州市: 'prefecture',
  批次: 'batch',
  创建批次: 'batch',
};

export const normaliseHeader = (text: string): string => {
  const h = text.normalize('NFKC').trim();
  return ALIASES[h] ?? h;
};

/** A CSV text, or the records of a spreadsheet sheet laid out the same way. */
export type TableInput = string | readonly CsvRecord[];

export interface Table {
  readonly header: readonly CsvField[];
  /** Normalised header names, by column index. */
  readonly names: readonly string[];
  readonly records: Iterable<CsvRecord>;
}

/**
 * Opens a CSV text as a header and its records. A syntax fault ends the records
 * and is pushed to `problems` where it was found.
 */
export function openTable(input: TableInput, file: string, problems: Problem[]): Table | null {
  const records = typeof input === 'string' ? guarded(readCsv(input), file, problems) : input[Symbol.iterator]();
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

function* guarded(records: Generator<CsvRecord>, file: string, problems: Problem[]): Generator<CsvRecord> {
  try {
    yield* records;
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    problems.push(located(e.reason === 'unclosed-quote' ? 'csv-unclosed-quote' : 'csv-stray-quote', file, e));
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
export const extraField = (fields: readonly CsvField[], columns: number): CsvField | undefined =>
  fields.slice(columns).find((f) => f.text.trim() !== '');
