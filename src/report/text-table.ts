/// <reference path="./cli-table3-utils.d.ts" />
import { colorizeLines, strlen } from 'cli-table3/src/utils.js';

/** A column's alignment in a terminal table. */
export type TextAlign = 'left' | 'right';

/** A cell laid out: its lines (colours reopened on each), each line's width, and its own width padded. */
interface Laid {
  readonly lines: readonly string[];
  readonly widths: readonly number[];
  readonly width: number;
}

const PRINTABLE = /^[\x20-\x7e]*$/;

/** Cells met before: names, needed words and notes repeat in every county's table. Bounded. */
const seen = new Map<string, Laid>();

function lay(content: string): Laid {
  // Printable ASCII (most cells: numbers, ids) is as wide as it is long and has no colours.
  if (PRINTABLE.test(content)) return { lines: [content], widths: [content.length], width: content.length + 2 };
  const known = seen.get(content);
  if (known !== undefined) return known;
  const lines = colorizeLines(content.split('\n'));
  const laid = { lines, widths: lines.map((l) => strlen(l)), width: strlen(content) + 2 };
  if (seen.size >= 20_000) seen.clear();
  seen.set(content, laid);
  return laid;
}

/**
 * A boxed terminal table, exactly as cli-table3 draws it with
 * `{ head, colAligns, style: { head: [], border: [], compact: true } }` (a line under the head,
 * none between rows, cells padded by one space, multi-line cells, colours carried across lines,
 * widths as cli-table3 measures them), in time linear in the number of cells: cli-table3 lays
 * tables out in time quadratic in the rows (20,000 rows took half a minute, 100,000 more than
 * five). Every row has the head's cells.
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly TextAlign[]) {
  const n = head.length;
  const cells = (row: readonly string[]) => Array.from({ length: n }, (_, i) => lay(row[i] ?? ''));
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
        const fill = ' '.repeat(w - 2 - (c.widths[l] ?? 0));
        return align[i] === 'right' ? ` ${fill}${line} ` : ` ${line}${fill} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
