import type { CsvRecord } from './csv.js';

export type XlsxRead =
  | { readonly sheet: string; readonly records: CsvRecord[] }
  | { readonly error: 'unreadable'; readonly reason: string }
  | { readonly error: 'no-sheet'; readonly sheets: string[] };

/**
 * Reads one sheet of an .xlsx file (the first, or `sheet` by name) as records laid out like a
 * CSV file's: row n is line n, column C is column 3, so problems can name the cell (FORMATS.md §5).
 * Numeric cells are numbers (a cell shown as 90% holds 0.9) and are written out exactly.
 */
export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<XlsxRead> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // Loaded only when an .xlsx file is read.
    const { default: readXlsxFile } = await import('read-excel-file/node');
    sheets = (await readXlsxFile(Buffer.from(bytes))) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    return { error: 'unreadable', reason: (e as Error).message };
  }
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) return { error: 'no-sheet', sheets: sheets.map((s) => s.sheet) };
  const records: CsvRecord[] = [];
  chosen.data.forEach((row, r) => {
    const fields = row.map((cell, c) => ({ text: cellText(cell), line: r + 1, column: c + 1 }));
    while (fields.at(-1)?.text === '') fields.pop();
    if (fields.length > 0) records.push({ line: r + 1, fields });
  });
  return { sheet: chosen.sheet, records };
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return dateText(cell);
  return String(cell);
}

/**
 * A date cell as a clerk sees it: `2024-01-20`, with the time only when it has one
 * (`2024-01-20 09:30`, seconds when not zero). Excel dates carry no zone; they are read as UTC.
 */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const [day, time = ''] = date
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .split('T');
  const clock = time.replace(/:00$/, '');
  return clock === '00:00' ? (day ?? '') : `${day} ${clock}`;
}
