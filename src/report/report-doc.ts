import type { GapItem } from '../analyze/gaps.js';
import { ui } from '../i18n/ui.js';
import { round } from '../score/round.js';
import { type Align, markdownTable, mdText } from './markdown.js';
import {
  type CountyEntry,
  fixed,
  type PrefectureEntry,
  percent,
  points,
  type ReportModel,
  signed,
  TOP_SHORTFALLS,
} from './prefecture-report.js';

/**
 * The reports as documents: headings, paragraphs, tables and charts, built once from the model
 * and rendered as HTML (html/render.ts) or Markdown (below), so that both say the same.
 */

/** A link to another file of the batch (path segments, the last without extension) and/or an anchor in it. */
export interface Link {
  readonly file?: readonly string[];
  readonly anchor?: string;
}

export type Inline = string | { readonly text: string; readonly link?: Link; readonly tone?: 'pos' | 'neg' };

export interface Row {
  readonly cells: readonly Inline[];
  readonly muted?: boolean;
}

export type Block =
  | {
      readonly kind: 'h';
      readonly level: 2 | 3 | 4;
      readonly text: string;
      readonly id?: string;
      readonly link?: { readonly text: string; readonly link: Link };
    }
  | { readonly kind: 'p'; readonly content: readonly Inline[]; readonly note?: boolean }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly align: readonly Align[];
      readonly rows: readonly Row[];
    }
  | {
      readonly kind: 'chart';
      readonly title: string;
      readonly axes: readonly { readonly id: string; readonly name: string }[];
      readonly county: { readonly label: string; readonly values: readonly (number | null)[] } | null;
      readonly mean: { readonly label: string; readonly values: readonly (number | null)[] };
    }
  /** A county's profile: the chart beside its table (side by side on screen). */
  | { readonly kind: 'profile'; readonly blocks: readonly Block[] }
  /** One county of a prefecture report: a new page when printed. */
  | { readonly kind: 'county'; readonly id: string; readonly blocks: readonly Block[] };

export interface Doc {
  readonly lang: ReportModel['lang'];
  readonly title: string;
  readonly subtitle: string;
  readonly date: string | null;
  readonly back: { readonly text: string; readonly link: Link } | null;
  readonly blocks: readonly Block[];
  readonly footer: readonly Block[];
}

const h = (level: 2 | 3 | 4, text: string, id?: string): Block =>
  id === undefined ? { kind: 'h', level, text } : { kind: 'h', level, text, id };
const p = (...content: Inline[]): Block => ({ kind: 'p', content });
const note = (...content: Inline[]): Block => ({ kind: 'p', content, note: true });
const table = (head: readonly string[], align: readonly Align[], rows: readonly Row[]): Block => ({
  kind: 'table',
  head,
  align,
  rows,
});
const tone = (x: number | null, text: string): Inline =>
  x === null || x === 0 ? text : { text, tone: x > 0 ? 'pos' : 'neg' };

/** The anchor of a county in its prefecture's report. */
export const countyAnchor = (id: string): string => `c-${id}`;

function subtitle(m: ReportModel): string {
  return ui(m.lang).report.subtitle(m.system.name, m.system.version, m.round);
}

function footer(m: ReportModel): Block[] {
  const t = ui(m.lang).report;
  const pv = m.provenance;
  const blocks: Block[] = [
    h(2, t.provenance),
    p(t.madeWith(pv.version)),
    p(`${t.systemUsed(m.system.id, m.system.version, pv.indicatorsPath)} sha256 ${pv.indicatorsSha256 ?? '—'}`),
    p(t.roundUsed(m.round)),
  ];
  if (m.baseline) blocks.push(p(t.baselineUsed(m.baseline.round, m.baseline.automatic)));
  if (m.date) blocks.push(p(t.dated(m.date)));
  blocks.push(
    // The register counts rows; an evidence file counts cells (in wide form many a row) and its data rows apart.
    table(
      t.inputsHead,
      ['left', 'left', 'right', 'right', 'right'],
      pv.inputs.map((f) => ({
        cells: [
          f.path,
          f.sha256,
          String(f.records ?? f.rows),
          f.records === undefined ? '—' : String(f.rows),
          String(f.used),
        ],
      })),
    ),
    note(t.reproducible),
  );
  return blocks;
}

const names = (m: ReportModel, ids: readonly string[]): string[] =>
  ids.map((id) => m.counties.find((c) => c.id === id)?.name ?? id);

// ── The province overview ────────────────────────────────────────────────────

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
      [t.prefecturesHead[0]!, ...m.axes.map((a) => a.id)],
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
      kind: 'chart',
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
      [...t.rankHead, ...(withChange ? [t.progressHead[1]!] : [])],
      ['right', 'left', 'left', 'right', 'right', 'left', 'left', ...(withChange ? (['right'] as const) : [])],
      m.counties.map((c) => {
        const pref = m.prefectures.find((x) => x.name === c.prefecture)!;
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
    subtitle: subtitle(m),
    date: m.date,
    back: null,
    blocks,
    footer: footer(m),
  };
}

function shortfallTable(m: ReportModel, list: ReportModel['shortfalls']): Block {
  const t = ui(m.lang).report;
  const pr = m.system.precision;
  const systemName = new Map(m.axes.map((a) => [a.id, a.name]));
  return table(
    t.shortfallsHead,
    ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    list.map((s) => ({
      cells: [
        s.id,
        s.name,
        `${s.system} ${systemName.get(s.system) ?? ''}`.trim(),
        String(s.max),
        `${s.counties}/${s.of}`,
        fixed(s.lost, pr),
        fixed(s.meanLost, pr),
      ],
    })),
  );
}

// ── A prefecture's report ─────────────────────────────────────────────────────

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
    subtitle: subtitle(m),
    date: m.date,
    back: m.index ? { text: t.backToIndex, link: { file: [m.indexFile] } } : null,
    blocks,
    footer: footer(m),
  };
}

// ── A county ──────────────────────────────────────────────────────────────────

/** A county's part: facts, distances, progress, profile, shortfalls, pass plan (and on its own page, the score sheet). */
function countyBlocks(m: ReportModel, x: PrefectureEntry, c: CountyEntry, page: boolean): Block[] {
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
        kind: 'chart',
        title: t.radarTitle(c.name),
        axes: m.axes,
        county: { label: t.radarLegendCounty(c.name), values: c.profile.map((s) => s.attainment) },
        mean: { label: t.radarLegendMean, values: m.means },
      },
      table(
        t.profileHead,
        ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
        m.axes.map((a, i) => {
          const s = c.profile[i]!;
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
  if (g.notApplicable.length > 0) blocks.push(p(t.notApplicable(g.notApplicable)));

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
    { kind: 'list', items: c.passPlan.map((i) => [t.planItem(i.id, i.name, fixed(i.lost, pr))]) },
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
    subtitle: `${c.prefecture}　${subtitle(m)}`,
    date: m.date,
    back: { text: t.backToPrefecture(x.name), link: { file: ['..', x.file], anchor: countyAnchor(c.id) } },
    blocks: countyBlocks(m, x, c, true),
    footer: footer(m),
  };
}

// ── Markdown ──────────────────────────────────────────────────────────────────

export const linkTarget = (l: Link, ext: string): string =>
  `${l.file ? l.file.map((s, i) => (s === '..' ? s : encodeURIComponent(i === l.file!.length - 1 ? `${s}${ext}` : s))).join('/') : ''}${l.anchor ? `#${encodeURIComponent(l.anchor)}` : ''}`;

function mdInline(x: Inline): string {
  if (typeof x === 'string') return mdText(x);
  // Anchors inside a Markdown file depend on the wiki: only links to other files are kept.
  if (x.link?.file) return `[${mdText(x.text)}](${linkTarget({ file: x.link.file }, '.md')})`;
  return mdText(x.text);
}

function mdBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'h':
        out.push(
          `${'#'.repeat(b.level)} ${mdText(b.text)}${b.link?.link.file ? ` · [${mdText(b.link.text)}](${linkTarget({ file: b.link.link.file }, '.md')})` : ''}`,
          '',
        );
        break;
      case 'p':
        out.push(b.content.map(mdInline).join(''), '');
        break;
      case 'list':
        b.items.forEach((item, i) => out.push(`${i + 1}. ${item.map(mdInline).join('')}`));
        out.push('');
        break;
      case 'table':
        out.push(
          markdownTable(
            b.head.map(mdText),
            b.rows.map((r) => r.cells.map(mdInline)),
            b.align,
          ),
        );
        break;
      case 'chart':
        // The chart's numbers are in the table beside it.
        break;
      case 'profile':
      case 'county':
        out.push(...mdBlocks(b.blocks));
        break;
    }
  }
  return out;
}

export function renderMarkdown(doc: Doc): string {
  const head = [`# ${mdText(doc.title)}`, ''];
  if (doc.back?.link.file)
    head.push(`[${mdText(doc.back.text)}](${linkTarget({ file: doc.back.link.file }, '.md')})`, '');
  head.push(mdText(doc.subtitle), '');
  if (doc.date) head.push(mdText(ui(doc.lang).report.dated(doc.date)), '');
  const text = [...head, ...mdBlocks(doc.blocks), '---', '', ...mdBlocks(doc.footer)].join('\n');
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// ── The batch ─────────────────────────────────────────────────────────────────

export type ReportFormat = 'html' | 'md' | 'both';
export const REPORT_FORMAT_LIST = ['html', 'md', 'both'] as const satisfies readonly ReportFormat[];

/** One file of the batch: its path inside OUTDIR (safe segments) and how to render it. */
export interface ReportFile {
  readonly path: readonly string[];
  readonly render: () => string;
}

/**
 * The files of the batch, in writing order: the overview (unless only one prefecture is asked
 * for), each prefecture's report, then its county pages; for each, HTML then Markdown.
 */
export function reportFiles(
  m: ReportModel,
  format: ReportFormat,
  html: (doc: Doc) => string,
  only: string | null,
): ReportFile[] {
  const exts = format === 'both' ? ['.html', '.md'] : [`.${format}`];
  const as = (path: readonly string[], doc: () => Doc): ReportFile[] =>
    exts.map((ext) => ({
      path: [...path.slice(0, -1), `${path[path.length - 1]!}${ext}`],
      render: () => (ext === '.md' ? renderMarkdown(doc()) : html(doc())),
    }));
  const files: ReportFile[] = [];
  if (m.index) files.push(...as([m.indexFile], () => indexDoc(m)));
  for (const x of m.prefectures) {
    if (only !== null && x.name !== only) continue;
    files.push(...as([x.file], () => prefectureDoc(m, x)));
    if (m.countyPages) for (const c of x.counties) files.push(...as([x.file, c.page!], () => countyDoc(m, x, c)));
  }
  return files;
}
