import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LevelFormat,
  LineRuleType,
  ShadingType,
} from 'docx';
import { type Font, INK, type Look, rFonts, TWIPS_PER_POINT } from './look.js';

/**
 * The report's styles, as real Word styles the reader can change: Title, Heading 1–3 (the Doc's
 * levels 2–4, so that the navigation pane shows them), Normal, and styles of our own for the
 * opening lines, the notice, notes, table text, charts and their legends, plus a table style
 * for the lines of every table. Built-in styles keep Word's own names, so that Word shows them
 * in its language; ours are named in the report's.
 */

export const STYLE = {
  facts: 'Facts',
  notice: 'Notice',
  note: 'Note',
  tableText: 'TableText',
  chart: 'Chart',
  legend: 'Legend',
  pageNumber: 'PageNumber',
  table: 'ReportTable',
} as const;

/** The numbering definitions lists refer to. */
export const LIST = { ordered: 'fazhi-ordered', bullet: 'fazhi-bullet' } as const;

const half = (pt: number): number => Math.round(pt * 2);
const twips = (pt: number): number => Math.round(pt * TWIPS_PER_POINT);

const run = (font: Font, size: number, extra: { bold?: boolean; color?: string } = {}) => ({
  font: rFonts(font),
  size: half(size),
  ...extra,
});

/** Single spacing: for paragraphs holding a chart, which a fixed line height would cut off. */
const single = { line: 240, lineRule: LineRuleType.AUTO };

function bodySpacing(look: Look) {
  return 'exact' in look.line
    ? { line: twips(look.line.exact), lineRule: LineRuleType.EXACT }
    : { line: Math.round(240 * look.line.times), lineRule: LineRuleType.AUTO };
}

export function stylesOf(look: Look, lang: 'zh' | 'en'): IStylesOptions {
  const zh = lang === 'zh';
  const [h1, h2, h3] = look.headings;
  const [s1, s2, s3] = look.size.headings;
  const [b1, b2, b3] = look.boldHeadings;
  const heading = (id: string, level: number, font: Font, size: number, bold: boolean): IParagraphStyleOptions => ({
    id,
    name: `heading ${level + 1}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: run(font, size, { bold }),
    paragraph: {
      outlineLevel: level,
      keepNext: true,
      keepLines: true,
      indent: { firstLine: 0 },
      spacing: { before: twips(level === 0 ? 12 : 8), after: twips(level === 0 ? 6 : 4), ...single },
    },
  });
  const small = (id: string, name: string, size: number, color?: string): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: run(look.table, size, color === undefined ? {} : { color }),
    paragraph: { indent: { firstLine: 0 }, spacing: { before: 0, after: twips(3), ...single } },
  });
  return {
    default: {
      document: { run: { ...run(look.body, look.size.body), language: look.lang } },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: run(look.body, look.size.body),
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: Math.round(look.indentChars * twips(look.size.body)) },
          spacing: { before: 0, after: zh ? 0 : twips(6), ...bodySpacing(look) },
        },
      },
      {
        id: 'Title',
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: run(look.title, look.size.title),
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: { firstLine: 0 },
          spacing: { before: twips(6), after: twips(18), ...single },
        },
      },
      heading('Heading1', 0, h1, s1, b1),
      heading('Heading2', 1, h2, s2, b2),
      heading('Heading3', 2, h3, s3, b3),
      {
        id: STYLE.facts,
        name: zh ? '报告信息' : 'Report facts',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 } },
      },
      {
        id: STYLE.notice,
        name: zh ? '重要提示' : 'Notice',
        basedOn: 'Normal',
        next: STYLE.facts,
        quickFormat: true,
        run: run(look.headings[0], look.size.body, { color: INK.notice }),
        paragraph: {
          alignment: AlignmentType.LEFT,
          indent: { firstLine: 0, left: 113, right: 113 },
          spacing: { before: twips(6), after: twips(12), ...single },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: INK.noticeFill },
          border: Object.fromEntries(
            (['top', 'bottom', 'left', 'right'] as const).map((side) => [
              side,
              { style: BorderStyle.SINGLE, size: 12, space: 4, color: INK.notice },
            ]),
          ),
        },
      },
      small(STYLE.note, zh ? '说明' : 'Note', look.size.note, INK.muted),
      small(STYLE.tableText, zh ? '表格文字' : 'Table text', look.size.table),
      {
        ...small(STYLE.chart, zh ? '图表' : 'Chart', look.size.table),
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: { firstLine: 0 },
          spacing: { before: twips(6), after: 0, ...single },
        },
      },
      {
        ...small(STYLE.legend, zh ? '图例' : 'Chart legend', look.size.small),
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: { firstLine: 0 },
          spacing: { before: twips(2), after: twips(8), ...single },
        },
      },
      {
        ...small(STYLE.pageNumber, zh ? '页码' : 'Page number', zh ? 14 : 10),
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: single },
      },
    ],
  };
}

/**
 * The table style: thin lines around and between all cells, and small cell margins. docx has no
 * options for table styles (and its `importedStyles` would drop its default ones), so this is XML
 * added to word/styles.xml when the package is finished.
 */
export function tableStyleXml(lang: 'zh' | 'en'): string {
  const name = lang === 'zh' ? '报告表格' : 'Report table';
  const line = `w:val="single" w:sz="4" w:space="0" w:color="${INK.rule}"`;
  const sides = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} ${line}/>`).join('');
  return [
    `<w:style w:type="table" w:customStyle="1" w:styleId="${STYLE.table}">`,
    `<w:name w:val="${name}"/>`,
    '<w:basedOn w:val="TableNormal"/>',
    '<w:uiPriority w:val="59"/>',
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr>',
    '<w:tblPr>',
    `<w:tblBorders>${sides}</w:tblBorders>`,
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
    '</w:tblPr>',
    '</w:style>',
  ].join('');
}

/** Numbered lists (1. 2. 3.) and bulleted ones, indented by the same hanging indent. */
export function numberingOf(look: Look): INumberingOptions {
  const unit = twips(look.size.body);
  const paragraph = { indent: { left: unit * 3, hanging: Math.round(unit * 1.5) } };
  return {
    config: [
      {
        reference: LIST.ordered,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            alignment: AlignmentType.LEFT,
            style: { paragraph, run: { font: rFonts({ eastAsia: look.body.latin, latin: look.body.latin }) } },
          },
        ],
      },
      {
        reference: LIST.bullet,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '\u2022',
            alignment: AlignmentType.LEFT,
            style: { paragraph, run: { font: rFonts({ eastAsia: look.body.latin, latin: look.body.latin }) } },
          },
        ],
      },
    ],
  };
}
