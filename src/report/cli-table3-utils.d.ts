/** The helpers of cli-table3 that `text-table.ts` lays cells out with, so widths and colours match it exactly. */
declare module 'cli-table3/src/utils.js' {
  /** Display width: SGR colour codes stripped, East Asian wide characters 2 columns, the widest line. */
  export function strlen(text: string): number;
  /** Closes the colours open at each line's end and reopens them on the next. */
  export function colorizeLines(lines: string[]): string[];
}
