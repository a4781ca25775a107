import { oneLine } from '../model/visible.js';
import type { Frame } from './frame.js';
import { mdText } from './markdown.js';
import type { Paint } from './paint.js';

/**
 * The evaluation's notice (evaluation.yaml) as each human output carries it: a terminal table's
 * last line, a Markdown file's opening quote, a workbook's own sheet. Nothing when there is none.
 */

const label = (f: Frame): string => (f.lang === 'zh' ? '说明：' : 'Notice: ');

/** The last line of a terminal output (with its newline), or ''. */
export const noticeFooter = (f: Frame, style: Paint): string =>
  f.notice === null ? '' : `${style.yellow.bold(`${label(f)}${oneLine(f.notice)}`)}\n`;

/** The opening lines of a Markdown output (a quote, then a blank line), or ''. */
export const noticeBanner = (f: Frame): string =>
  f.notice === null ? '' : `> **${mdText(label(f))}**${mdText(f.notice)}\n\n`;

/** A workbook's notice sheet: its name and its one cell, or `null`. */
export const noticeSheet = (f: Frame): { readonly name: string; readonly text: string } | null =>
  f.notice === null ? null : { name: f.lang === 'zh' ? '说明' : 'Notice', text: f.notice };
