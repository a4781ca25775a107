import type { CountyEntry, ReportModel } from '../analyze/report-model.js';
import { intervalFacts, nearestRankIndex, type Sensitivity } from '../analyze/sensitivity.js';
import { reportWords } from '../i18n/report-words.js';
import { type Block, type IntervalRow, p, table } from './doc.js';
import { interval } from './format.js';
import type { Frame } from './frame.js';

/**
 * What `report --sensitivity` adds to the reports: each county's rank interval in the ranking
 * tables and one sentence in its 总体情况; in the overview a section saying what was drawn and how
 * to read it, the chart of the intervals and how far each system moves the ranking. Without the
 * flag (`m.sensitivity === null`) every function here adds nothing.
 */

/** The most counties one chart of intervals holds: fifty rows still fit a printed A4 page. */
export const INTERVALS_PER_CHART = 50;

/** ±20% for a spread of 0.2. */
export const spreadText = (spread: number): string => `${Number((spread * 100).toPrecision(12))}%`;

/** The interval's column of a ranking table: its head and alignment, or nothing without `--sensitivity`. */
export const intervalHead = (m: ReportModel, f: Frame): string[] =>
  m.sensitivity === null ? [] : [reportWords(f.lang).sensitivity.column];
export const intervalAlign = (m: ReportModel): 'right'[] => (m.sensitivity === null ? [] : ['right']);

/** The county's cell of that column: `3–7`, `5`, or — when it is not ranked. */
export function intervalCell(m: ReportModel, c: CountyEntry): string[] {
  if (m.sensitivity === null) return [];
  const i = c.interval;
  return [i === null || i.low === null || i.high === null ? '—' : interval(i.low, i.high)];
}

/** An empty cell of the column (a row of means). */
export const intervalBlank = (m: ReportModel): string[] => (m.sensitivity === null ? [] : ['']);

/** The sentence of the county's 总体情况, or `null` (no `--sensitivity`, or not ranked). */
export function countySentence(m: ReportModel, f: Frame, c: CountyEntry): string | null {
  const s = m.sensitivity;
  const i = c.interval;
  if (s === null || i === null || i.low === null || i.high === null || i.medianRank === null) return null;
  return reportWords(f.lang).sensitivity.county(spreadText(s.spread), s.runs, i.low, i.high, i.medianRank);
}

/** The ranked counties of the drawing, in rank order, as chart rows. */
function intervalRows(s: Sensitivity): IntervalRow[] {
  const rows: IntervalRow[] = [];
  for (const c of s.counties)
    if (c.rank !== null && c.medianRank !== null && c.low !== null && c.high !== null)
      rows.push({ label: c.name, rank: c.rank, median: c.medianRank, low: c.low, high: c.high });
  return rows;
}

/**
 * The overview's section (its heading given): what was drawn and how to read it, how many keep
 * their rank and whose interval is widest, the chart (cut like the ranking chart past
 * INTERVALS_PER_CHART counties), and each system's mean rank change when it is left out.
 */
export function sensitivitySection(m: ReportModel, f: Frame, heading: Block): Block[] {
  const s = m.sensitivity;
  if (s === null) return [];
  const w = reportWords(f.lang);
  const t = w.sensitivity;
  const spread = spreadText(s.spread);
  const rows = intervalRows(s);
  const { ranked, single, widest } = intervalFacts(s);
  const title = t.chart(f.regionName ?? f.region, spread);
  const parts = Math.max(1, Math.ceil(rows.length / INTERVALS_PER_CHART));
  const size = Math.max(1, Math.ceil(rows.length / parts));
  const charts: Block[] =
    rows.length === 0
      ? []
      : Array.from({ length: parts }, (_, k) => ({
          kind: 'intervals',
          title: parts === 1 ? title : w.charts.part(title, k + 1, parts),
          ranks: rows.length,
          rows: rows.slice(k * size, (k + 1) * size),
          keys: { median: t.keys.median, interval: t.keys.interval, rank: t.keys.rank, axis: t.keys.axis },
          head: t.head,
        }));
  return [
    heading,
    p(t.intro(s.runs, spread, s.seed, m.system.components.length > 0)),
    p(t.reading(s.runs, nearestRankIndex(s.runs, 5), nearestRankIndex(s.runs, 50), nearestRankIndex(s.runs, 95))),
    p(
      t.summary(
        ranked,
        single,
        widest ? t.widest(widest.name, t.range(widest.low as number, widest.high as number)) : null,
      ),
    ),
    ...charts,
    p(t.systemsIntro),
    table(
      t.systemsHead,
      ['left', 'right'],
      s.systems.map((x) => ({ cells: [x.name, x.shift.toFixed(2)] })),
    ),
  ];
}
