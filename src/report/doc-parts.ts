import type { CountyEntry, ReportModel, Shortfall } from '../analyze/report-model.js';
import type { ItemStat } from '../analyze/summary.js';
import { reportWords } from '../i18n/report-words.js';
import { round } from '../score/round.js';
import { type Bar, type Block, h, note, p, type RefLine, table } from './doc.js';
import { fixed, percent } from './format.js';
import type { Frame } from './frame.js';
import { baselineName, roundName } from './head.js';
import { vetoEffect } from './veto-words.js';

/** Pieces several reports share: the provenance appendix, the ranking chart, item tables. */

/** The appendix: which program made the report from which files, so that anyone can rerun it. */
export function footer(m: ReportModel, f: Frame): Block[] {
  const w = reportWords(f.lang).provenance;
  const pv = m.provenance;
  const blocks: Block[] = [
    h(2, reportWords(f.lang).sections.provenance),
    p(w.madeWith(pv.version)),
    p(w.file(w.systemFile, pv.indicatorsPath, pv.indicatorsSha256 ?? '—')),
  ];
  if (pv.metaFile) blocks.push(p(w.file(w.metaFile, pv.metaFile.path, pv.metaFile.sha256)));
  blocks.push(p(w.round(roundName(m, f))));
  const baseline = baselineName(m, f);
  if (m.baseline && baseline) blocks.push(p(w.baseline(baseline, m.baseline.automatic)));
  blocks.push(
    // The register counts rows; an evidence file counts cells (in wide form many a row) and its data rows apart.
    table(
      reportWords(f.lang).tables.inputs,
      ['left', 'left', 'right', 'right', 'right'],
      pv.inputs.map((x) => ({
        cells: [
          x.path,
          x.sha256,
          String(x.records ?? x.rows),
          x.records === undefined ? '—' : String(x.rows),
          String(x.used),
        ],
      })),
    ),
    note(w.reproducible),
  );
  return blocks;
}

/** A county's triggered vetoes as a table's last column: what each does, no ids. */
export const vetoCell = (c: CountyEntry, f: Frame): string =>
  c.vetoBasis
    .map((v) => `${reportWords(f.lang).tables.veto}：${v.name}，${vetoEffect(v.effect, f.lang)}`)
    .join(f.lang === 'zh' ? '；' : '; ');

/** The most bars one chart holds: more would not fit a printed page. */
export const BARS_PER_CHART = 40;

/**
 * The ranking chart of some counties: their totals, best first, coloured by the pass line, the
 * creation counties marked; the pass line and the means given drawn across. Past BARS_PER_CHART
 * counties it is cut into charts of even length, each on its own page when printed.
 */
export function rankingChart(
  m: ReportModel,
  f: Frame,
  title: string,
  counties: readonly CountyEntry[],
  means: readonly { readonly label: string; readonly value: number | null; readonly kind: 'mean' | 'mean2' }[],
): Block[] {
  const w = reportWords(f.lang).charts;
  const pass = m.system.pass;
  const bars: Bar[] = counties.map((c) => ({
    label: c.name,
    value: c.total,
    tone: c.disqualified ? 'out' : c.passes === false ? 'fail' : 'pass',
    marked: c.batch !== null && m.marksCreation,
  }));
  const lines: RefLine[] = [
    ...(pass === null ? [] : [{ label: w.passLine, value: pass, kind: 'pass' as const }]),
    ...means.flatMap((x) => (x.value === null ? [] : [{ label: x.label, value: x.value, kind: x.kind }])),
  ];
  const top = Math.max(m.system.scale, ...counties.map((c) => c.total));
  const parts = Math.max(1, Math.ceil(bars.length / BARS_PER_CHART));
  const size = Math.ceil(bars.length / parts);
  return Array.from({ length: parts }, (_, i) => ({
    kind: 'bars',
    title: parts === 1 ? title : w.part(title, i + 1, parts),
    max: Math.ceil(top / 10) * 10,
    precision: m.system.precision,
    bars: bars.slice(i * size, (i + 1) * size),
    lines,
    keys: { pass: w.keys.pass, fail: w.keys.fail, out: w.keys.out, marked: w.keys.marked },
  }));
}

const systemName = (m: ReportModel, id: string): string => m.axes.find((a) => a.id === id)?.name ?? '';

/** Items lost by several counties, as a table. */
export function commonTable(m: ReportModel, f: Frame, list: readonly Shortfall[]): Block {
  const pr = m.system.precision;
  return table(
    reportWords(f.lang).tables.common,
    ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    list.map((s) => ({
      cells: [
        s.id,
        s.name,
        systemName(m, s.system),
        String(s.max),
        `${s.counties}/${s.of}`,
        fixed(s.lost, pr),
        fixed(s.meanLost, pr),
      ],
    })),
  );
}

/** Items every county with points earned in full: what the summary's 主要成效 cites. */
export function strengthsTable(m: ReportModel, f: Frame, items: readonly ItemStat[]): Block {
  const full = items.filter((i) => i.scored > 0 && i.full === i.scored);
  if (full.length === 0) return p(reportWords(f.lang).text.noStrengths);
  return table(
    reportWords(f.lang).tables.strengths,
    ['left', 'left', 'left', 'right', 'right'],
    full.map((i) => ({ cells: [i.id, i.name, systemName(m, i.system), String(i.max), `${i.full}/${i.scored}`] })),
  );
}

/** Each system's mean points and attainment over some counties, against the whole evaluation's. */
export function systemsTable(m: ReportModel, f: Frame, means: readonly (number | null)[]): Block {
  const pr = m.system.precision;
  return table(
    reportWords(f.lang).tables.systems(f.region),
    ['left', 'right', 'right', 'right', 'right'],
    m.axes.map((a, i) => {
      const mean = means[i] ?? null;
      return {
        cells: [
          a.name,
          String(a.max),
          mean === null ? '—' : fixed(round(mean * a.max, pr), pr),
          percent(mean),
          percent(m.means[i] ?? null),
        ],
      };
    }),
  );
}
