import { append } from '../model/arrays.js';
import { type Block, type Doc, type Inline, linkTarget } from './doc.js';
import { interval } from './format.js';
import { lineStart, markdownTable, mdText } from './markdown.js';

/** A report document as Markdown (links to other files of the batch kept, charts left out). */

function mdInline(x: Inline): string {
  if (typeof x === 'string') return mdText(x);
  // Anchors inside a Markdown file depend on the wiki: only links to other files are kept.
  if (x.link?.file) return `[${mdText(x.text)}](${linkTarget({ file: x.link.file }, '.md')})`;
  return mdText(x.text);
}

function mdBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'h':
        out.push(
          `${'#'.repeat(b.level)} ${mdText(b.text)}${b.link?.link.file ? ` · [${mdText(b.link.text)}](${linkTarget({ file: b.link.link.file }, '.md')})` : ''}`,
          '',
        );
        break;
      case 'p':
        out.push(lineStart(b.content.map(mdInline).join('')), '');
        break;
      case 'list':
        for (const [i, item] of b.items.entries())
          out.push(`${b.ordered ? `${i + 1}.` : '-'} ${lineStart(item.map(mdInline).join(''))}`);
        out.push('');
        break;
      case 'table':
        out.push(
          markdownTable(
            b.head.map(mdText),
            b.rows.map((r) => r.cells.map(mdInline)),
            b.align,
          ),
        );
        break;
      case 'intervals':
        // No chart in Markdown: the numbers it draws, as a compact table.
        out.push(markdownTable(b.head.map(mdText), intervalCells(b), ['right', 'left', 'right', 'right']));
        break;
      case 'radar':
      case 'bars':
        // A chart's numbers are in the tables beside it.
        break;
      case 'profile':
      case 'county':
        append(out, mdBlocks(b.blocks));
        break;
    }
  }
  return out;
}

/** The rows of a chart of rank intervals: rank, county, median, interval. */
export const intervalCells = (b: Extract<Block, { kind: 'intervals' }>): string[][] =>
  b.rows.map((r) => [String(r.rank), mdText(r.label), String(r.median), interval(r.low, r.high)]);

export function renderMarkdown(doc: Doc): string {
  const head = [`# ${mdText(doc.title)}`, ''];
  if (doc.back?.link.file)
    head.push(`[${mdText(doc.back.text)}](${linkTarget({ file: doc.back.link.file }, '.md')})`, '');
  if (doc.notice) head.push(`> ${lineStart(mdText(doc.notice))}`, '');
  const colon = doc.lang === 'zh' ? '：' : ': ';
  for (const f of doc.facts) head.push(`- **${mdText(f.label)}**${colon}${mdText(f.value)}`);
  head.push('');
  const text = [...head, ...mdBlocks(doc.blocks), '---', '', ...mdBlocks(doc.footer)].join('\n');
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
