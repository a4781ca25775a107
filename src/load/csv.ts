/**
 * A small RFC 4180 reader that knows where every field starts. Spreadsheets write CSV with
 * CRLF or LF, quoted fields may hold line breaks, and every message must name the true line and
 * column, so the reader tracks positions itself (a CRLF inside quotes is one line, not two).
 * Records are yielded one at a time. Pure.
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

/** Yields the records of `text`; blank lines are passed over. Throws CsvSyntaxError at the fault. */
export function* readCsv(text: string): Generator<CsvRecord> {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const newline = (at: number): number => {
    // Returns the length of the line break at `at` (0 if none), counting CRLF once.
    const c = text.charCodeAt(at);
    if (c === 10) return 1;
    if (c === 13) return text.charCodeAt(at + 1) === 10 ? 2 : 1;
    return 0;
  };
  while (i < n) {
    const recordLine = line;
    const fields: CsvField[] = [];
    for (;;) {
      const fieldLine = line;
      const fieldColumn = i - lineStart + 1;
      let value = '';
      if (text.charCodeAt(i) === 34 /* " */) {
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) throw new CsvSyntaxError('unclosed-quote', fieldLine, fieldColumn);
          const chunk = text.slice(i, quote);
          value += chunk;
          for (let k = 0; k < chunk.length; k++) {
            const nl = newline(i + k);
            if (nl > 0) {
              k += nl - 1;
              line++;
              lineStart = i + k + 1;
            }
          }
          i = quote + 1;
          if (text.charCodeAt(i) !== 34) break;
          value += '"';
          i++;
        }
        if (i < n && text.charCodeAt(i) !== 44 && newline(i) === 0)
          throw new CsvSyntaxError('stray-quote', line, i - lineStart + 1);
      } else {
        const start = i;
        while (i < n && text.charCodeAt(i) !== 44 && newline(i) === 0) {
          if (text.charCodeAt(i) === 34) throw new CsvSyntaxError('stray-quote', line, i - lineStart + 1);
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push({ text: value, line: fieldLine, column: fieldColumn });
      if (i < n && text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      const nl = newline(i);
      i += nl;
      if (nl > 0) {
        line++;
        lineStart = i;
      }
      break;
    }
    if (!(fields.length === 1 && fields[0]?.text.trim() === '')) yield { line: recordLine, fields };
  }
}
