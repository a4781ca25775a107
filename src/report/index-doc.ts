import type { ReportModel } from '../analyze/report-model.js';
import { reportWords } from '../i18n/report-words.js';
import { must } from '../model/must.js';
import { type Block, countyAnchor, type Doc, h, note, p, table, tone } from './doc.js';
import { commonTable, footer, rankingChart, strengthsTable, systemsTable, vetoCell } from './doc-parts.js';
import { fixed, percent, signed, whole } from './format.js';
import { type Frame, frameOf } from './frame.js';
import { baselineName, facts, overviewTitle, roundName } from './head.js';
import { intervalAlign, intervalBlank, intervalCell, intervalHead, sensitivitySection } from './sensitivity-doc.js';
import { summaryBlocks } from './summary-doc.js';

/** The overview of the whole evaluation: the written summary, then the results behind it. */
export function indexDoc(m: ReportModel): Doc {
  const f = frameOf(m.meta, m.lang);
  const w = reportWords(f.lang);
  const sub = (k: number, text: string) => h(3, w.subsection(5, k, text));
  const blocks: Block[] = [
    ...summaryBlocks(m, f, { prefecture: null, counties: m.counties, summary: m.summary }),
    h(2, w.section(5, w.sections.results), 'results'),
    sub(1, w.sections.ranking),
    ...rankingChart(m, f, w.charts.ranking(f.regionName ?? ''), m.counties, [
      { label: w.charts.mean(f.region), value: m.mean, kind: 'mean' },
    ]),
    ranking(m, f),
    sub(2, w.sections.prefectures),
    ...prefectures(m, f),
    sub(3, w.sections.systems),
    {
      kind: 'radar',
      title: w.charts.means(f.region),
      axes: m.axes,
      county: null,
      mean: { label: w.charts.mean(f.region), values: m.means },
    },
    systemsTable(m, f, m.means),
    note(w.charts.note(f.region)),
    sub(4, w.sections.common),
  ];
  if (m.shortfalls.length === 0) blocks.push(p(w.text.noShortfalls));
  else blocks.push(p(w.text.commonIntro(m.shortfalls.length, null)), commonTable(m, f, m.shortfalls));
  blocks.push(sub(5, w.sections.strengths), strengthsTable(m, f, m.items));
  if (m.baseline) blocks.push(sub(6, w.sections.progress), ...progress(m, f));
  blocks.push(...sensitivitySection(m, f, sub(m.baseline ? 7 : 6, w.sensitivity.section)));
  return {
    lang: m.lang,
    title: overviewTitle(m, f),
    facts: facts(m, f, { prefecture: null, counties: m.counties.length, prefectures: m.prefectures.length }),
    notice: f.notice,
    date: m.date,
    back: null,
    blocks,
    footer: footer(m, f),
  };
}

function ranking(m: ReportModel, f: Frame): Block {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const withChange = m.baseline !== null;
  const withNote = m.counties.some((c) => c.vetoBasis.length > 0);
  const prefectureByName = new Map(m.prefectures.map((x) => [x.name, x]));
  const [rankHead, ...head] = w.tables.rank(f.region, withChange, withNote);
  return table(
    [rankHead ?? '', ...intervalHead(m, f), ...head],
    [
      'right',
      ...intervalAlign(m),
      'left',
      'left',
      'right',
      'right',
      'left',
      'left',
      'right',
      ...(withChange ? (['right'] as const) : []),
      ...(withNote ? (['left'] as const) : []),
    ],
    [
      ...m.counties.map((c) => {
        const pref = must(prefectureByName.get(c.prefecture), `the prefecture ${c.prefecture}`);
        return {
          muted: c.disqualified,
          cells: [
            whole(c.rank),
            ...intervalCell(m, c),
            { text: c.name, link: { file: [pref.file], anchor: countyAnchor(c.id) } },
            { text: c.prefecture, link: { file: [pref.file] } },
            whole(c.prefectureRank),
            fixed(c.total, pr),
            c.grade ?? '—',
            c.passes === null ? '—' : c.passes ? w.tables.passYes : w.tables.passNo,
            m.system.pass === null || c.disqualified ? '—' : fixed(c.gaps.toPass, pr),
            ...(withChange ? [tone(c.change?.delta ?? null, signed(c.change?.delta ?? null, pr))] : []),
            ...(withNote ? [vetoCell(c, f)] : []),
          ],
        };
      }),
      // The mean the summary cites, under the counties it is taken over.
      {
        muted: true,
        cells: [
          '',
          ...intervalBlank(m),
          w.charts.mean(f.region),
          '',
          '',
          fixed(m.summary.mean, pr),
          '',
          '',
          '',
          ...(withChange ? [signed(m.summary.progress?.delta ?? null, pr)] : []),
          ...(withNote ? [''] : []),
        ],
      },
    ],
  );
}

function prefectures(m: ReportModel, f: Frame): Block[] {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  return [
    table(
      w.tables.prefectures,
      ['left', 'right', 'right', 'left', 'right', 'right'],
      m.prefectures.map((x) => ({
        cells: [
          { text: x.name, link: { file: [x.file] } },
          String(x.counties.length),
          fixed(x.mean, pr),
          x.best?.name ?? '—',
          fixed(x.best?.total ?? null, pr),
          m.system.pass === null ? '—' : `${x.passing}/${x.ranked}`,
        ],
      })),
    ),
    table(
      [w.tables.prefectureSystems, ...m.axes.map((a) => a.name)],
      ['left', ...m.axes.map(() => 'right' as const)],
      [
        ...m.prefectures.map((x) => ({
          cells: [{ text: x.name, link: { file: [x.file] } }, ...x.means.map((a) => percent(a))],
        })),
        { cells: [w.charts.mean(f.region), ...m.means.map((a) => percent(a))], muted: true },
      ],
    ),
  ];
}

function progress(m: ReportModel, f: Frame): Block[] {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const baseline = m.baseline;
  if (!baseline) return [];
  const s = baseline.comparison.summary;
  const before = baselineName(m, f) ?? baseline.round;
  const after = roundName(m, f) ?? '—';
  const nameOf = new Map(m.counties.map((c) => [c.id, c.name]));
  const names = (ids: readonly string[]) => w.list(ids.map((id) => nameOf.get(id) ?? id));
  const out: Block[] = [
    p(w.text.progressIntro(before, after)),
    p(w.text.means(fixed(s.meanBefore, pr), fixed(s.meanAfter, pr), signed(s.meanDelta, pr))),
  ];
  if (m.system.pass !== null)
    out.push(p(w.text.nowPassing(names(s.nowPassing))), p(w.text.nowFailing(names(s.nowFailing))));
  out.push(
    p(w.text.risers(names(s.risers))),
    p(w.text.fallers(names(s.fallers))),
    table(
      w.tables.progress(before, after),
      ['left', 'right', 'right', 'right', 'right'],
      m.prefectures.map((x) => ({
        cells: [
          { text: x.name, link: { file: [x.file] } },
          String(x.progress?.n ?? 0),
          fixed(x.progress?.before ?? null, pr),
          fixed(x.progress?.after ?? null, pr),
          tone(x.progress?.delta ?? null, signed(x.progress?.delta ?? null, pr)),
        ],
      })),
    ),
  );
  return out;
}
