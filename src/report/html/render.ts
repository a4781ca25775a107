import { reportWords } from '../../i18n/report-words.js';
import type { Block, Doc, Inline, Row } from '../doc.js';
import { linkTarget } from '../doc.js';
import { barsSvg } from './bars.js';
import { esc } from './escape.js';
import { intervalsSvg } from './intervals.js';
import { radarSvg, type Series } from './radar.js';
import { CSS } from './style.js';

/**
 * A report as one self-contained HTML file: the style sheet inline, charts as inline SVG, no
 * script, and a Content-Security-Policy that forbids fetching anything, so that the file shows
 * the same offline, from a mail attachment or on an intranet. Every text is escaped.
 */
export function renderHtml(doc: Doc, generator: string): string {
  const w = reportWords(doc.lang);
  const head = [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="generator" content="${esc(generator)}">`,
    `<title>${esc(doc.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header class="top">',
  ];
  if (doc.back)
    head.push(`<nav class="back"><a href="${esc(linkTarget(doc.back.link, '.html'))}">${esc(doc.back.text)}</a></nav>`);
  head.push(`<h1>${esc(doc.title)}</h1>`);
  if (doc.notice) head.push(`<p class="notice" role="note">${esc(doc.notice)}</p>`);
  if (doc.facts.length > 0)
    head.push(
      `<dl class="facts">${doc.facts.map((f) => `<div><dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd></div>`).join('')}</dl>`,
    );
  const toc = doc.blocks.flatMap((b) =>
    b.kind === 'h' && b.level === 2 && b.id !== undefined ? [{ id: b.id, text: b.text }] : [],
  );
  if (toc.length > 1)
    head.push(
      `<nav class="toc" aria-label="${esc(w.text.contents)}"><ol>${toc.map((b) => `<li><a href="#${esc(encodeURIComponent(b.id))}">${esc(b.text)}</a></li>`).join('')}</ol></nav>`,
    );
  head.push('</header>', '<main>');
  const out = head;
  blocks(doc.blocks, out);
  out.push('</main>', '<footer>');
  blocks(doc.footer, out);
  out.push('</footer>', '</body>', '</html>', '');
  return out.join('\n');
}

function inline(x: Inline): string {
  if (typeof x === 'string') return esc(x);
  const text = esc(x.text);
  const toned = x.tone ? `<span class="${x.tone}">${text}</span>` : text;
  return x.link ? `<a href="${esc(linkTarget(x.link, '.html'))}">${toned}</a>` : toned;
}

const rowClass = (r: Row): string => (r.muted ? ' class="muted"' : r.strong ? ' class="strong"' : '');

/** A table row on one line, each cell as `<td>` (`class="num"` where the column is right-aligned), joined at once. */
const row = (r: Row, numeric: readonly boolean[]): string =>
  `<tr${rowClass(r)}>${r.cells.map((c, i) => `${numeric[i] ? '<td class="num">' : '<td>'}${inline(c)}</td>`).join('')}</tr>`;

/** Appends the blocks' lines to `out`. */
function blocks(list: readonly Block[], out: string[]): void {
  for (const b of list) {
    switch (b.kind) {
      case 'h': {
        const id = b.id === undefined ? '' : ` id="${esc(b.id)}"`;
        const link = b.link
          ? ` <small><a href="${esc(linkTarget(b.link.link, '.html'))}">${esc(b.link.text)}</a></small>`
          : '';
        out.push(`<h${b.level}${id}>${esc(b.text)}${link}</h${b.level}>`);
        break;
      }
      case 'p':
        out.push(`<p${b.note ? ' class="note"' : ''}>${b.content.map(inline).join('')}</p>`);
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        out.push(`<${tag}>${b.items.map((i) => `<li>${i.map(inline).join('')}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'table': {
        const numeric = b.align.map((a) => a === 'right');
        const cls = (i: number) => (numeric[i] ? ' class="num"' : '');
        out.push(
          '<table>',
          `<thead><tr>${b.head.map((x, i) => `<th${cls(i)}>${esc(x)}</th>`).join('')}</tr></thead>`,
          '<tbody>',
        );
        for (const r of b.rows) out.push(row(r, numeric));
        out.push('</tbody>', '</table>');
        break;
      }
      case 'bars':
        out.push(
          '<figure class="ranking">',
          `<figcaption class="title">${esc(b.title)}</figcaption>`,
          barsSvg(b),
          '</figure>',
        );
        break;
      case 'intervals':
        // Style inline: the style sheet (in every report) stays as it is without --sensitivity.
        out.push(
          '<figure class="intervals" style="margin: 0.6em 0 1em">',
          `<figcaption class="title">${esc(b.title)}</figcaption>`,
          intervalsSvg(b),
          '</figure>',
        );
        break;
      case 'radar': {
        const series: Series[] = b.county
          ? [
              { label: b.mean.label, values: b.mean.values, kind: 'mean' },
              { label: b.county.label, values: b.county.values, kind: 'county' },
            ]
          : [{ label: b.mean.label, values: b.mean.values, kind: 'county' }];
        const legend = b.county
          ? `<span class="key county"></span>${esc(b.county.label)}<span class="key mean"></span>${esc(b.mean.label)}`
          : `<span class="key county"></span>${esc(b.mean.label)}`;
        out.push(
          '<figure>',
          `<figcaption class="title">${esc(b.title)}</figcaption>`,
          radarSvg(b.axes, series, b.title),
          `<figcaption>${legend}</figcaption>`,
          '</figure>',
        );
        break;
      }
      case 'profile': {
        const [chart, ...rest] = b.blocks;
        out.push('<div class="profile">');
        blocks(chart ? [chart] : [], out);
        out.push('<div class="side">');
        blocks(rest, out);
        out.push('</div>', '</div>');
        break;
      }
      case 'county':
        out.push(`<section class="county" id="${esc(b.id)}">`);
        blocks(b.blocks, out);
        out.push('</section>');
        break;
    }
  }
}
