import type { ScorecardRow } from '../analyze/scorecard.js';
import type { Lang } from '../i18n/lang.js';
import { words } from '../i18n/phrases.js';
import { ui } from '../i18n/ui.js';
import { num } from '../model/number.js';
import { fixed } from './format.js';

/** The cells of a score sheet as people read them: points or what stands instead, values, places, reasons. */

/** A row's points, or what it is instead (不适用, 合理缺项, 仅报告, 不计入). */
export const pointsCell = (r: ScorecardRow, precision: number, lang: Lang): string =>
  r.score === null ? (ui(lang).scorecard.status[r.status] ?? '—') : fixed(r.score, precision);

/** Why a row lost points, or what a row that does not count rests on (案件不足 3 件，合理缺项). */
export const reasonText = (r: ScorecardRow, lang: Lang): string =>
  r.reason !== null ? words(r.reason, lang) : r.remark !== null ? words(r.remark, lang) : '';

/** A value with its source, note and place in one cell: `2/2；县法院；只有两件（第 16 行）`. */
export function evidenceText(
  value: string,
  source: string | null,
  note: string | null,
  place: string,
  lang: Lang,
): string {
  const given =
    [value, source, note].filter((x) => x !== null && x !== '').join(lang === 'zh' ? '；' : '; ') ||
    (place === '' ? '' : ui(lang).scorecard.blank);
  if (place === '') return given;
  return lang === 'zh' ? `${given}（${place}）` : `${given} (${place})`;
}

/** A value as given; one combined from several assessors says from which: `25.5（甲组 24，乙组 27 的平均数）`. */
export function valueText(
  value: string | null,
  assessors: Readonly<Record<string, number>> | null,
  combine: 'mean' | 'median',
  lang: Lang,
): string {
  if (value === null) return '';
  const parts = Object.entries(assessors ?? {}).map(([by, x]) => [by === '' ? '—' : by, num(x)] as const);
  return parts.length < 2 ? value : ui(lang).scorecard.combined(value, parts, combine);
}

/** Where a value is: its file, and in it a line (CSV) or a sheet's cell (`Sheet1!C17`). */
function placeOf(at: string): { readonly file: string; readonly line: string | null; readonly cell: string | null } {
  const xlsx = /^(.*\.xlsx)!(.*)$/i.exec(at);
  if (xlsx) return { file: xlsx[1] ?? '', line: null, cell: xlsx[2] ?? '' };
  const colon = at.lastIndexOf(':');
  return colon < 0
    ? { file: at, line: null, cell: null }
    : { file: at.slice(0, colon), line: at.slice(colon + 1), cell: null };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * How a county's sheet names places: the file most of its values come from once (`main`, by its
 * name), then in each row its line (第 630 行) or cell; a value from another file by that file's
 * name and line (`b-wide.csv:2`). The files' full paths are listed at the end of the document.
 */
export function placesOf(ats: readonly (string | null)[], lang: Lang) {
  const counts = new Map<string, number>();
  for (const at of ats) if (at !== null) counts.set(placeOf(at).file, (counts.get(placeOf(at).file) ?? 0) + 1);
  let main: string | null = null;
  for (const [file, n] of counts) if (main === null || n > (counts.get(main) ?? 0)) main = file;
  const t = ui(lang).scorecard;
  return {
    main: main === null ? null : baseName(main),
    cell: (at: string | null): string => {
      if (at === null) return '';
      const x = placeOf(at);
      if (x.file === main) return x.line !== null ? t.line(x.line) : (x.cell ?? '');
      return `${baseName(x.file)}${x.line !== null ? `:${x.line}` : x.cell !== null ? `!${x.cell}` : ''}`;
    },
  };
}
