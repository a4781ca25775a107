import { defuse, type SheetRows } from './csv.js';

/**
 * The same rows as the CSV format, as an .xlsx workbook of one sheet: numbers stay numbers,
 * text that a spreadsheet would take for a formula is defused as in CSV.
 */
export async function xlsxBytes(rows: SheetRows, sheet: string): Promise<Uint8Array> {
  // Loaded only when a workbook is asked for: most runs never need it.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const data = rows.map((row) =>
    row.map((v) => {
      if (v === null || v === undefined || v === '') return null;
      if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
      return { value: defuse(v) };
    }),
  );
  return writeXlsxFile(data as never, { sheet }).toBuffer();
}
