import type { GapItem } from '../analyze/gaps.js';
import { type CountyEntry, type PrefectureEntry, type ReportModel, TOP_SHORTFALLS } from '../analyze/report-model.js';
import { ui } from '../i18n/ui.js';
import { round } from '../score/round.js';
import { type Block, countyAnchor, type Doc, footer, h, p, subtitle, table, tone } from './doc.js';
import { componentsLine, fixed, percent, points, signed } from './format.js';
import { vetoLine } from './veto-words.js';

/** A county's part: facts, distances, progress, profile, shortfalls, pass plan (and on its own page, the score sheet). */
export function countyBlocks(m: ReportModel, x: PrefectureEntry, c: CountyEntry, page: boolean): Block[] {
  const t = ui(m.lang).report;
  const pr = m.system.precision;
  const level = page ? 2 : 3;
  const sub = (page ? 2 : 4) as 2 | 4;
  const g = c.gaps;
  const blocks: Block[] = [];
  if (!page) {
    const heading: Block =
      c.page !== null
        ? {
            kind: 'h',
            level: 3,
            text: t.countyHeading(c.name, c.id),
            link: { text: t.countyPage, link: { file: [x.file, c.page] } },
          }
        : h(3, t.countyHeading(c.name, c.id));
    blocks.push(heading);
  } else blocks.push(h(level, t.overview));
  blocks.push(p(t.countyFacts(fixed(c.total, pr), c.grade, c.rank, c.prefectureRank, c.prefecture)));
  if (c.components) blocks.push(p(`${componentsLine(c.components, pr, m.lang)}。`));
  for (const v of c.vetoBasis) blocks.push(p({ text: t.vetoFact(vetoLine(v, m.lang)), tone: 'neg' }));
  if (c.disqualified) blocks.push(p(t.disqualified(c.vetoes)));
  else
    blocks.push(
      p(
        t.distances(
          m.system.pass === null ? null : fixed(g.toPass, pr),
          fixed(g.toPrefectureBest, pr),
          fixed(g.toProvinceBest, pr),
        ),
      ),
    );
  if (m.baseline) {
    if (c.change) {
      const ch = c.change;
      const rank = (r: number | null) => (r === null ? t.notRanked : String(r));
      blocks.push(
        p(
          t.countyProgress(
            fixed(ch.before, pr),
            fixed(ch.after, pr),
            signed(ch.delta, pr),
            rank(ch.rankBefore),
            rank(ch.rankAfter),
          ),
        ),
        p(t.improvedItems(ch.improved)),
        p(t.regressedItems(ch.regressed)),
      );
    } else blocks.push(p(t.notInBaseline));
  }

  blocks.push({
    kind: 'profile',
    blocks: [
      {
        kind: 'radar',
        title: t.radarTitle(c.name),
        axes: m.axes,
        county: { label: t.radarLegendCounty(c.name), values: c.profile.map((s) => s.attainment) },
        mean: { label: t.radarLegendMean, values: m.means },
      },
      table(
        t.profileHead,
        ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
        m.axes.map((a, i) => {
          const s = c.profile[i] ?? { points: null, attainment: null };
          const mean = m.means[i] ?? null;
          const diff = s.attainment === null || mean === null ? null : s.attainment - mean;
          return {
            cells: [
              a.id,
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
  });

  const items = page ? g.items : c.top;
  blocks.push(h(sub, page ? t.allShortfalls : t.topShortfalls(TOP_SHORTFALLS)));
  blocks.push(items.length === 0 ? p(t.noShortfalls) : itemTable(m, items));

  // A disqualified county has no pass plan: the facts above say why.
  if (!c.disqualified) blocks.push(h(sub, t.passPlan), ...passPlan(m, c));
  if (g.fewCases.length > 0) blocks.push(p(`${ui(m.lang).gaps.fewCases(g.fewCases)}。`));
  const na = g.notApplicable.filter((id) => !g.fewCases.includes(id));
  if (na.length > 0) blocks.push(p(t.notApplicable(na)));

  if (page) {
    blocks.push(
      h(2, t.scoreSheet),
      table(
        t.scoreSheetHead,
        ['left', 'left', 'right', 'right', 'left', 'left'],
        c.sheet.map((r) => ({
          muted: r.status === 'na' || r.status === 'report-only' || r.status === 'excluded',
          cells: [
            `${'\u00a0\u00a0'.repeat(r.depth - 1)}${r.id}`,
            r.name,
            String(r.max),
            r.status === 'na'
              ? t.notApplicableValue
              : r.status === 'report-only'
                ? t.reportOnly
                : r.points === null
                  ? t.leftOut
                  : fixed(r.points, pr),
            r.value ?? (r.status === 'missing' ? t.missingEvidence : ''),
            r.source ?? '',
          ],
        })),
      ),
    );
  }
  return blocks;
}

function passPlan(m: ReportModel, c: CountyEntry): Block[] {
  const t = ui(m.lang).report;
  const pr = m.system.precision;
  if (m.system.pass === null) return [p(t.noPassLine)];
  if (c.passes === true) return [p(t.passes)];
  if (c.passPlan === null) return [p(t.noPassPlan)];
  const gain = c.passPlan.reduce((s, i) => s + (i.lost ?? 0), 0);
  return [
    p(t.passPlanLine(c.passPlan.length, fixed(round(gain, pr), pr))),
    { kind: 'list', ordered: true, items: c.passPlan.map((i) => [t.planItem(i.id, i.name, fixed(i.lost, pr))]) },
  ];
}

/** The evidence as given, and for an item with no usable evidence why (none, too few cases, rejected). */
function evidenceCell(i: GapItem, lang: ReportModel['lang']): string {
  const value = i.value ?? '';
  if (!i.missing) return value;
  const why = ui(lang).gaps.lostNote(i.why);
  return value === '' ? why : `${value}（${why}）`;
}

function itemTable(m: ReportModel, items: readonly GapItem[]): Block {
  const t = ui(m.lang).report;
  const pr = m.system.precision;
  return table(
    t.shortfallHead,
    ['left', 'left', 'right', 'right', 'right', 'left', 'left', 'left'],
    items.map((i) => ({
      cells: [
        i.id,
        i.name,
        String(i.max),
        fixed(i.score, pr),
        fixed(i.lost, pr),
        evidenceCell(i, m.lang),
        i.needed,
        i.source ?? '',
      ],
    })),
  );
}

export function countyDoc(m: ReportModel, x: PrefectureEntry, c: CountyEntry): Doc {
  const t = ui(m.lang).report;
  return {
    lang: m.lang,
    title: t.countyTitle(c.name),
    facts: [{ label: '', value: subtitle(m) }],
    notice: null,
    date: m.date,
    back: { text: t.backToPrefecture(x.name), link: { file: ['..', x.file], anchor: countyAnchor(c.id) } },
    blocks: countyBlocks(m, x, c, true),
    footer: footer(m),
  };
}
