import type { Args, ProblemCode } from '../model/problem.js';
import type { CsvRecord } from './csv.js';
import {
  parseDateStyles,
  parseRels,
  parseSharedStrings,
  parseWorkbook,
  resolvePart,
  type WorkbookInfo,
} from './xlsx-parts.js';
import { readSheet, SheetStop } from './xlsx-sheet.js';

export { dateText } from './xlsx-sheet.js';

import { shown } from '../model/visible.js';
import { XmlError } from './xml-scan.js';
import { inflateEntry, type ZipEntry, ZipError, zipEntries } from './zip.js';

/**
 * How big a workbook fazhi opens (docs/limits.md). The zip is judged by its directory before
 * anything is inflated; only the sheet fazhi reads (and the parts it needs) are inflated, each
 * in steps that stop at its declared size; the sheet's declared area and its cells are checked
 * as it is read.
 */
export const XLSX_LIMITS = {
  /** Entries in the zip. */
  parts: 10_000,
  /** Declared uncompressed size of all entries together, in bytes. */
  total: 1024 * 1024 * 1024,
  /** Uncompressed size of each part fazhi reads (the sheet, shared strings, styles, workbook), in bytes. */
  part: 256 * 1024 * 1024,
  /** Rows of a sheet: Excel's own grid. */
  rows: 1_048_576,
  /** Columns of a sheet (Excel's grid has 16,384; no register or evidence sheet needs more than a few hundred). */
  columns: 1_000,
  /** Cells read from a sheet, counting each row from column A to its last non-empty cell. */
  cells: 5_000_000,
} as const;

export type XlsxLimits = { readonly [K in keyof typeof XLSX_LIMITS]: number };

export type XlsxRead =
  | { readonly sheet: string; readonly records: CsvRecord[] }
  | { readonly error: 'unreadable'; readonly reason: string }
  | { readonly error: 'no-sheet'; readonly sheets: string[] }
  | {
      readonly error: 'limit';
      readonly code: ProblemCode;
      /** The sheet it is about, or `null` for the workbook as a whole. */
      readonly sheet: string | null;
      readonly line: number;
      readonly column: number;
      readonly args: Args;
    };

const tooLarge = (part: string, size: number, limit: number, sheet: string | null = null): XlsxRead => ({
  error: 'limit',
  code: 'xlsx-too-large',
  sheet,
  line: 0,
  column: 0,
  args: { part, size, limit },
});

/**
 * Reads one sheet of an .xlsx file (the first, or `sheet` by name) as records laid out like a
 * CSV file's: row n is line n, column C is column 3, so problems can name the cell (FORMATS.md §5).
 * Numeric cells are numbers (a cell shown as 90% holds 0.9) and are written out exactly; an
 * error value (`#DIV/0!`, `#N/A`, cached or typed) is the text it shows, as in a CSV export.
 */
export function readXlsx(bytes: Uint8Array, sheet?: string, limits: XlsxLimits = XLSX_LIMITS): XlsxRead {
  try {
    return read(bytes, sheet, limits);
  } catch (e) {
    if (e instanceof SheetStop) return e.result;
    if (e instanceof ZipError || e instanceof XmlError) return { error: 'unreadable', reason: e.message };
    throw e;
  }
}

function read(bytes: Uint8Array, sheet: string | undefined, limits: XlsxLimits): XlsxRead {
  const { entries, declared } = zipEntries(bytes, limits.parts);
  if (declared > limits.parts)
    return {
      error: 'limit',
      code: 'xlsx-too-many-parts',
      sheet: null,
      line: 0,
      column: 0,
      args: { count: declared, limit: limits.parts },
    };
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.total) return tooLarge('', total, limits.total);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.replace(/^\//, '').toLowerCase(), e);

  /** A part's bytes; `sheet` names the sheet whose part it is, for the message. */
  const part = (name: string, required: boolean, sheet: string | null = null): Uint8Array | null => {
    const e = byName.get(name.toLowerCase());
    if (e === undefined) {
      if (required) throw new ZipError(`no ${shown(name)} in the package`);
      return null;
    }
    if (e.size > limits.part) throw new SheetStop(tooLarge(shown(e.name), e.size, limits.part, sheet));
    return inflateEntry(bytes, e, limits.part);
  };

  const rootRels = part('_rels/.rels', false);
  const main = rootRels ? [...parseRels(rootRels, '').values()].find((r) => r.type === 'officeDocument') : undefined;
  const workbookPath = main?.target ?? 'xl/workbook.xml';
  const base = workbookPath.split('/').slice(0, -1).join('/');
  const book: WorkbookInfo = parseWorkbook(part(workbookPath, true) ?? new Uint8Array());
  const relsBytes = part(`${base ? `${base}/` : ''}_rels/${workbookPath.split('/').at(-1)}.rels`, false);
  const rels = relsBytes ? parseRels(relsBytes, base) : new Map();
  const names = book.sheets.map((s) => s.name);
  const chosen = sheet === undefined ? book.sheets[0] : book.sheets.find((s) => s.name === sheet);
  if (chosen === undefined)
    return sheet === undefined ? { error: 'unreadable', reason: 'no sheet' } : { error: 'no-sheet', sheets: names };
  const target =
    rels.get(chosen.rid)?.target ?? resolvePart(base, `worksheets/sheet${book.sheets.indexOf(chosen) + 1}.xml`);
  const typed = (type: string, fallback: string) =>
    [...rels.values()].find((r) => r.type === type)?.target ?? resolvePart(base, fallback);

  const sheetBytes = part(target, true, chosen.name) ?? new Uint8Array();
  const stringsBytes = part(typed('sharedStrings', 'sharedStrings.xml'), false);
  const stylesBytes = part(typed('styles', 'styles.xml'), false);
  const records = readSheet(sheetBytes, chosen.name, {
    strings: stringsBytes ? parseSharedStrings(stringsBytes) : [],
    dateStyles: stylesBytes ? parseDateStyles(stylesBytes) : [],
    date1904: book.date1904,
    limits,
  });
  return { sheet: chosen.name, records };
}
