import {
  AlignmentType,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Block, Inline } from '../doc.js';
import { type Ctx, plain, runs } from './inline.js';
import { INK, TEXT_WIDTH, TWIPS_PER_POINT } from './look.js';
import { STYLE } from './styles.js';
import { columnWidths, narrowestColumns } from './widths.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** Left and right cell margins together, in twips (as the table style has them). */
const PAD = 2 * 85 + 20;

/**
 * A table as a real Word table: the heading row bold on a light ground and repeated on every
 * page, no row split across pages, numbers aligned as the Doc says, muted rows grey, and column
 * widths worked out from the text so that the table fits the page (in smaller type if need be).
 */
export function tableOf(b: TableBlock, ctx: Ctx): Table {
  const cells = [b.head, ...b.rows.map((r) => r.cells.map(plain))];
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  // A table too wide for the page in table type is set in small type.
  const fits = sum(narrowestColumns(cells, ctx.look.size.table * TWIPS_PER_POINT, PAD)) <= TEXT_WIDTH;
  const size = ctx.small || !fits ? ctx.look.size.small : ctx.look.size.table;
  const widths = columnWidths(cells, TEXT_WIDTH, size * TWIPS_PER_POINT, PAD);
  const align = (i: number) => (b.align[i] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (i: number, children: ParagraphChild[], head: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: INK.headFill } } : {}),
      children: [new Paragraph({ style: STYLE.tableText, alignment: align(i), children })],
    });
  const run = { size: size * 2 };
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.head.map((text, i) => cell(i, runs([text], ctx, { ...run, bold: true }), true)),
  });
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: b.head.map((_, i) => {
          const content: Inline[] = [r.cells[i] ?? ''];
          const look = r.muted ? { ...run, color: INK.muted } : r.strong ? { ...run, bold: true } : run;
          return cell(i, runs(content, ctx, look), false);
        }),
      }),
  );
  return new Table({
    style: STYLE.table,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [head, ...rows],
  });
}
