import { Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { Doc } from '../doc.js';
import { elements } from './blocks.js';
import { fontsOf, fontTableXml } from './fonts.js';
import { bookmarksOf, type Ctx, clean } from './inline.js';
import { lookOf, PAGE } from './look.js';
import { finish } from './package.js';
import { numberingOf, STYLE, stylesOf, tableStyleXml } from './styles.js';

/**
 * A report as a Word document (.docx) for officials who forward and edit it in Word or WPS: A4
 * with an official document's margins and fonts, real styles and headings, tables whose heading
 * row repeats on every page, native charts, page numbers in the footer, and the provenance at the
 * end in small type. Nothing is fetched, and the same Doc always gives the same bytes.
 */
export async function renderDocx(doc: Doc, generator: string): Promise<Uint8Array> {
  const look = lookOf(doc.lang);
  const ctx: Ctx = {
    look,
    lang: doc.lang,
    bookmarks: bookmarksOf([...doc.blocks, ...doc.footer]),
    small: false,
    lists: { count: 0 },
  };
  const document = new Document({
    title: clean(doc.title),
    creator: clean(generator),
    lastModifiedBy: clean(generator),
    styles: stylesOf(look, doc.lang),
    numbering: numberingOf(look),
    theme: {
      fonts: {
        headings: { latin: look.headings[0].latin, eastAsia: look.headings[0].eastAsia },
        // Charts' text is in the theme's body font.
        body: { latin: look.table.latin, eastAsia: look.table.eastAsia },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: PAGE.margin,
          },
        },
        footers: { default: new Footer({ children: [pageNumber(doc.lang)] }) },
        children: [...opening(doc), ...elements(doc.blocks, ctx), ...elements(doc.footer, { ...ctx, small: true })],
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  return finish(bytes, {
    lang: look.language,
    date: doc.date,
    fontTable: fontTableXml(fontsOf(look)),
    styles: tableStyleXml(doc.lang),
  });
}

/**
 * The title, the notice right under it (it often says the data are made up: it must not be
 * missed), then the opening lines (label：value, the date among them). The link back to another file of
 * the batch is left out.
 */
function opening(doc: Doc): Paragraph[] {
  const colon = doc.lang === 'en' ? ': ' : '：';
  const out = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(doc.title))] })];
  if (doc.notice) out.push(new Paragraph({ style: STYLE.notice, children: [new TextRun(clean(doc.notice))] }));
  for (const f of doc.facts)
    out.push(
      new Paragraph({
        style: STYLE.facts,
        children: [
          ...(f.label ? [new TextRun({ text: clean(`${f.label}${colon}`), bold: true })] : []),
          new TextRun(clean(f.value)),
        ],
      }),
    );
  return out;
}

/** Centred page numbers: — 3 — as Chinese official documents have them, or Page 3 of 9. */
function pageNumber(lang: Doc['lang']): Paragraph {
  const children =
    lang === 'en' ? ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] : ['— ', PageNumber.CURRENT, ' —'];
  return new Paragraph({ style: STYLE.pageNumber, children: [new TextRun({ children })] });
}
