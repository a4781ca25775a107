import type { CountyScorecard, Scorecard, ScorecardRow } from '../analyze/scorecard.js';
import type { Lang } from '../i18n/lang.js';
import { words } from '../i18n/phrases.js';
import { reportWords } from '../i18n/report-words.js';
import { ui } from '../i18n/ui.js';
import { round } from '../score/round.js';
import { type Block, type Doc, type Fact, h, note, p, type Row, table } from './doc.js';
import { fixed, percent } from './format.js';
import { type Frame, frameFor } from './frame.js';
import { evidenceText, placesOf, pointsCell, reasonText, valueText } from './scorecard-cells.js';
import { vetoBasisWords, vetoEffect } from './veto-words.js';

/**
 * The score sheets as a document (评分表): a title with the facts of the evaluation, then one
 * `county` block per county, each a page when printed: its sheet of every system and item, its
 * components, bonus items and vetoes, its totals, grade and ranks. HTML and Word render it; so
 * does Markdown, the default format.
 */

export interface ScorecardRenderOptions {
  readonly lang: Lang;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
  /** The program, as the sheets name it: `fazhi 0.2.0`. */
  readonly generator?: string;
  /** The round scored, or `null`. */
  readonly round?: string | null;
  /**
   * The files read (indicator system, register, evidence), as shown, with their SHA-256; an
   * evidence file is listed only when a sheet cites it.
   */
  readonly files?: readonly { readonly path: string; readonly sha256: string | null; readonly evidence: boolean }[];
}

const SHEET_ALIGN = ['left', 'right', 'left', 'left', 'right', 'left'] as const;

const MUTED = new Set(['na', 'few', 'report-only', 'excluded']);

type Places = ReturnType<typeof placesOf>;

/**
 * Rows of the sheet (indented by level, each with its id, the systems set apart) and of the
 * components' table (by name alone: their ids are the file's code names).
 */
function sheetRows(rows: readonly ScorecardRow[], s: Scorecard, places: Places, lang: Lang, ids = true): Row[] {
  return rows.map((r) => ({
    muted: MUTED.has(r.status),
    strong: ids && r.depth === 1,
    cells: [
      ids ? `${'\u00a0\u00a0'.repeat(Math.max(0, r.depth - 1))}${r.id} ${r.name}` : r.name,
      String(r.max),
      r.rule === null ? '' : words(r.rule, lang),
      evidenceText(valueText(r.value, r.assessors, s.system.combine, lang), r.source, r.note, places.cell(r.at), lang),
      pointsCell(r, s.system.precision, lang),
      reasonText(r, lang),
    ],
  }));
}

/** The totals at the foot: the arithmetic to the total, then the grade and the ranks. */
function totals(c: CountyScorecard, s: Scorecard, f: Frame): Block[] {
  const t = ui(f.lang).scorecard;
  const w = t.totalWords;
  const pr = s.system.precision;
  const first = c.composite ?? c.base;
  const parts: [string, string, '+' | '−'][] = [[c.composite === null ? w.base : w.composite, fixed(first, pr), '+']];
  if (s.system.bonusCap !== null || c.bonus > 0) parts.push([w.bonus, fixed(c.bonus, pr), '+']);
  if (c.deducted > 0) parts.push([w.deducted, fixed(c.deducted, pr), '−']);
  const caps = c.vetoes.flatMap((v) => (typeof v.effect === 'object' && 'cap' in v.effect ? [v.effect.cap] : []));
  const sum = fixed(round(first + c.bonus - c.deducted, pr), pr);
  return [
    p(t.totals(parts, sum, fixed(c.total, pr), caps.length > 0 ? String(Math.min(...caps)) : null)),
    p(t.standing(fixed(c.total, pr), c.grade, c.rank, f.region, c.prefecture, c.prefectureRank)),
  ];
}

/** One county's page. */
function countyBlock(c: CountyScorecard, s: Scorecard, f: Frame): Block {
  const t = ui(f.lang).scorecard;
  const pr = s.system.precision;
  const places = placesOf(
    [...c.rows, ...(c.components ?? []), ...c.bonusItems, ...c.vetoes].map((x) => x.at || null),
    f.lang,
  );
  const blocks: Block[] = [h(2, t.county(c.name, c.id, c.prefecture))];
  if (places.main !== null) blocks.push(p(t.evidenceFile(places.main)));
  blocks.push(table(t.head, SHEET_ALIGN, sheetRows(c.rows, s, places, f.lang)));
  if (c.components !== null)
    blocks.push(
      h(4, t.sections.components),
      table(t.componentHead, SHEET_ALIGN, sheetRows(c.components, s, places, f.lang, false)),
    );
  if (c.bonusItems.length > 0) {
    const rows = c.bonusItems.map((b) => ({
      cells: [
        `${b.id} ${b.name}`,
        String(b.max),
        words(b.rule, f.lang),
        evidenceText(
          valueText(b.value, b.assessors, s.system.combine, f.lang),
          b.source,
          b.note,
          places.cell(b.at),
          f.lang,
        ),
        fixed(b.score, pr),
      ],
    }));
    blocks.push(
      h(4, t.sections.bonus),
      table(t.bonusHead, ['left', 'right', 'left', 'left', 'right'], rows),
      p(t.bonusTotal(fixed(c.bonus, pr), String(s.system.bonusCap ?? 0))),
    );
  }
  blocks.push(
    h(4, t.sections.vetoes),
    c.vetoes.length === 0
      ? p(t.noVeto)
      : table(
          t.vetoHead,
          ['left', 'left', 'left'],
          c.vetoes.map((v) => ({
            cells: [
              { text: `${v.id} ${v.name}`, tone: 'neg' },
              vetoEffect(v.effect, f.lang),
              evidenceText(vetoBasisWords(v, f.lang), null, null, places.cell(v.at || null), f.lang),
            ],
          })),
        ),
    h(4, t.sections.totals),
    ...(c.overclaimed !== null && c.overclaimed.length > 0
      ? [p(ui(f.lang).reconcile.overclaimed(c.overclaimed, fixed(c.falseReport, pr)))]
      : []),
    ...totals(c, s, f),
  );
  return { kind: 'county', id: `c-${c.id}`, blocks };
}

/** The facts under the title: who evaluated, when, which round, with which system and standard. */
function facts(s: Scorecard, f: Frame, round: string | null): Fact[] {
  const w = reportWords(f.lang).facts;
  const out: Fact[] = [];
  if (f.meta.evaluator) out.push({ label: w.evaluator, value: f.meta.evaluator });
  if (f.meta.period) out.push({ label: w.period, value: f.meta.period });
  if (round !== null) out.push({ label: w.round, value: w.roundValue(f.roundName(round), null) });
  out.push({ label: w.system, value: w.systemValue(s.system.name, s.system.version) });
  const n = (x: number) => fixed(x, x % 1 === 0 ? 0 : s.system.precision);
  const grades = s.system.grades.map((g, i): readonly [string, string, string | null] => {
    const above = s.system.grades[i - 1];
    return g.min <= 0 && above ? [g.label, n(g.min), n(above.min)] : [g.label, n(g.min), null];
  });
  const standard = w.standardValue(n(s.system.scale), s.system.pass === null ? null : n(s.system.pass), grades);
  const parts = s.system.components.map((c) => [c.name, percent(c.share).replace(/\.0%$/, '%')] as const);
  out.push({
    label: w.standard,
    value: parts.length === 0 ? standard : `${standard}${f.lang === 'zh' ? '；' : '; '}${w.components(parts)}`,
  });
  return out;
}

/** The score sheets of the counties given, as one document. */
export function scorecardDoc(s: Scorecard, o: ScorecardRenderOptions): Doc {
  const f = frameFor(o);
  const t = ui(f.lang).scorecard;
  const round = o.round ?? null;
  const evaluation =
    f.meta.title ?? reportWords(f.lang).titles.evaluation(f.regionName, round === null ? null : f.roundName(round));
  const cited = s.counties.flatMap((c) =>
    [...c.rows, ...(c.components ?? []), ...c.bonusItems, ...c.vetoes].flatMap((x) => (x.at ? [x.at] : [])),
  );
  const files = (o.files ?? []).filter(
    (x) => !x.evidence || cited.some((at) => at.startsWith(`${x.path}:`) || at.startsWith(`${x.path}!`)),
  );
  return {
    lang: f.lang,
    title: t.title(evaluation),
    facts: facts(s, f, round),
    notice: f.notice,
    date: null,
    back: null,
    blocks: s.counties.map((c) => countyBlock(c, s, f)),
    footer: [
      note(t.located),
      ...(files.length === 0
        ? []
        : [
            note(t.madeWith(o.generator ?? 'fazhi')),
            table(
              t.filesHead,
              ['left', 'left'],
              files.map((x) => ({ cells: [x.path, x.sha256 ?? '—'] })),
            ),
          ]),
    ],
  };
}
