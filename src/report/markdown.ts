export type Align = 'left' | 'right';

/** Text safe in Markdown: HTML characters as entities, emphasis and link brackets escaped (names come from user files). */
export const mdText = (s: string): string =>
  s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;')).replace(/([\\`*_[\]])/g, '\\$1');

/** A Markdown table; pipes and line breaks in cells are escaped so the table holds. */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
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
