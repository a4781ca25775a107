import type { Doc } from '../doc.js';

/**
 * The typography of a Word report: the fonts and sizes of each style, after the conventions of
 * Chinese official documents (GB/T 9704: 黑体 / 楷体 / 仿宋 headings, 仿宋 text at a fixed 28 pt
 * line) for Chinese, and of an ordinary English report for English. Chinese text keeps Chinese
 * fonts in both, since place names stay Chinese in English reports.
 */

/** A font for East Asian text beside one for Latin text and digits. */
export interface Font {
  readonly eastAsia: string;
  readonly latin: string;
}

export interface Look {
  /** The document's language (core properties, charts). */
  readonly language: string;
  /**
   * `w:lang` of all text: of Latin text, and of East Asian text. A Chinese report's Latin text is
   * codes and numbers (S6.3.1, 89.47), marked Chinese too: no English spelling marks under them,
   * and LibreOffice breaks a line of codes joined by 、 as Chinese text rather than as one word.
   */
  readonly lang: { readonly value: string; readonly eastAsia: string };
  readonly title: Font;
  /** Doc heading levels 2, 3 and 4 (Word's Heading 1–3). */
  readonly headings: readonly [Font, Font, Font];
  readonly body: Font;
  /** Tables, charts, the legend and the page number. */
  readonly table: Font;
  /** Sizes in points. */
  readonly size: {
    readonly title: number;
    readonly headings: readonly [number, number, number];
    readonly body: number;
    readonly table: number;
    readonly small: number;
    readonly note: number;
  };
  /** Body text's line spacing: a fixed height in points, or a multiple of single spacing. */
  readonly line: { readonly exact: number } | { readonly times: number };
  /** Only the lowest heading is bold: 黑体 and 楷体 are heavy enough as they are. */
  readonly boldHeadings: readonly [boolean, boolean, boolean];
  /** First-line indent of body paragraphs, in characters. */
  readonly indentChars: number;
}

const FANGSONG = '仿宋';
const KAITI = '楷体';
const HEITI = '黑体';
const SONGTI = '宋体';
const TIMES = 'Times New Roman';

const ZH: Look = {
  language: 'zh-CN',
  lang: { value: 'zh-CN', eastAsia: 'zh-CN' },
  title: { eastAsia: HEITI, latin: TIMES },
  headings: [
    { eastAsia: HEITI, latin: TIMES },
    { eastAsia: KAITI, latin: TIMES },
    { eastAsia: FANGSONG, latin: TIMES },
  ],
  body: { eastAsia: FANGSONG, latin: TIMES },
  table: { eastAsia: SONGTI, latin: TIMES },
  size: { title: 22, headings: [16, 16, 14], body: 14, table: 10.5, small: 9, note: 9 },
  line: { exact: 28 },
  boldHeadings: [false, false, true],
  indentChars: 2,
};

const EN: Look = {
  language: 'en-US',
  lang: { value: 'en-US', eastAsia: 'zh-CN' },
  title: { eastAsia: HEITI, latin: 'Cambria' },
  headings: [
    { eastAsia: HEITI, latin: 'Cambria' },
    { eastAsia: HEITI, latin: 'Cambria' },
    { eastAsia: SONGTI, latin: 'Calibri' },
  ],
  body: { eastAsia: SONGTI, latin: 'Calibri' },
  table: { eastAsia: SONGTI, latin: 'Calibri' },
  size: { title: 20, headings: [15, 13, 11.5], body: 11, table: 9.5, small: 8, note: 8.5 },
  line: { times: 1.2 },
  boldHeadings: [true, true, true],
  indentChars: 0,
};

export const lookOf = (lang: Doc['lang']): Look => (lang === 'en' ? EN : ZH);

/** `w:rFonts` for a font: East Asian text in one, Latin text and digits in the other. */
export const rFonts = (f: Font) => ({ ascii: f.latin, hAnsi: f.latin, cs: f.latin, eastAsia: f.eastAsia });

/** Colours (hex RGB without #): text greys, tones, the notice and the table lines. */
export const INK = {
  muted: '6B737C',
  pos: '1E7B34',
  neg: 'B03A2E',
  notice: '9A2A1F',
  noticeFill: 'FFF3E0',
  rule: '8C959F',
  headFill: 'E9EDF1',
} as const;

/** A4 in twips, and the margins of an official document (30 / 28 / 28 / 26 mm). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1701, bottom: 1587, left: 1587, right: 1474, header: 851, footer: 992 },
} as const;

/** The width of the text between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const TWIPS_PER_POINT = 20;
