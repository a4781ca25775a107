import { esc } from './escape.js';

/** One line of a chart: a county, or the province mean. */
export interface Series {
  readonly label: string;
  /** Attainments 0–1, one per axis; `null` (no points) is drawn at the centre. */
  readonly values: readonly (number | null)[];
  readonly kind: 'county' | 'mean';
}

export interface ChartAxis {
  readonly id: string;
  readonly name: string;
}

const STYLE = {
  county: 'fill="#1f6fb2" fill-opacity="0.22" stroke="#1f6fb2" stroke-width="2"',
  mean: 'fill="none" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="5 3"',
} as const;

/** Coordinates with one decimal: plenty for a chart, and the same on every machine. */
const f = (x: number): string => String(Math.round(x * 10) / 10);
const clamp = (a: number | null): number => Math.min(1, Math.max(0, a ?? 0));
const pct = (a: number | null): string => (a === null ? '—' : `${(Math.round(a * 1000) / 10).toFixed(1)}%`);

/** A label's lines: the name in pieces of 8 characters (two at most, the rest cut with …). */
function labelLines(axis: ChartAxis): string[] {
  const chars = [...axis.name];
  const second = chars.length > 16 ? `${chars.slice(8, 15).join('')}…` : chars.slice(8, 16).join('');
  return [chars.slice(0, 8).join(''), second].filter((l) => l !== '');
}

const [W, H, CX, CY, R] = [560, 440, 280, 220, 130];

/** A radar's geometry on N axes: where a point lies, and what depends on the axes only, drawn once. */
interface Frame {
  /** `x,y` of the point at `radius` on the `i`-th axis. */
  readonly at: (i: number, radius: number) => string;
  /** Rings, spokes and the scale. */
  readonly grid: readonly string[];
  /** The axes' names around the outer ring. */
  readonly labels: readonly string[];
}

/** Each set of axes' frame (a report draws a radar per county on the same axes). */
const frames = new WeakMap<readonly ChartAxis[], Frame>();

function frameOf(axes: readonly ChartAxis[]): Frame {
  const known = frames.get(axes);
  if (known !== undefined) return known;
  const n = axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, radius: number) =>
    `${f(CX + radius * Math.cos(angle(i)))},${f(CY + radius * Math.sin(angle(i)))}`;
  const ring = (k: number) => axes.map((_, i) => at(i, R * k)).join(' ');
  const grid = [
    ...[0.25, 0.5, 0.75, 1].map(
      (k) => `<polygon class="ring" points="${ring(k)}" fill="none" stroke="#d0d4da" stroke-width="1"/>`,
    ),
    ...axes.map(
      (_, i) =>
        `<line x1="${CX}" y1="${CY}" x2="${at(i, R).split(',')[0]}" y2="${at(i, R).split(',')[1]}" stroke="#d0d4da" stroke-width="1"/>`,
    ),
    ...[0.5, 1].map(
      (k) => `<text x="${f(CX + 4)}" y="${f(CY - R * k + 12)}" fill="#888" font-size="10">${k * 100}%</text>`,
    ),
  ];
  const labels = axes.map((axis, i) => {
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const anchor = cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle';
    const lines = labelLines(axis);
    const lh = 15;
    const x = CX + (R + 12) * cos;
    const y0 = CY + (R + 12) * sin;
    // Above the chart the last line touches the ring; below it the first; at the sides they are centred.
    const first =
      sin < -0.25 ? y0 - (lines.length - 1) * lh : sin > 0.25 ? y0 + 11 : y0 - ((lines.length - 1) * lh) / 2 + 4;
    const tspans = lines.map((l, k) => `<tspan x="${f(x)}" y="${f(first + k * lh)}">${esc(l)}</tspan>`).join('');
    return `<text text-anchor="${anchor}" fill="#333"><title>${esc(axis.name)}</title>${tspans}</text>`;
  });
  const frame = { at, grid, labels };
  frames.set(axes, frame);
  return frame;
}

/**
 * A radar chart of attainments on N axes (N ≥ 3), as inline SVG: the first axis points up, the
 * others follow clockwise; rings at 25/50/75/100 %. Labels sit outside the outer ring with their
 * anchor chosen by the axis's angle (text is never measured: the margins leave room for about
 * eight CJK characters a line). With fewer than three axes a radar is no shape, so bars are drawn.
 */
export function radarSvg(axes: readonly ChartAxis[], series: readonly Series[], title: string): string {
  if (axes.length < 3) return barsSvg(axes, series, title);
  const { at, grid, labels } = frameOf(axes);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-size="13">`,
    `<title>${esc(title)}</title>`,
    ...grid,
  ];
  for (const s of series) {
    const points = s.values.map((v, i) => at(i, R * clamp(v)));
    out.push(
      `<polygon class="${s.kind}" points="${points.join(' ')}" ${STYLE[s.kind]}><title>${esc(s.label)}</title></polygon>`,
    );
    if (s.kind === 'county')
      axes.forEach((axis, i) => {
        const v = s.values[i] ?? null;
        const [x, y] = (points[i] ?? at(i, 0)).split(',');
        out.push(
          `<circle cx="${x}" cy="${y}" r="3" fill="#1f6fb2"><title>${esc(`${axis.name}: ${pct(v)}`)}</title></circle>`,
        );
      });
  }
  out.push(...labels, '</svg>');
  return out.join('\n');
}

/** Fewer than three systems: one bar per system, the mean as a dashed mark. */
function barsSvg(axes: readonly ChartAxis[], series: readonly Series[], title: string): string {
  const [w, left, bar, row] = [600, 190, 340, 34];
  const h = axes.length * row + 24;
  const county = series.find((s) => s.kind === 'county');
  const mean = series.find((s) => s.kind === 'mean');
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="bars" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}" font-size="13">`,
    `<title>${esc(title)}</title>`,
  ];
  axes.forEach((axis, i) => {
    const y = 8 + i * row;
    out.push(
      `<text x="${left - 8}" y="${y + 17}" text-anchor="end" fill="#333">${esc(labelLines(axis).slice(0, 2).join(' '))}<title>${esc(axis.name)}</title></text>`,
    );
    out.push(`<rect x="${left}" y="${y + 4}" width="${bar}" height="18" fill="#f0f2f5"/>`);
    if (county) {
      const v = county.values[i] ?? null;
      out.push(
        `<rect class="county" x="${left}" y="${y + 4}" width="${f(bar * clamp(v))}" height="18" fill="#1f6fb2" fill-opacity="0.6"><title>${esc(`${county.label}: ${pct(v)}`)}</title></rect>`,
      );
      out.push(`<text x="${f(left + bar + 6)}" y="${y + 17}" fill="#333">${pct(v)}</text>`);
    }
    if (mean) {
      const x = f(left + bar * clamp(mean.values[i] ?? null));
      out.push(
        `<line class="mean" x1="${x}" y1="${y}" x2="${x}" y2="${y + 26}" stroke="#c0392b" stroke-width="2" stroke-dasharray="4 2"><title>${esc(`${mean.label}: ${pct(mean.values[i] ?? null)}`)}</title></line>`,
      );
    }
  });
  out.push('</svg>');
  return out.join('\n');
}
