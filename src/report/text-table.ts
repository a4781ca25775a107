/// <reference path="./cli-table3-utils.d.ts" />
import { colorizeLines, pad, strlen } from 'cli-table3/src/utils.js';

const PRINTABLE = /^[\x20-\x7e]*$/;

/** A column's alignment in a terminal table. */
export type TextAlign = 'left' | 'right';

/**
 * A boxed terminal table, exactly as cli-table3 draws it with
 * `{ head, colAligns, style: { head: [], border: [], compact: true } }` (a line under the head,
 * none between rows, cells padded by one space, multi-line cells, colours carried across lines),
 * in time linear in the number of cells: cli-table3 lays tables out in time quadratic in the
 * rows (20,000 rows take half a minute, 100,000 more than five). Every row has the head's cells.
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly TextAlign[]) {
  const n = head.length;
  const cells = (row: readonly string[]) =>
    Array.from({ length: n }, (_, i) => {
      const content = row[i] ?? '';
      // Printable ASCII (most cells: numbers, ids) is as wide as it is long and has no colours.
      if (PRINTABLE.test(content)) return { lines: [content], width: content.length + 2 };
      return { lines: colorizeLines(content.split('\n')), width: strlen(content) + 2 };
    });
  const laid = [cells(head), ...rows.map(cells)];
  const widths = Array.from({ length: n }, () => 1);
  for (const row of laid) for (let i = 0; i < n; i++) widths[i] = Math.max(widths[i] ?? 1, row[i]?.width ?? 0);
  const rule = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w)).join(mid)}${right}`;
  const out: string[] = [rule('┌', '┬', '┐')];
  laid.forEach((row, r) => {
    if (r === 1) out.push(rule('├', '┼', '┤'));
    const height = row.reduce((h, c) => Math.max(h, c.lines.length), 1);
    for (let l = 0; l < height; l++) {
      const parts = row.map((c, i) => {
        const w = widths[i] ?? 1;
        const line = c.lines[l];
        if (line === undefined) return ' '.repeat(w);
        if (!PRINTABLE.test(line)) return ` ${pad(line, w - 2, ' ', align[i] ?? 'left')} `;
        const fill = ' '.repeat(w - 2 - line.length);
        return align[i] === 'right' ? ` ${fill}${line} ` : ` ${line}${fill} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
