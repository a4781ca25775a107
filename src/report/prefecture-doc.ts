import type { PrefectureEntry, ReportModel } from '../analyze/report-model.js';
import { ui } from '../i18n/ui.js';
import { countyBlocks } from './county-doc.js';
import { type Block, countyAnchor, type Doc, footer, h, p, shortfallTable, subtitle, table, tone } from './doc.js';
import { fixed, signed } from './format.js';

/** A prefecture's report: its ranking, common shortfalls and every county. */
export function prefectureDoc(m: ReportModel, x: PrefectureEntry): Doc {
  const t = ui(m.lang).report;
  const pr = m.system.precision;
  const pass = m.system.pass;
  const blocks: Block[] = [
    h(2, t.overview, 'overview'),
    p(t.prefectureOverview(x.counties.length, fixed(x.mean, pr), fixed(m.mean, pr))),
  ];
  if (x.best) blocks.push(p(t.bestLine(x.best.name, fixed(x.best.total, pr))));
  if (pass !== null) blocks.push(p(t.passLine(String(pass), x.passing, x.ranked)));
  const out = x.counties.filter((c) => c.disqualified);
  if (out.length > 0) blocks.push(p(t.disqualifiedLine(out.map((c) => c.name))));
  if (x.progress)
    blocks.push(
      p(t.progressMeans(fixed(x.progress.before, pr), fixed(x.progress.after, pr), signed(x.progress.delta, pr))),
    );

  const withChange = m.baseline !== null;
  const withPages = m.countyPages;
  blocks.push(
    h(2, t.prefectureRanking, 'ranking'),
    table(
      [...t.prefectureRankHead, ...(withChange ? t.progressHead : []), ...(withPages ? [t.countyPage] : [])],
      [
        'right',
        'right',
        'left',
        'left',
        'right',
        'left',
        'right',
        ...(withChange ? (['right', 'right', 'right'] as const) : []),
        ...(withPages ? (['left'] as const) : []),
      ],
      x.counties.map((c) => ({
        muted: c.disqualified,
        cells: [
          c.prefectureRank === null ? t.notRanked : String(c.prefectureRank),
          c.rank === null ? t.notRanked : String(c.rank),
          { text: c.name, link: { anchor: countyAnchor(c.id) } },
          c.id,
          fixed(c.total, pr),
          c.grade ?? '—',
          fixed(c.gaps.toPass, pr),
          ...(withChange
            ? [
                fixed(c.change?.before ?? null, pr),
                tone(c.change?.delta ?? null, signed(c.change?.delta ?? null, pr)),
                c.change?.rankBefore == null ? t.notRanked : String(c.change.rankBefore),
              ]
            : []),
          ...(withPages && c.page !== null ? [{ text: t.countyPage, link: { file: [x.file, c.page] } }] : []),
        ],
      })),
    ),
    h(2, t.commonShortfalls, 'common'),
  );
  if (x.shortfalls.length === 0) blocks.push(p(t.noCommonShortfalls));
  else blocks.push(p(t.commonShortfallsIntro(x.half)), shortfallTable(m, x.shortfalls));

  blocks.push(h(2, t.profiles, 'profiles'));
  for (const c of x.counties)
    blocks.push({ kind: 'county', id: countyAnchor(c.id), blocks: countyBlocks(m, x, c, false) });
  return {
    lang: m.lang,
    title: t.prefectureTitle(x.name),
    facts: [{ label: '', value: subtitle(m) }],
    notice: null,
    date: m.date,
    back: m.index ? { text: t.backToIndex, link: { file: [m.indexFile] } } : null,
    blocks,
    footer: footer(m),
  };
}
