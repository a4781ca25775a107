import type { GapItem } from '../analyze/gaps.js';
import type { CountyEntry, PrefectureEntry, ReportModel } from '../analyze/report-model.js';
import { reportWords } from '../i18n/report-words.js';
import { append } from '../model/arrays.js';
import type { VetoBasis } from '../model/scoring.js';
import { round } from '../score/round.js';
import { countySummary } from './county-summary.js';
import { type Block, countyAnchor, type Doc, h, type Inline, p, type Row, table, tone } from './doc.js';
import { footer } from './doc-parts.js';
import { fixed, percent, points } from './format.js';
import { type Frame, frameOf } from './frame.js';
import { facts, partTitle } from './head.js';
import { vetoEffect, vetoWords } from './veto-words.js';

/**
 * One county: its written summary, its facts (vetoes with their basis, components), its system
 * profile against the mean, its 整改清单 (every item that lost points, vetoes first) and 提分建议;
 * inside its prefecture's report, or on a page of its own with the score sheet.
 */

/** The county's part of its prefecture's report: the `k`-th county, under a numbered heading. */
export function countySection(m: ReportModel, f: Frame, x: PrefectureEntry, c: CountyEntry, k: number): Block[] {
  const w = reportWords(f.lang);
  const heading = w.subsection(6, k, c.name);
  const head: Block =
    c.page !== null
      ? { kind: 'h', level: 3, text: heading, link: { text: w.tables.countyPage, link: { file: [x.file, c.page] } } }
      : h(3, heading);
  const s = countySummary(m, f, c);
  const label = w.county.label;
  return [
    head,
    p(label(w.sections.overall), s.overall),
    p(label(w.sections.achievements), s.achievements),
    p(label(w.sections.problems), s.problems),
    p(label(w.sections.countyAdvice), s.advice),
    ...results(m, f, c, (_, text) => h(4, text)),
  ];
}

/** What the county's summary rests on: its facts, its profile, its 整改清单 and 提分建议, under `heading`s. */
function results(m: ReportModel, f: Frame, c: CountyEntry, heading: (k: number, text: string) => Block): Block[] {
  const w = reportWords(f.lang);
  return [
    ...factBlocks(m, f, c),
    profile(m, f, c),
    heading(1, w.sections.worklist),
    ...worklist(m, f, c),
    heading(2, w.sections.plan),
    ...plan(m, f, c),
  ];
}

/** Components and vetoes, each said in full. */
function factBlocks(m: ReportModel, f: Frame, c: CountyEntry): Block[] {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const out: Block[] = [];
  if (c.components)
    out.push(p(w.text.components(c.components.map((k) => [k.name, fixed(k.points, pr), String(k.max)] as const))));
  for (const v of c.vetoBasis) out.push(p({ text: vetoWords(v, f.lang), tone: 'neg' }));
  return out;
}

/** The radar chart of the county's systems against the mean, beside the table of the same numbers. */
function profile(m: ReportModel, f: Frame, c: CountyEntry): Block {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  return {
    kind: 'profile',
    blocks: [
      {
        kind: 'radar',
        title: w.charts.profile(c.name, f.region),
        axes: m.axes,
        county: { label: c.name, values: c.profile.map((s) => s.attainment) },
        mean: { label: w.charts.mean(f.region), values: m.means },
      },
      table(
        w.tables.profile(f.region),
        ['left', 'right', 'right', 'right', 'right', 'right'],
        m.axes.map((a, i) => {
          const s = c.profile[i] ?? { points: null, attainment: null };
          const mean = m.means[i] ?? null;
          const diff = s.attainment === null || mean === null ? null : s.attainment - mean;
          return {
            cells: [
              a.name,
              String(a.max),
              fixed(s.points, pr),
              percent(s.attainment),
              percent(mean),
              tone(diff === null ? null : Math.round(diff * 1000), points(diff)),
            ],
          };
        }),
      ),
    ],
  };
}

/** The evidence as given, and for an item with no usable evidence why. */
function evidenceCell(i: GapItem, f: Frame): string {
  const value = i.value ?? '';
  if (!i.missing) return value;
  const why = reportWords(f.lang).tables.lostNote(i.why);
  return value === '' ? why : `${value}（${why}）`;
}

/** 失分情况及整改清单: the vetoes first (they weigh more than any item), then every item lost, most first. */
function worklist(m: ReportModel, f: Frame, c: CountyEntry): Block[] {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const g = c.gaps;
  const withSource = g.items.some((i) => i.source !== null && i.source !== '');
  const vetoRow = (v: VetoBasis, i: number): Row => {
    const cells: Inline[] = [
      String(i + 1),
      '',
      { text: `${w.tables.veto}：${v.name}`, tone: 'neg' as const },
      '',
      '',
      typeof v.effect === 'object' && 'deduct' in v.effect ? fixed(v.effect.deduct, pr) : '—',
      `${w.tables.vetoHappened}（${vetoEffect(v.effect, f.lang)}）`,
      w.tables.vetoNeeded,
    ];
    if (withSource) cells.push([v.source, v.note].filter(Boolean).join(' '));
    return { cells };
  };
  // One row per item lost (a county has many): the cells pushed, not spread.
  const itemRow = (i: GapItem, k: number): Row => {
    const cells: Inline[] = [
      String(c.vetoBasis.length + k + 1),
      i.id,
      i.name,
      String(i.max),
      fixed(i.score, pr),
      fixed(i.lost, pr),
      evidenceCell(i, f),
      i.needed,
    ];
    if (withSource) cells.push(i.source ?? '');
    return { cells };
  };
  const rows = c.vetoBasis.map(vetoRow);
  append(rows, g.items.map(itemRow));
  const out: Block[] = [
    rows.length === 0
      ? p(w.text.noShortfalls)
      : table(
          w.tables.worklist(withSource),
          [
            'right',
            'left',
            'left',
            'right',
            'right',
            'right',
            'left',
            'left',
            ...(withSource ? (['left'] as const) : []),
          ],
          rows,
        ),
  ];
  const name = (id: string) => m.items.find((i) => i.id === id)?.name ?? id;
  if (g.fewCases.length > 0) out.push(p(w.text.fewCases(w.list(g.fewCases.map(name)))));
  const na = g.notApplicable.filter((id) => !g.fewCases.includes(id));
  if (na.length > 0) out.push(p(w.text.notApplicable(w.list(na.map(name)))));
  return out;
}

/** 提分建议: the fewest items that reach the pass line, or why there are none. */
function plan(m: ReportModel, f: Frame, c: CountyEntry): Block[] {
  const w = reportWords(f.lang).text;
  const pr = m.system.precision;
  if (c.disqualified) return [p(w.disqualified)];
  if (m.system.pass === null) return [p(w.noPassLine)];
  if (c.passes === true) return [p(w.passes)];
  if (c.passPlan === null) return [p(w.noPlan)];
  const gain = c.passPlan.reduce((s, i) => s + (i.lost ?? 0), 0);
  return [
    p(w.planIntro(c.passPlan.length, fixed(round(gain, pr), pr))),
    { kind: 'list', ordered: true, items: c.passPlan.map((i) => [w.planItem(i.name, fixed(i.lost, pr))]) },
  ];
}

/** A county's own page: its summary under numbered headings, its results, and its score sheet. */
export function countyDoc(m: ReportModel, x: PrefectureEntry, c: CountyEntry): Doc {
  const f = frameOf(m.meta, m.lang);
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const s = countySummary(m, f, c);
  const sub = (k: number, text: string) => h(3, w.subsection(5, k, text));
  const blocks: Block[] = [
    h(2, w.section(1, w.sections.overall), 'overall'),
    p(s.overall),
    h(2, w.section(2, w.sections.achievements), 'achievements'),
    p(s.achievements),
    h(2, w.section(3, w.sections.problems), 'problems'),
    p(s.problems),
    h(2, w.section(4, w.sections.countyAdvice), 'advice'),
    p(s.advice),
    h(2, w.section(5, w.sections.results), 'results'),
    ...results(m, f, c, sub),
    sub(3, w.sections.sheet),
    table(
      w.tables.sheet,
      ['left', 'left', 'right', 'right', 'left', 'left'],
      c.sheet.map((r) => ({
        muted: r.status === 'na' || r.status === 'report-only' || r.status === 'excluded',
        cells: [
          `${'\u00a0\u00a0'.repeat(r.depth - 1)}${r.id}`,
          r.name,
          String(r.max),
          r.status === 'na'
            ? w.tables.notApplicable
            : r.status === 'report-only'
              ? w.tables.reportOnly
              : r.points === null
                ? w.tables.leftOut
                : fixed(r.points, pr),
          r.value ?? (r.status === 'missing' ? w.tables.missingEvidence : ''),
          r.source ?? '',
        ],
      })),
    ),
  ];
  return {
    lang: m.lang,
    title: partTitle(m, f, c.name),
    facts: facts(m, f, { prefecture: c.prefecture, counties: 1, prefectures: null }).filter(
      (x) => x.label !== w.facts.scope,
    ),
    notice: f.notice,
    date: m.date,
    back: {
      text: w.text.back(partTitle(m, f, x.name)),
      link: { file: ['..', x.file], anchor: countyAnchor(c.id) },
    },
    blocks,
    footer: footer(m, f),
  };
}
