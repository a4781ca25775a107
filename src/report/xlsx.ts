import { defuse, type SheetRows } from './csv.js';
import { stampZip } from './zip-time.js';

const cells = (rows: SheetRows) =>
  rows.map((row) =>
    row.map((v) => {
      if (v === null || v === undefined || v === '') return null;
      if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
      return { value: defuse(v) };
    }),
  );

/**
 * The same rows as the CSV format, as an .xlsx workbook: numbers stay numbers, text that a
 * spreadsheet would take for a formula is defused as in CSV. A notice (evaluation.yaml) gets a
 * second sheet of its own, so that the data sheet keeps its header in the first row. Every entry
 * of the zip is dated 1980-01-01 00:00, so the same rows give the same bytes (see zip-time.ts).
 */
export async function xlsxBytes(
  rows: SheetRows,
  sheet: string,
  notice: { readonly name: string; readonly text: string } | null = null,
): Promise<Uint8Array> {
  // Loaded only when a workbook is asked for: most runs never need it.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  if (notice === null) return stampZip(await writeXlsxFile(cells(rows) as never, { sheet }).toBuffer());
  const sheets = [
    { data: cells(rows), sheet },
    { data: cells([[notice.text]]), sheet: notice.name },
  ];
  return stampZip(await writeXlsxFile(sheets as never).toBuffer());
}
