import type { PrefectureEntry, ReportModel } from '../analyze/report-model.js';
import { reportWords } from '../i18n/report-words.js';
import { countySection } from './county-doc.js';
import { type Block, countyAnchor, type Doc, h, p, table, tone } from './doc.js';
import { commonTable, footer, rankingChart, strengthsTable, systemsTable, vetoCell } from './doc-parts.js';
import { fixed, signed, whole } from './format.js';
import { frameOf } from './frame.js';
import { overviewTitle, partTitle, prefectureFacts } from './head.js';
import { intervalAlign, intervalBlank, intervalCell, intervalHead } from './sensitivity-doc.js';
import { summaryBlocks } from './summary-doc.js';

/** A prefecture's report: its written summary, its ranking and systems, its common shortfalls, then every county. */
export function prefectureDoc(m: ReportModel, x: PrefectureEntry): Doc {
  const f = frameOf(m.meta, m.lang);
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const pass = m.system.pass;
  const withChange = m.baseline !== null;
  const withNote = x.counties.some((c) => c.vetoBasis.length > 0);
  const withPages = m.countyPages;
  const sub = (k: number, text: string) => h(3, w.subsection(5, k, text));
  const head = w.tables.prefectureRank(f.region, withChange, withNote, withPages);
  const blocks: Block[] = [
    ...summaryBlocks(m, f, { prefecture: x.name, counties: x.counties, summary: x.summary }),
    h(2, w.section(5, w.sections.results), 'results'),
    sub(1, w.sections.ranking),
    ...rankingChart(m, f, w.charts.ranking(x.name), x.counties, [
      { label: w.charts.mean(x.name), value: x.mean, kind: 'mean' },
      { label: w.charts.mean(f.region), value: m.mean, kind: 'mean2' },
    ]),
    table(
      [...head.slice(0, 2), ...intervalHead(m, f), ...head.slice(2)],
      [
        'right',
        'right',
        ...intervalAlign(m),
        'left',
        'right',
        'left',
        'right',
        ...(withChange ? (['right', 'right', 'right'] as const) : []),
        ...(withNote ? (['left'] as const) : []),
        ...(withPages ? (['left'] as const) : []),
      ],
      [
        ...x.counties.map((c) => ({
          muted: c.disqualified,
          cells: [
            whole(c.prefectureRank),
            whole(c.rank),
            ...intervalCell(m, c),
            { text: c.name, link: { anchor: countyAnchor(c.id) } },
            fixed(c.total, pr),
            c.grade ?? '—',
            pass === null || c.disqualified ? '—' : fixed(c.gaps.toPass, pr),
            ...(withChange
              ? [
                  fixed(c.change?.before ?? null, pr),
                  tone(c.change?.delta ?? null, signed(c.change?.delta ?? null, pr)),
                  whole(c.change?.rankBefore ?? null),
                ]
              : []),
            ...(withNote ? [vetoCell(c, f)] : []),
            ...(withPages
              ? [c.page === null ? '' : { text: w.tables.countyPage, link: { file: [x.file, c.page] } }]
              : []),
          ],
        })),
        // The means the summary cites: the prefecture's, then the whole evaluation's.
        ...[
          { label: w.charts.mean(x.name), s: x.summary },
          { label: w.charts.mean(f.region), s: m.summary },
        ].map(({ label, s }) => ({
          muted: true,
          cells: [
            '',
            '',
            ...intervalBlank(m),
            label,
            fixed(s.mean, pr),
            '',
            '',
            ...(withChange ? [fixed(s.progress?.before ?? null, pr), signed(s.progress?.delta ?? null, pr), ''] : []),
            ...(withNote ? [''] : []),
            ...(withPages ? [''] : []),
          ],
        })),
      ],
    ),
    sub(2, w.sections.systems),
    {
      kind: 'radar',
      title: w.charts.profile(x.name, f.region),
      axes: m.axes,
      county: { label: w.charts.mean(x.name), values: x.means },
      mean: { label: w.charts.mean(f.region), values: m.means },
    },
    systemsTable(m, f, x.means),
    sub(3, w.sections.common),
  ];
  if (x.shortfalls.length === 0) blocks.push(p(w.text.noCommon));
  else blocks.push(p(w.text.commonIntro(x.shortfalls.length, x.half)), commonTable(m, f, x.shortfalls));
  blocks.push(sub(4, w.sections.strengths), strengthsTable(m, f, x.items));

  blocks.push(h(2, w.section(6, w.sections.counties), 'counties'));
  x.counties.forEach((c, i) => {
    blocks.push({ kind: 'county', id: countyAnchor(c.id), blocks: countySection(m, f, x, c, i + 1) });
  });
  return {
    lang: m.lang,
    title: partTitle(m, f, x.name),
    facts: prefectureFacts(m, f, x),
    notice: f.notice,
    date: m.date,
    back: m.index ? { text: w.text.back(overviewTitle(m, f)), link: { file: [m.indexFile] } } : null,
    blocks,
    footer: footer(m, f),
  };
}
