import type { ReportModel } from '../analyze/report-model.js';
import { ui } from '../i18n/ui.js';
import { must } from '../model/must.js';
import { round } from '../score/round.js';
import {
  type Block,
  countyAnchor,
  type Doc,
  footer,
  h,
  names,
  note,
  p,
  shortfallTable,
  subtitle,
  table,
  tone,
} from './doc.js';
import { fixed, percent, signed } from './format.js';

/** The province overview. */
export function indexDoc(m: ReportModel): Doc {
  const t = ui(m.lang).report;
  const pr = m.system.precision;
  const pass = m.system.pass;
  const blocks: Block[] = [
    h(2, t.overview, 'overview'),
    p(t.overviewLine(m.counties.length, m.prefectures.length, fixed(m.mean, pr))),
  ];
  if (pass !== null) blocks.push(p(t.passLine(String(pass), m.passing, m.ranked)));
  const graded = m.grades.filter(([, n]) => n > 0);
  if (graded.length > 0) blocks.push(p(t.grades(graded)));
  const out = m.counties.filter((c) => c.disqualified);
  if (out.length > 0) blocks.push(p(t.disqualifiedLine(out.map((c) => c.name))));

  const withChange = m.baseline !== null;
  blocks.push(
    h(2, t.prefectures, 'prefectures'),
    table(
      t.prefecturesHead,
      ['left', 'right', 'right', 'left', 'right', 'right'],
      m.prefectures.map((x) => ({
        cells: [
          { text: x.name, link: { file: [x.file] } },
          String(x.counties.length),
          fixed(x.mean, pr),
          x.best?.name ?? '—',
          fixed(x.best?.total ?? null, pr),
          pass === null ? '—' : `${x.passing}/${x.ranked}`,
        ],
      })),
    ),
    h(3, t.prefectureSystemHead),
    table(
      [...t.prefecturesHead.slice(0, 1), ...m.axes.map((a) => a.id)],
      ['left', ...m.axes.map(() => 'right' as const)],
      [
        ...m.prefectures.map((x) => ({
          cells: [{ text: x.name, link: { file: [x.file] } }, ...x.means.map((a) => percent(a))],
        })),
        { cells: [t.radarLegendMean, ...m.means.map((a) => percent(a))], muted: true },
      ],
    ),
  );

  blocks.push(
    h(2, t.systemMeans, 'systems'),
    {
      kind: 'radar',
      title: t.provinceProfile,
      axes: m.axes,
      county: null,
      mean: { label: t.radarLegendMean, values: m.means },
    },
    table(
      t.systemMeansHead,
      ['left', 'left', 'right', 'right', 'right'],
      m.axes.map((a, i) => {
        const mean = m.means[i] ?? null;
        return {
          cells: [a.id, a.name, String(a.max), mean === null ? '—' : fixed(round(mean * a.max, pr), pr), percent(mean)],
        };
      }),
    ),
    note(t.chartNote),
    h(2, t.shortfalls, 'shortfalls'),
  );
  if (m.shortfalls.length === 0) blocks.push(p(t.noShortfalls));
  else blocks.push(p(t.shortfallsIntro(m.shortfalls.length)), shortfallTable(m, m.shortfalls));

  if (m.baseline) {
    const s = m.baseline.comparison.summary;
    blocks.push(
      h(2, t.progress, 'progress'),
      p(t.progressIntro(m.baseline.round, m.round ?? '—')),
      p(t.progressMeans(fixed(s.meanBefore, pr), fixed(s.meanAfter, pr), signed(s.meanDelta, pr))),
    );
    if (pass !== null) blocks.push(p(t.nowPassing(names(m, s.nowPassing))), p(t.nowFailing(names(m, s.nowFailing))));
    blocks.push(
      p(t.risers(names(m, s.risers))),
      p(t.fallers(names(m, s.fallers))),
      table(
        t.progressPrefectureHead,
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
  }

  blocks.push(
    h(2, t.ranking, 'ranking'),
    table(
      [...t.rankHead, ...(withChange ? t.progressHead.slice(1, 2) : [])],
      ['right', 'left', 'left', 'right', 'right', 'left', 'left', ...(withChange ? (['right'] as const) : [])],
      m.counties.map((c) => {
        const pref = must(
          m.prefectures.find((x) => x.name === c.prefecture),
          `the prefecture ${c.prefecture}`,
        );
        return {
          muted: c.disqualified,
          cells: [
            c.rank === null ? t.notRanked : String(c.rank),
            { text: c.name, link: { file: [pref.file], anchor: countyAnchor(c.id) } },
            { text: c.prefecture, link: { file: [pref.file] } },
            c.prefectureRank === null ? t.notRanked : String(c.prefectureRank),
            fixed(c.total, pr),
            c.grade ?? '—',
            c.passes === null ? '—' : c.passes ? t.passYes : t.passNo,
            ...(withChange ? [tone(c.change?.delta ?? null, signed(c.change?.delta ?? null, pr))] : []),
          ],
        };
      }),
    ),
  );

  return {
    lang: m.lang,
    title: t.indexTitle,
    facts: [{ label: '', value: subtitle(m) }],
    notice: null,
    date: m.date,
    back: null,
    blocks,
    footer: footer(m),
  };
}
