import { Paragraph, TextRun } from 'docx';
import { ChartRun, type ChartRunOptions } from 'docx/charts';
import type { Block, RefLine } from '../doc.js';
import { BAR_FILL, LINE_STYLE } from '../html/bars.js';
import { type Ctx, clean } from './inline.js';
import { TEXT_WIDTH } from './look.js';
import { STYLE } from './styles.js';

/**
 * Charts as native Word charts (DrawingML chart parts with their data cached in them and in an
 * embedded workbook, so that Word's 编辑数据 / Edit Data works): they draw in Word, WPS and
 * LibreOffice with the document's fonts, and stay editable.
 */

type RadarBlock = Extract<Block, { kind: 'radar' }>;
type BarsBlock = Extract<Block, { kind: 'bars' }>;

const hex = (css: string): string => css.replace('#', '').toUpperCase();
/** A reference line's colour, as the HTML chart strokes it. */
const lineColour = (kind: RefLine['kind']): string =>
  hex(/stroke="(#[0-9a-f]{6})"/i.exec(LINE_STYLE[kind])?.[1] ?? '#5c6670');

const COUNTY = '1F6FB2';
const MEAN = 'C0392B';
const TEXT = '1D232B';

/** Chart sizes are given in pixels at 96 per inch, 15 twips each: the charts are as wide as the text. */
const PIXELS_PER_CM = 96 / 2.54;
const WIDTH = Math.floor(TEXT_WIDTH / 15);

/** A chart cannot hold what is not a finite number: such a value is left out, as no value is. */
const finite = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;
const percent = (a: number | null | undefined): number | null => {
  const x = finite(a);
  return x === null ? null : Math.round(x * 1000) / 10;
};
/** Decimals shown: the Doc's precision, within what a number format can say. */
const digits = (precision: number): number => Math.max(0, Math.min(10, Math.trunc(precision) || 0));
const decimals = (precision: number): string => (digits(precision) > 0 ? `0.${'0'.repeat(digits(precision))}` : '0');

function common(ctx: Ctx, title: string) {
  const latin = ctx.look.table.latin;
  return {
    title: { text: clean(title), font: { size: 11, bold: true, color: TEXT } },
    font: { name: latin, color: TEXT },
    chartArea: { border: 'none' as const },
    // Without a description of its own, docx describes the chart from its data, for screen readers.
    altText: { name: clean(title) },
  };
}

/** A chart's paragraph; one with a legend under it is kept on the legend's page. */
const chartParagraph = (chart: ChartRun, keepNext = false): Paragraph =>
  new Paragraph({ style: STYLE.chart, ...(keepNext ? { keepNext } : {}), children: [chart] });

/**
 * A system profile: a radar of attainments in percent, the county solid blue with markers, the mean
 * dashed red; the mean alone solid blue. With fewer than three systems a radar is no shape, so the
 * same series are drawn as bars.
 */
export function radarChart(b: RadarBlock, ctx: Ctx): Paragraph[] {
  if (b.axes.length === 0) return [];
  const values = (v: readonly (number | null)[]) => b.axes.map((_, i) => percent(v[i]));
  const series = b.county
    ? [
        { name: clean(b.county.label), values: values(b.county.values), color: COUNTY, width: 2.25, dash: false },
        { name: clean(b.mean.label), values: values(b.mean.values), color: MEAN, width: 1.75, dash: true },
      ]
    : [{ name: clean(b.mean.label), values: values(b.mean.values), color: COUNTY, width: 2.25, dash: false }];
  const categories = b.axes.map((a) => clean(a.name));
  const valueAxis = { minimum: 0, maximum: 100, interval: 25, numberFormat: '0"%"', font: { size: 8 } };
  const legend = { position: 'bottom' as const, font: { size: 9 } };
  const options: ChartRunOptions =
    b.axes.length >= 3
      ? {
          ...common(ctx, b.title),
          type: 'radar',
          categories,
          series: series.map((s) => ({
            name: s.name,
            values: s.values,
            color: s.color,
            line: { width: s.width, dash: s.dash ? 'dash' : 'solid' },
            markers: s.dash ? false : { shape: 'circle', size: 5 },
          })),
          valueAxis,
          categoryAxis: { font: { size: 9 } },
          legend,
          emptyValues: 'zero',
          transformation: { width: WIDTH, height: Math.round(9.5 * PIXELS_PER_CM) },
        }
      : {
          ...common(ctx, b.title),
          type: 'bar',
          categories,
          series: series.map((s) => ({ name: s.name, values: s.values, color: s.color })),
          valueAxis: { ...valueAxis, crossesAt: 'maximum' },
          categoryAxis: { reverseOrder: true, font: { size: 9 } },
          dataLabels: { value: true, position: 'outsideEnd', numberFormat: '0.0"%"', font: { size: 8 } },
          legend,
          transformation: { width: WIDTH, height: Math.round((3 + 1.2 * b.axes.length) * PIXELS_PER_CM) },
        };
  return [chartParagraph(new ChartRun(options))];
}

/** A category of the ranking: a county's bar, or a reference line drawn as a bar of its own colour. */
interface Row {
  readonly label: string;
  readonly value: number | null;
  readonly colour: string;
  readonly line: boolean;
}

/**
 * The rows of a ranking, best first, with each reference line put among them where its value falls,
 * so that it parts the counties above it from those below (a line across a bar chart is not portable).
 */
export function rankingRows(b: BarsBlock): Row[] {
  const rows: Row[] = b.bars.map((bar) => ({
    label: `${bar.marked ? '★' : ''}${bar.label}`,
    value: finite(bar.value),
    colour: hex(BAR_FILL[bar.tone]),
    line: false,
  }));
  const lines = b.lines.filter((l) => Number.isFinite(l.value)).sort((x, y) => y.value - x.value);
  for (const l of lines) {
    const row = { label: l.label, value: l.value, colour: lineColour(l.kind), line: true };
    // Below every bar at or above the line, and below lines of the same value put in before it.
    const at = rows.findIndex((r) => !r.line && r.value !== null && r.value < l.value);
    const before = at === -1 ? rows.findIndex((r) => r.value === null) : at;
    rows.splice(before === -1 ? rows.length : before, 0, row);
  }
  return rows;
}

/**
 * A ranking as a horizontal bar chart, best at the top, each bar coloured by its tone, its value at
 * its end; the reference lines as bars of their own colour among the counties. The legend is text
 * under the chart: coloured keys for the tones present and the mark, then each line and its value.
 */
export function barsChart(b: BarsBlock, ctx: Ctx): Paragraph[] {
  const rows = rankingRows(b);
  if (rows.length === 0) return [];
  const format = decimals(b.precision);
  const max = Number.isFinite(b.max) && b.max > 0 ? { maximum: b.max } : {};
  const height = Math.max(6, 0.55 * rows.length + 2.2);
  const chart = new ChartRun({
    ...common(ctx, b.title),
    type: 'bar',
    categories: rows.map((r) => clean(r.label)),
    series: [
      {
        name: clean(b.title),
        values: rows.map((r) => r.value),
        colors: rows.map((r) => r.colour),
        pointLabels: rows.map((r) => (r.line ? { font: { size: 8, bold: true, color: r.colour } } : undefined)),
      },
    ],
    gapWidth: 45,
    legend: false,
    categoryAxis: { reverseOrder: true, font: { size: 9 } },
    valueAxis: { minimum: 0, ...max, crossesAt: 'maximum', numberFormat: '0', font: { size: 8 } },
    dataLabels: { value: true, position: 'outsideEnd', numberFormat: format, font: { size: 8 } },
    transformation: { width: WIDTH, height: Math.round(height * PIXELS_PER_CM) },
  });
  return [chartParagraph(chart, true), legendOf(b, ctx)];
}

/** Keeps a key's mark, words and value on one line where the words allow it. */
const NBSP = '\u00a0';

function legendOf(b: BarsBlock, ctx: Ctx): Paragraph {
  const gap = ctx.lang === 'zh' ? '\u3000' : '   ';
  const keys: TextRun[][] = [];
  const lines: TextRun[][] = [];
  for (const tone of ['pass', 'fail', 'out'] as const)
    if (b.bars.some((bar) => bar.tone === tone))
      keys.push([new TextRun({ text: '■', color: hex(BAR_FILL[tone]) }), new TextRun(`${NBSP}${clean(b.keys[tone])}`)]);
  if (b.bars.some((bar) => bar.marked)) keys.push([new TextRun(`★${NBSP}${clean(b.keys.marked)}`)]);
  for (const l of b.lines.filter((x) => Number.isFinite(x.value)))
    lines.push([
      new TextRun({ text: '■', color: lineColour(l.kind) }),
      new TextRun(`${NBSP}${clean(l.label)}${NBSP}${l.value.toFixed(digits(b.precision))}`),
    ]);
  const join = (group: TextRun[][]) => group.flatMap((k, i) => (i === 0 ? k : [new TextRun(gap), ...k]));
  const both = keys.length > 0 && lines.length > 0;
  return new Paragraph({
    style: STYLE.legend,
    children: [...join(keys), ...(both ? [new TextRun({ break: 1 })] : []), ...join(lines)],
  });
}
