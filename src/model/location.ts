/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where a cell is: `file:line:column`, or `file.xlsx!Sheet!C17` for a spreadsheet (whose file name carries the sheet). */
export function cellRef(file: string, line: number, column: number): string {
  if (line <= 0) return file;
  return /\.xlsx!/i.test(file) ? `${file}!${columnLetters(column)}${line}` : `${file}:${line}:${column}`;
}

/** Where an evidence value came from, as reports show it: `file:line`, or `file.xlsx!Sheet!C17`. */
export const evidenceRef = (file: string, line: number, column: number): string =>
  /\.xlsx!/i.test(file) ? cellRef(file, line, column) : `${file}:${line}`;
