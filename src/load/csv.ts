import { Parser } from 'csv-parse';

/**
 * CSV through csv-parse, with every field's true line and column. Spreadsheets write CSV with
 * CRLF, LF or CR (mixed, even), quoted fields may hold line breaks, and every message must name
 * the line and column where a field starts (a CRLF inside quotes is one line, not two). csv-parse
 * splits the records; each record's raw text places it: a record starts on the line after the
 * previous record's last line, and its fields' columns follow from the raw text (in one sum when
 * the record has no quotes, the usual case). Bytes go in chunk by chunk, so a file is never one
 * string. Pure.
 */

export interface CsvField {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly CsvField[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: 'unclosed-quote' | 'stray-quote',
    readonly line: number,
    readonly column: number,
  ) {
    super(reason);
  }
}

/** The part of csv-parse's parser used here: its engine, fed bytes without a stream around it. */
interface ParseEngine {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (r: { record: string[]; raw: string } | string[]) => void,
    close: () => void,
  ): (Error & { code?: string; raw?: string }) | undefined;
}

const OPTIONS = {
  delimiter: ',',
  quote: '"',
  escape: '"',
  // Any of the three line breaks ends a record, whichever the file began with.
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  skip_empty_lines: false,
  bom: false,
};

/**
 * Reads CSV bytes (UTF-8) pushed chunk by chunk, returning the records each chunk completes.
 * Records holding one blank field (empty or blank lines) are passed over. Throws CsvSyntaxError
 * at a quote fault, where the field or the character is. `quotes: false` says the bytes hold no
 * quote: then every record is one line, its fields placed by their lengths, and csv-parse need
 * not keep each record's raw text.
 */
export class CsvReader {
  private readonly engine: ParseEngine;
  /** The line the next record starts on. */
  private line = 1;
  private out: CsvRecord[] = [];
  private readonly take: (r: { record: string[]; raw: string } | string[]) => void;

  constructor(quotes = true) {
    this.engine = (new Parser({ ...OPTIONS, raw: quotes }) as unknown as { api: ParseEngine }).api;
    this.take = quotes
      ? (r) => {
          const { record, raw } = r as { record: string[]; raw: string };
          const line = this.line;
          this.line += lineBreaks(raw);
          if (!blank(record))
            this.out.push({ line, fields: raw.includes('"') ? quoted(record, raw, line) : plain(record, line) });
        }
      : (r) => {
          const record = r as string[];
          const line = this.line++;
          if (!blank(record)) this.out.push({ line, fields: plain(record, line) });
        };
  }

  push(chunk: Uint8Array): CsvRecord[] {
    return this.run(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), false);
  }

  end(): CsvRecord[] {
    return this.run(undefined, true);
  }

  private run(chunk: Buffer | undefined, end: boolean): CsvRecord[] {
    const err = this.engine.parse(chunk, end, this.take, () => {});
    if (err !== undefined) throw fault(err.raw ?? '', this.line, err.code);
    const out = this.out;
    this.out = [];
    return out;
  }
}

/** Empty and blank lines: one blank field. */
const blank = (record: readonly string[]): boolean => record.length === 1 && record[0]?.trim() === '';

/** The records of a CSV text; blank lines are passed over. Throws CsvSyntaxError at the fault. */
export function* readCsv(text: string): Generator<CsvRecord> {
  const reader = new CsvReader(text.includes('"'));
  yield* reader.push(Buffer.from(text, 'utf8'));
  yield* reader.end();
}

/** Line breaks in a record's raw text: CR, LF and CRLF each count once. */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) n++;
  for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1)) if (raw.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** Fields of a record without quotes: on one line, each one comma past the last. */
function plain(record: readonly string[], line: number): CsvField[] {
  const fields: CsvField[] = new Array(record.length);
  let column = 1;
  for (let i = 0; i < record.length; i++) {
    const text = record[i] ?? '';
    fields[i] = { text, line, column };
    column += text.length + 1;
  }
  return fields;
}

/** Fields of a record with quotes, placed by walking its raw text. */
function quoted(record: readonly string[], raw: string, line: number): CsvField[] {
  const starts = walk(raw, line);
  if (starts instanceof CsvSyntaxError) throw starts;
  return record.map((text, i) => ({ text, ...(starts[i] ?? { line, column: 1 }) }));
}

interface Place {
  line: number;
  column: number;
}

/**
 * Where each field of a record's raw text starts, as RFC 4180 reads it: a field is quoted when it
 * starts with a quote, and a quoted field ends at a quote followed by a comma, a line break or
 * the end. The first quote fault instead: an unclosed quote where its field starts, a stray quote
 * (in an unquoted field, or anything but a comma or line break after a closing quote) where it is.
 * `end` is where the text stops, for a fault csv-parse found at its last character.
 */
function walk(raw: string, line: number, end?: { at: Place }): Place[] | CsvSyntaxError {
  const n = raw.length;
  const starts: Place[] = [];
  let i = 0;
  let lineStart = 0;
  const breakAt = (k: number): boolean => {
    const c = raw.charCodeAt(k);
    return c === 10 || (c === 13 && raw.charCodeAt(k + 1) !== 10);
  };
  for (;;) {
    const start = { line, column: i - lineStart + 1 };
    starts.push(start);
    if (raw.charCodeAt(i) === 34) {
      for (i++; ; i++) {
        const q = raw.indexOf('"', i);
        if (q < 0) return new CsvSyntaxError('unclosed-quote', start.line, start.column);
        for (let k = i; k < q; k++)
          if (breakAt(k)) {
            line++;
            lineStart = k + 1;
          }
        i = q + 1;
        if (raw.charCodeAt(i) !== 34) break;
      }
      const c = raw.charCodeAt(i);
      if (i < n && c !== 44 && c !== 10 && c !== 13) return new CsvSyntaxError('stray-quote', line, i - lineStart + 1);
    } else {
      for (let c = raw.charCodeAt(i); i < n && c !== 44 && c !== 10 && c !== 13; c = raw.charCodeAt(++i))
        if (c === 34) return new CsvSyntaxError('stray-quote', line, i - lineStart + 1);
    }
    if (i < n && raw.charCodeAt(i) === 44) {
      i++;
      continue;
    }
    if (end) end.at = { line, column: i - lineStart + 1 };
    return starts;
  }
}

/** A csv-parse error as the fault in the record read so far (`raw`, starting on `line`). */
function fault(raw: string, line: number, code: string | undefined): CsvSyntaxError {
  const end = { at: { line, column: 1 } };
  const found = walk(raw, line, end);
  if (found instanceof CsvSyntaxError) return found;
  // csv-parse stops at the character after a closing quote, before taking it into the record.
  return new CsvSyntaxError(
    code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed-quote' : 'stray-quote',
    end.at.line,
    end.at.column,
  );
}
