import type { Block } from '../doc.js';
import { esc } from './escape.js';

type BarsBlock = Extract<Block, { kind: 'bars' }>;

/** Coordinates with one decimal: plenty for a chart, and the same on every machine. */
const f = (x: number): string => String(Math.round(x * 10) / 10);

export const BAR_FILL = { pass: '#1f6fb2', fail: '#e0a040', out: '#b8bec6' } as const;
export const LINE_STYLE = {
  pass: 'stroke="#b03a2e" stroke-width="2"',
  mean: 'stroke="#1d232b" stroke-width="1.5" stroke-dasharray="6 3"',
  mean2: 'stroke="#5c6670" stroke-width="1.5" stroke-dasharray="2 3"',
} as const;

/** About how wide a text is drawn: CJK characters are square, the rest about half as wide. */
const width = (text: string, size: number): number =>
  [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6), 0);

/** A creation county's mark: a small diamond left of its name. */
const mark = (x: number, y: number): string =>
  `<path d="M${f(x)} ${f(y - 4)}L${f(x + 4)} ${f(y)}L${f(x)} ${f(y + 4)}L${f(x - 4)} ${f(y)}Z" fill="#b03a2e"/>`;

/**
 * A ranking as inline SVG: one horizontal bar per county, best first, its total at the end; the
 * pass line and the means drawn across all bars with their labels above; a legend below. Bars are
 * coloured by 达标 / 未达标 / not ranked; creation counties carry a mark. Names longer than ten
 * characters are cut with … (the table beside the chart has them whole).
 */
export function barsSvg(b: BarsBlock): string {
  const row = b.bars.length > 25 ? 16 : 22;
  const [left, plot, right] = [150, 470, 56];
  const top = 10;
  const w = left + plot + right;
  const bottom = top + b.bars.length * row;
  // The legend: the tones present and the mark on one line, the reference lines on the next.
  const h = bottom + 18 + 2 * 18 + 8;
  const x = (v: number) => left + (plot * Math.max(0, Math.min(v, b.max))) / b.max;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ranking" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(b.title)}" font-size="12">`,
    `<title>${esc(b.title)}</title>`,
  ];
  // Gridlines every tenth of the axis, labelled under the bars.
  for (let k = 0; k <= 10; k++) {
    const v = (b.max * k) / 10;
    out.push(
      `<line x1="${f(x(v))}" y1="${top - 4}" x2="${f(x(v))}" y2="${bottom}" stroke="#e3e7eb" stroke-width="1"/>`,
      `<text x="${f(x(v))}" y="${bottom + 14}" text-anchor="middle" fill="#5c6670" font-size="10">${f(v)}</text>`,
    );
  }
  b.bars.forEach((bar, i) => {
    const y = top + i * row;
    const chars = [...bar.label];
    const label = chars.length > 10 ? `${chars.slice(0, 9).join('')}…` : bar.label;
    out.push(
      `<text x="${left - 8}" y="${f(y + row / 2 + 4)}" text-anchor="end" fill="#1d232b">${esc(label)}<title>${esc(bar.label)}</title></text>`,
    );
    if (bar.marked) out.push(mark(left - 8 - width(label, 12) - 8, y + row / 2));
    if (bar.value === null) return;
    const text = bar.value.toFixed(b.precision);
    out.push(
      `<rect class="${bar.tone}" x="${left}" y="${f(y + 3)}" width="${f(x(bar.value) - left)}" height="${row - 6}" fill="${BAR_FILL[bar.tone]}"${bar.tone === 'pass' ? ' fill-opacity="0.85"' : ''}><title>${esc(`${bar.label}：${text}`)}</title></rect>`,
      `<text x="${f(x(bar.value) + 4)}" y="${f(y + row / 2 + 4)}" fill="#1d232b" font-size="11">${text}</text>`,
    );
  });
  for (const l of b.lines)
    out.push(
      `<line class="${l.kind}" x1="${f(x(l.value))}" y1="${top - 4}" x2="${f(x(l.value))}" y2="${bottom}" ${LINE_STYLE[l.kind]}><title>${esc(`${l.label} ${l.value.toFixed(b.precision)}`)}</title></line>`,
    );
  const keys: string[] = [];
  let kx = left;
  let ky = bottom + 36;
  for (const tone of ['pass', 'fail', 'out'] as const) {
    if (!b.bars.some((bar) => bar.tone === tone)) continue;
    keys.push(
      `<rect x="${kx}" y="${ky - 9}" width="14" height="10" fill="${BAR_FILL[tone]}"/>`,
      `<text x="${kx + 18}" y="${ky}" fill="#1d232b" font-size="11">${esc(b.keys[tone])}</text>`,
    );
    kx += 18 + width(b.keys[tone], 11) + 16;
  }
  if (b.bars.some((bar) => bar.marked)) {
    keys.push(
      mark(kx + 5, ky - 4),
      `<text x="${kx + 14}" y="${ky}" fill="#1d232b" font-size="11">${esc(b.keys.marked)}</text>`,
    );
  }
  [kx, ky] = [left, ky + 18];
  for (const l of b.lines) {
    const text = `${l.label} ${l.value.toFixed(b.precision)}`;
    keys.push(
      `<line x1="${kx}" y1="${ky - 4}" x2="${kx + 22}" y2="${ky - 4}" ${LINE_STYLE[l.kind]}/>`,
      `<text x="${kx + 26}" y="${ky}" fill="#1d232b" font-size="11">${esc(text)}</text>`,
    );
    kx += 26 + width(text, 11) + 18;
  }
  out.push(...keys, '</svg>');
  return out.join('\n');
}
