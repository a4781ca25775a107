import { maxOf } from '../../model/arrays.js';

/**
 * Column widths for a table that has to fit the page, worked out from its text as a browser's
 * automatic table layout does: every column gets at least its narrowest sensible width (its
 * longest word, four Chinese characters, half its heading), and the rest of the page is shared
 * out in proportion to how much more each column would like. Word, WPS and LibreOffice then lay
 * out the same grid (a fixed layout), so that no Chinese column is squeezed to a character a line.
 */

/** Wide characters (CJK, full-width forms) take a whole em; Latin letters and digits about half. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Width of a text in ems, on one line. */
export function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 1 : ch === ' ' ? 0.25 : 0.55;
  return w;
}

/** Latin words and numbers do not break; this many ems of one are enough (longer ones wrap anyway). */
const LONGEST_WORD = 9;
/** A Chinese text keeps at least this many characters a line. */
const MIN_WIDE = 4;

const WIDE_RUNS = new RegExp(`(${WIDE.source}+)`, 'u');

/** A Chinese heading this long or shorter stays on one line; a longer one may take two. */
const SHORT_HEAD = 4;

/** The narrowest width a cell's text reads well in, in ems. */
export function narrowest(text: string, head: boolean): number {
  const n = [...text].length;
  if (head && WIDE.test(text)) return n <= SHORT_HEAD ? ems(text) : Math.min(ems(text), Math.ceil(n / 2) + 0.5);
  let min = 0;
  for (const word of text.match(/[^\s]+/g) ?? []) {
    for (const piece of word.split(WIDE_RUNS)) {
      if (piece === '') continue;
      const w = WIDE.test(piece) ? Math.min(ems(piece), MIN_WIDE) : Math.min(ems(piece), LONGEST_WORD);
      min = Math.max(min, w);
    }
  }
  return min;
}

/** The narrowest each column can be, in twips (`cells`, `em` and `pad` as for `columnWidths`). */
export function narrowestColumns(cells: readonly (readonly string[])[], em: number, pad: number): number[] {
  const n = cells[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => maxOf(cells.map((row, r) => narrowest(row[i] ?? '', r === 0) * em + pad)));
}

/**
 * Widths of the columns in twips, adding up to `total`. `cells` holds the heading row first, then
 * the rows; `em` is the font size in twips and `pad` a cell's left and right margins together.
 */
export function columnWidths(cells: readonly (readonly string[])[], total: number, em: number, pad: number): number[] {
  const n = cells[0]?.length ?? 0;
  const min = narrowestColumns(cells, em, pad);
  const max = Array.from({ length: n }, (_, i) => maxOf(cells.map((row) => ems(row[i] ?? '') * em + pad)));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(max) <= total) {
    // Everything fits on one line: share the spare room in proportion to the widths.
    widths = max.map((w) => w + ((total - sum(max)) * w) / sum(max));
  } else if (sum(min) >= total) {
    widths = min.map((w) => (w * total) / sum(min));
  } else {
    const wish = max.map((w, i) => w - (min[i] ?? 0));
    widths = min.map((w, i) => w + ((total - sum(min)) * (wish[i] ?? 0)) / sum(wish));
  }
  const rounded = widths.map((w) => Math.floor(w));
  // The rounding's remainder goes to the widest column, so that the sum is exact.
  const widest = rounded.indexOf(maxOf(rounded));
  rounded[widest] = (rounded[widest] ?? 0) + total - sum(rounded);
  return rounded;
}
