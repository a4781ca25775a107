const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type SheetCell = string | number | boolean | null | undefined;
export type SheetRows = readonly (readonly SheetCell[])[];

/** Text a spreadsheet would take for a formula gets a leading `'` (CLI.md), in CSV and xlsx alike. */
export function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell. Text a spreadsheet would take for a formula (starting with = + - @, tab or CR,
 * other than a plain number) gets a leading `'` (CLI.md); quotes, commas, line breaks and a leading
 * `:` are quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = defuse(String(value)).replace(COMMAND_LINE, "$1'$2");
  return /[",\r\n]|^[^\S\r\n]*:/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A line inside a cell (after a line break) that starts with `:`: a CI runner reading the CSV on
 * stdout would obey `::…` there, so it gets a leading `'` as a formula does. A cell that starts
 * with `:` is quoted instead, so that its line starts with `"`.
 */
const COMMAND_LINE = /(\r\n|[\r\n\u2028\u2029])([^\S\r\n\u2028\u2029]*:)/g;

/** Rows as CSV text with CRLF line ends and a UTF-8 BOM, so Excel on Chinese Windows opens it right. */
export function csvText(rows: SheetRows): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
