import { Paragraph, type Table, TextRun } from 'docx';
import type { Block } from '../doc.js';
import { interval } from '../format.js';
import { type Ctx, clean } from './inline.js';
import { STYLE } from './styles.js';
import { tableOf } from './table.js';

type IntervalsBlock = Extract<Block, { kind: 'intervals' }>;

/**
 * Rank intervals in Word: the chart's title, then its numbers as a compact table (rank, county,
 * median rank, interval), the heading row repeated on every page. Word's charts have no form of
 * a dot with a bar across a rank axis that reads well for fifty counties, so the table stands in.
 */
export function intervalsTable(b: IntervalsBlock, ctx: Ctx): (Paragraph | Table)[] {
  if (b.rows.length === 0) return [];
  const title = new Paragraph({
    style: STYLE.legend,
    keepNext: true,
    children: [new TextRun({ text: clean(b.title), bold: true })],
  });
  const table = tableOf(
    {
      kind: 'table',
      head: b.head,
      align: ['right', 'left', 'right', 'right'],
      rows: b.rows.map((r) => ({
        cells: [String(r.rank), r.label, String(r.median), interval(r.low, r.high)],
      })),
    },
    ctx,
  );
  return [title, table];
}
