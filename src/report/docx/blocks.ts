import { Bookmark, HeadingLevel, Paragraph, type ParagraphChild, Table, TextRun } from 'docx';
import type { Block } from '../doc.js';
import { barsChart, radarChart } from './charts.js';
import { type Ctx, clean, runs } from './inline.js';
import { intervalsTable } from './intervals.js';
import { TWIPS_PER_POINT } from './look.js';
import { LIST, STYLE } from './styles.js';
import { tableOf } from './table.js';

const HEADING = { 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;

/** How a block's first paragraph starts: on a new page, or a little below a table (Word leaves no room). */
interface Start {
  readonly newPage: boolean;
  readonly afterTable: boolean;
}

const PLAIN: Start = { newPage: false, afterTable: false };

/**
 * The Doc's blocks as Word paragraphs and tables. Doc headings 2–4 are Word's Heading 1–3; a
 * heading's link (to a page of its own) is left out, since Word has no other files of the batch.
 * Each county starts on a new page; a profile is its chart, then its table.
 */
export function elements(list: readonly Block[], ctx: Ctx, start: Start = PLAIN): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  list.forEach((b, i) => {
    const base = i === 0 ? start : { newPage: false, afterTable: out.at(-1) instanceof Table };
    // Each county starts a page (the first of a document of counties alone goes under the title); a
    // heading that introduces the counties starts it instead, rather than end the page before.
    const newPage =
      b.kind === 'county'
        ? i === 0
          ? start.newPage
          : list[i - 1]?.kind !== 'h'
        : b.kind === 'h' && list[i + 1]?.kind === 'county'
          ? true
          : base.newPage;
    out.push(...element(b, ctx, { ...base, newPage }));
  });
  return out;
}

function element(b: Block, ctx: Ctx, start: Start): (Paragraph | Table)[] {
  const opening = { ...(start.newPage ? { pageBreakBefore: true } : {}), ...below(start) };
  switch (b.kind) {
    case 'h':
      return [heading(b.level, b.text, [b.id && ctx.bookmarks.get(b.id)], start.newPage)];
    case 'p':
      return [
        new Paragraph({
          ...(b.note || ctx.small ? { style: STYLE.note } : {}),
          ...opening,
          children: runs(b.content, ctx),
        }),
      ];
    case 'list': {
      const numbering = b.ordered
        ? { reference: LIST.ordered, level: 0, instance: ++ctx.lists.count }
        : { reference: LIST.bullet, level: 0 };
      return b.items.map(
        (item, i) =>
          new Paragraph({
            ...(ctx.small ? { style: STYLE.note } : {}),
            ...(i === 0 ? opening : {}),
            numbering,
            children: runs(item, ctx),
          }),
      );
    }
    case 'table':
      return [...(start.newPage ? [anchor(undefined, true)] : []), tableOf(b, ctx)];
    case 'radar':
      return [...(start.newPage ? [anchor(undefined, true)] : []), ...radarChart(b, ctx)];
    case 'bars':
      return [...(start.newPage ? [anchor(undefined, true)] : []), ...barsChart(b, ctx)];
    case 'intervals':
      return [...(start.newPage ? [anchor(undefined, true)] : []), ...intervalsTable(b, ctx)];
    case 'profile':
      return elements(b.blocks, ctx, start);
    case 'county': {
      const [first, ...rest] = b.blocks;
      const mark = ctx.bookmarks.get(b.id);
      // The county's bookmark goes on its heading, which starts the page; without one, on an empty paragraph.
      const head =
        first?.kind === 'h'
          ? [heading(first.level, first.text, [mark, first.id && ctx.bookmarks.get(first.id)], start.newPage)]
          : [
              ...(start.newPage || mark ? [anchor(mark, start.newPage)] : []),
              ...(first ? element(first, ctx, PLAIN) : []),
            ];
      return [...head, ...elements(rest, ctx, { newPage: false, afterTable: head.at(-1) instanceof Table })];
    }
  }
}

/** Room above a paragraph that follows a table. */
const below = (start: Start) => (start.afterTable ? { spacing: { before: 6 * TWIPS_PER_POINT } } : {});

/** A heading, inside the bookmarks of the anchors it stands for. */
function heading(level: 2 | 3 | 4, text: string, marks: (string | undefined)[], newPage: boolean): Paragraph {
  let child: ParagraphChild = new TextRun(clean(text));
  for (const id of new Set(marks)) if (id) child = new Bookmark({ id, children: [child] });
  return new Paragraph({ heading: HEADING[level], ...(newPage ? { pageBreakBefore: true } : {}), children: [child] });
}

/** An empty paragraph that starts a page (tables and charts cannot start one themselves) or holds a bookmark. */
const anchor = (bookmark: string | undefined, newPage: boolean): Paragraph =>
  new Paragraph({
    style: STYLE.note,
    ...(newPage ? { pageBreakBefore: true } : {}),
    children: bookmark === undefined ? [] : [new Bookmark({ id: bookmark, children: [] })],
  });
