import { columnLetters } from '../model/location.js';
import { shown } from '../model/visible.js';
import type { CsvField, CsvRecord } from './csv.js';
import type { XlsxLimits, XlsxRead } from './xlsx.js';
import { StringCollector } from './xlsx-parts.js';
import { scanXml } from './xml-scan.js';
import { ZipError } from './zip.js';

/** Ends reading with a result (a limit passed): thrown from inside the scan, caught by readXlsx. */
export class SheetStop extends Error {
  constructor(readonly result: XlsxRead) {
    super('stop');
  }
}

export interface SheetContext {
  readonly strings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly limits: XlsxLimits;
}

/** `C17` → [17, 3]; `null` when it is no cell reference. */
export function cellAddress(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,10})$/.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}

/**
 * The cells of a sheet as records, row by row: each row's fields run from column A to its last
 * non-empty cell, with empty fields in the gaps, so a field's index is its column. Empty rows are
 * left out. Throws SheetStop past a limit, ZipError where the sheet is damaged.
 */
export function readSheet(bytes: Uint8Array, sheet: string, ctx: SheetContext): CsvRecord[] {
  const { limits } = ctx;
  const stop = (code: 'xlsx-sheet-too-large' | 'xlsx-too-many-cells', line: number, column: number, args = {}) =>
    new SheetStop({ error: 'limit', code, sheet, line, column, args });
  const records: CsvRecord[] = [];
  let row = 0;
  let fields: CsvField[] = [];
  let cells = 0;
  let cell: { row: number; column: number; t: string; s: number } | null = null;
  let value: string | undefined;
  let inValue = false;
  let inline: StringCollector | null = null;
  let ordered = true;

  const endRow = () => {
    if (fields.length > 0) {
      if (records.length > 0 && (records.at(-1)?.line ?? 0) >= row) ordered = false;
      records.push({ line: row, fields });
    }
    fields = [];
  };

  scanXml(bytes, {
    open(name, a) {
      if (cell !== null) {
        if (name === 'v') {
          inValue = true;
          value = '';
        } else if (name === 'is') inline = new StringCollector();
        else inline?.open(name);
        return;
      }
      if (name === 'dimension') {
        const [, last = ''] = (a.ref ?? '').split(':');
        const end = cellAddress(last || (a.ref ?? ''));
        if (end !== null && (end[0] > limits.rows || end[1] > limits.columns))
          throw stop('xlsx-sheet-too-large', 0, 0, {
            ref: shown(a.ref ?? ''),
            rows: limits.rows,
            columns: limits.columns,
          });
      } else if (name === 'row') {
        endRow();
        row = a.r !== undefined ? Number(a.r) : row + 1;
        if (!Number.isInteger(row) || row < 1) throw new ZipError(`bad row number ${shown(a.r ?? '')}`);
      } else if (name === 'c') {
        const at: [number, number] | null = a.r !== undefined ? cellAddress(a.r) : [row, fields.length + 1];
        if (at === null) throw new ZipError(`bad cell reference ${shown(a.r ?? '')}`);
        const [r, c] = at;
        if (r > limits.rows || c > limits.columns)
          throw stop('xlsx-sheet-too-large', r, c, {
            ref: `${columnLetters(c)}${r}`,
            rows: limits.rows,
            columns: limits.columns,
          });
        if (r !== row) {
          endRow();
          row = r;
        }
        cell = { row: r, column: c, t: a.t ?? 'n', s: Number(a.s ?? 0) };
        value = undefined;
      }
    },
    close(name) {
      if (cell === null) {
        if (name === 'row') endRow();
        return;
      }
      if (name === 'v') inValue = false;
      else if (name === 'is') return;
      else if (name === 'c') {
        const text = cellText(cell, value, inline, ctx);
        if (text !== '') place(cell.column, { text, line: cell.row, column: cell.column });
        cell = null;
        inline = null;
        inValue = false;
      } else inline?.close(name);
    },
    text(read) {
      if (cell === null) return;
      if (inValue) value = (value ?? '') + read();
      else inline?.text(read);
    },
  });
  endRow();

  function place(column: number, field: CsvField) {
    if (column <= fields.length) {
      fields[column - 1] = field;
      return;
    }
    cells += column - fields.length;
    if (cells > limits.cells) throw stop('xlsx-too-many-cells', field.line, column, { limit: limits.cells });
    while (fields.length < column - 1) fields.push({ text: '', line: field.line, column: fields.length + 1 });
    fields.push(field);
  }

  if (!ordered) records.sort((a, b) => a.line - b.line);
  return records;
}

type Cell = { readonly row: number; readonly column: number; readonly t: string; readonly s: number };

/** What a cell shows, as its CSV export would hold it: text trimmed, numbers in full, dates as dates, errors as `#N/A`. */
function cellText(cell: Cell, v: string | undefined, inline: StringCollector | null, ctx: SheetContext): string {
  const where = () => `${columnLetters(cell.column)}${cell.row}`;
  switch (cell.t) {
    case 's': {
      if (v === undefined || v.trim() === '') return '';
      const s = ctx.strings[Number(v)];
      if (s === undefined) throw new ZipError(`cell ${where()} refers to shared string ${shown(v)}, which is missing`);
      return s.trim();
    }
    case 'inlineStr':
      return inline ? inline.take().trim() : '';
    case 'str':
      return (v ?? '').trim();
    case 'e':
      return (v ?? '').trim();
    case 'b':
      return v === '1' ? 'true' : v === '0' ? 'false' : (v ?? '');
    case 'd':
      return v ? dateText(new Date(v)) : '';
    case 'n': {
      if (v === undefined || v.trim() === '') return '';
      const n = Number(v);
      if (Number.isNaN(n)) throw new ZipError(`cell ${where()} holds ${shown(v.slice(0, 20))}, which is no number`);
      return ctx.dateStyles[cell.s] === true ? dateText(excelDate(n, ctx.date1904)) : String(n);
    }
    default:
      throw new ZipError(`cell ${where()} has an unknown type ${shown(cell.t.slice(0, 20))}`);
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** An Excel serial date as a UTC Date (the 1900 system counts the day 1900-02-29 that never was). */
export const excelDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round(((date1904 ? serial + 1462 : serial) - 25569) * DAY));

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
