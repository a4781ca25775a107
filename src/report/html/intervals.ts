import type { Block } from '../doc.js';
import { interval } from '../format.js';
import { esc } from './escape.js';

type IntervalsBlock = Extract<Block, { kind: 'intervals' }>;

/** Coordinates with one decimal: plenty for a chart, and the same on every machine. */
const f = (x: number): string => String(Math.round(x * 10) / 10);

const INTERVAL = '#8fb8dc';
const MEDIAN = '#1f6fb2';
const WRITTEN = '#b03a2e';
const INK = '#1d232b';
const MUTED = '#5c6670';

/** About how wide a text is drawn: CJK characters are square, the rest about half as wide. */
const width = (text: string, size: number): number =>
  [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6), 0);

/** The most characters of a name the chart shows (a longer one is cut with …; whole in its tooltip). */
const LABEL_CHARS = 16;

const labelOf = (name: string): string => {
  const chars = [...name];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : name;
};

const maxWidth = (labels: readonly string[]): number => labels.reduce((m, l) => Math.max(m, width(l, 12)), 0);

/** The step between labelled ranks: 1, 2, 5, 10, 20, 50 … so that at most about ten are labelled. */
export function rankStep(ranks: number): number {
  for (let p = 1; ; p *= 10) for (const k of [1, 2, 5]) if (ranks / (k * p) <= 10) return k * p;
}

/**
 * Rank intervals as inline SVG, sized for an A4 page: one row per county in rank order (bands on
 * every other row), its name on the left (whole up to sixteen characters, then cut with …),
 * on an axis of ranks 1 (best, left) … N: a bar from the interval's best end to its worst, a dot at
 * the median rank, a red tick at the rank with the weights as written; the interval in figures at
 * the right; a legend below.
 */
export function intervalsSvg(b: IntervalsBlock): string {
  const row = b.rows.length > 25 ? 16 : 22;
  // The names' column as wide as the longest name (sixteen characters at most), so that a printed
  // page shows every county's full name; the plot takes the rest of a fixed width.
  const labels = b.rows.map((r) => labelOf(r.label));
  const right = 66;
  const left = Math.max(60, Math.min(LABEL_CHARS * 12, maxWidth(labels)) + 14);
  const w = 676;
  const plot = w - left - right;
  const top = 8;
  const bottom = top + b.rows.length * row;
  const h = bottom + 16 + 18 + 24;
  const n = Math.max(1, b.ranks);
  const slot = plot / n;
  // Rank r is drawn at the middle of its slot: rank 1 at the left edge's first slot, N at the last.
  const x = (r: number) => left + slot * (Math.max(1, Math.min(r, n)) - 0.5);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="intervals" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(b.title)}" font-size="12">`,
    `<title>${esc(b.title)}</title>`,
  ];
  b.rows.forEach((_, i) => {
    if (i % 2 === 1) out.push(`<rect x="0" y="${top + i * row}" width="${w}" height="${row}" fill="#f5f7f9"/>`);
  });
  const step = rankStep(n);
  const ticks = [1];
  for (let r = step; r <= n; r += step) if (r > 1) ticks.push(r);
  for (const r of ticks)
    out.push(
      `<line x1="${f(x(r))}" y1="${top}" x2="${f(x(r))}" y2="${bottom}" stroke="#e3e7eb" stroke-width="1"/>`,
      `<text x="${f(x(r))}" y="${bottom + 13}" text-anchor="middle" fill="${MUTED}" font-size="10">${r}</text>`,
    );
  out.push(
    `<text x="${f(left + plot / 2)}" y="${bottom + 29}" text-anchor="middle" fill="${MUTED}" font-size="11">${esc(b.keys.axis)}</text>`,
  );
  const half = Math.min(4, row / 2 - 3);
  b.rows.forEach((r, i) => {
    const y = top + i * row + row / 2;
    const label = labels[i] ?? '';
    const range = interval(r.low, r.high);
    const tip = `${r.label}：${b.keys.rank} ${r.rank}，${b.keys.median} ${r.median}，${b.keys.interval} ${range}`;
    out.push(
      `<g><title>${esc(tip)}</title>`,
      `<text x="${left - 8}" y="${f(y + 4)}" text-anchor="end" fill="${INK}">${esc(label)}</text>`,
      `<rect x="${f(x(r.low) - half)}" y="${f(y - half)}" width="${f(x(r.high) - x(r.low) + 2 * half)}" height="${f(2 * half)}" rx="${f(half)}" fill="${INTERVAL}"/>`,
      `<line x1="${f(x(r.rank))}" y1="${f(y - row / 2 + 2)}" x2="${f(x(r.rank))}" y2="${f(y + row / 2 - 2)}" stroke="${WRITTEN}" stroke-width="2"/>`,
      `<circle cx="${f(x(r.median))}" cy="${f(y)}" r="${f(half - 0.5)}" fill="${MEDIAN}"/>`,
      `<text x="${left + plot + 8}" y="${f(y + 4)}" fill="${INK}" font-size="11">${range}</text>`,
      '</g>',
    );
  });
  // The legend: the bar, the dot and the tick, each with its words.
  let kx = left;
  const ky = h - 8;
  const keys: string[] = [
    `<rect x="${kx}" y="${ky - 8}" width="22" height="8" rx="4" fill="${INTERVAL}"/>`,
    `<text x="${kx + 26}" y="${ky}" fill="${INK}" font-size="11">${esc(b.keys.interval)}</text>`,
  ];
  kx += 26 + width(b.keys.interval, 11) + 16;
  keys.push(
    `<circle cx="${kx + 4}" cy="${ky - 4}" r="3.5" fill="${MEDIAN}"/>`,
    `<text x="${kx + 12}" y="${ky}" fill="${INK}" font-size="11">${esc(b.keys.median)}</text>`,
  );
  kx += 12 + width(b.keys.median, 11) + 16;
  keys.push(
    `<line x1="${kx + 2}" y1="${ky - 10}" x2="${kx + 2}" y2="${ky + 1}" stroke="${WRITTEN}" stroke-width="2"/>`,
    `<text x="${kx + 9}" y="${ky}" fill="${INK}" font-size="11">${esc(b.keys.rank)}</text>`,
  );
  out.push(...keys, '</svg>');
  return out.join('\n');
}
