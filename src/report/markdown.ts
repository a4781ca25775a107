export type Align = 'left' | 'right';

/** A Markdown table; pipes and line breaks in cells are escaped so the table holds. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${head.map((_, i) => (align[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return `${[line(head), rule, ...rows.map(line)].join('\n')}\n`;
}
