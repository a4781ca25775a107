import { oneLine } from '../model/visible.js';

export type Align = 'left' | 'right';

/**
 * What `mdText` changes: an HTML or Markdown character, an unsafe character (model/visible.ts;
 * here surrogates count even in pairs) or a leading colon. Most text has none and is kept as it is.
 */
const MD_CHANGED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  /[&<>\\`*_[\]#\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|^\s*:/;

/**
 * Text safe in Markdown (names come from user files): one line (a line break cannot start a
 * heading, a quote or a list of its own; control characters are visible escapes), HTML characters
 * as entities, and emphasis, code, link brackets and `#` escaped. Pipes are escaped where they
 * matter, in table cells (`markdownTable`); a line's start in `lineStart`.
 */
export const mdText = (s: string): string =>
  MD_CHANGED.test(s)
    ? oneLine(s)
        .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
        .replace(/([\\`*_[\]#])/g, '\\$1')
    : s;

/**
 * Markdown that starts a paragraph, a list item or a quote: a leading `- `, `+ ` or `1. ` (a list
 * of its own, or one nested in the item) escaped.
 */
export const lineStart = (md: string): string =>
  md.replace(/^([+-])(?=\s)/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');

/** A Markdown table; pipes and line breaks in cells are escaped so the table holds. */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const cell = (s: string) =>
    /[|\r\n\u2028\u2029]/.test(s) ? s.replace(/\|/g, '\\|').replace(/\r?\n|[\r\u2028\u2029]/g, ' ') : s;
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${head.map((_, i) => (align[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return `${[line(head), rule, ...rows.map(line)].join('\n')}\n`;
}

/** A Markdown table of plain text: every cell escaped with `mdText` first. */
export const markdownTextTable = (
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string =>
  markdownTable(
    head.map(mdText),
    rows.map((r) => r.map(mdText)),
    align,
  );
