import type { Scorecard, ScorecardRow } from '../analyze/scorecard.js';
import type { Lang } from '../i18n/lang.js';
import { words } from '../i18n/phrases.js';
import { ui } from '../i18n/ui.js';
import { csvText, type SheetRows } from './csv.js';
import type { ScorecardFormat } from './formats.js';
import { frameFor } from './frame.js';
import { renderHtml } from './html/render.js';
import { renderMarkdown } from './markdown-doc.js';
import { noticeSheet } from './notice.js';
import type { Output } from './output.js';
import { type ScorecardRenderOptions, scorecardDoc } from './scorecard-doc.js';
import { xlsxBytes } from './xlsx.js';

/** A row of CLI.md's `scorecard --format json`: its fields in the contract's order, then fazhi's own. */
const jsonRow = (r: ScorecardRow, lang: Lang) => ({
  id: r.id,
  name: r.name,
  parent: r.parent,
  max: r.max,
  score: r.score,
  value: r.value,
  source: r.source,
  note: r.note,
  at: r.at,
  rule: r.rule === null ? null : words(r.rule, lang),
  reason: r.reason === null ? null : words(r.reason, lang),
  depth: r.depth,
  lost: r.lost,
  status: r.status,
  ...(r.assessors === null ? {} : { assessors: r.assessors }),
});

/** CLI.md: `{ counties: [ { id, name, prefecture, total, rows: [ { id, name, parent, max, score, value, source, note, at, rule, reason } ] } ] }`. */
export function renderScorecardJson(s: Scorecard, o: ScorecardRenderOptions): string {
  const counties = s.counties.map((c) => ({
    id: c.id,
    name: c.name,
    prefecture: c.prefecture,
    total: c.total,
    rows: c.rows.map((r) => jsonRow(r, o.lang)),
    base: c.base,
    ...(c.composite === null ? {} : { composite: c.composite }),
    bonus: c.bonus,
    deducted: c.deducted,
    grade: c.grade,
    rank: c.rank,
    prefectureRank: c.prefectureRank,
    disqualified: c.disqualified,
    ...(c.components === null ? {} : { components: c.components.map((r) => jsonRow(r, o.lang)) }),
    bonusItems: c.bonusItems.map(({ assessors: _, ...b }) => ({ ...b, rule: words(b.rule, o.lang) })),
    vetoes: c.vetoes,
    ...(c.overclaimed === null ? {} : { overclaimed: c.overclaimed }),
  }));
  const { id, name, version, scale, pass, precision } = s.system;
  return `${JSON.stringify(
    { system: { id, name, version, scale, pass, precision }, notice: frameFor(o).notice, counties },
    null,
    2,
  )}\n`;
}

/** What a row that does not count is: 不适用, the too-few-cases remark, 仅报告, 不计入. */
function remark(r: ScorecardRow, lang: Lang): string {
  if (r.remark !== null) return words(r.remark, lang);
  return r.score === null ? (ui(lang).scorecard.status[r.status] ?? '') : '';
}

/** One row per county and system or item, in rank order then file order. */
function sheet(s: Scorecard, o: ScorecardRenderOptions): SheetRows {
  const t = ui(o.lang).scorecard;
  const rows = s.counties.flatMap((c) =>
    c.rows.map((r) => [
      c.id,
      c.name,
      c.prefecture,
      r.depth,
      r.id,
      r.parent ?? '',
      r.name,
      r.max,
      r.score ?? '',
      r.lost ?? '',
      r.value ?? '',
      r.source ?? '',
      r.note ?? '',
      r.at ?? '',
      r.rule === null ? '' : words(r.rule, o.lang),
      r.reason === null ? '' : words(r.reason, o.lang),
      remark(r, o.lang),
    ]),
  );
  return [t.sheetHead, ...rows];
}

const generator = (o: ScorecardRenderOptions): string => o.generator ?? 'fazhi';

export const renderScorecardMarkdown = (s: Scorecard, o: ScorecardRenderOptions): string =>
  renderMarkdown(scorecardDoc(s, o));
export const renderScorecardHtml = (s: Scorecard, o: ScorecardRenderOptions): string =>
  renderHtml(scorecardDoc(s, o), generator(o));
export const renderScorecardCsv = (s: Scorecard, o: ScorecardRenderOptions): string => csvText(sheet(s, o));
export const renderScorecardXlsx = (s: Scorecard, o: ScorecardRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(sheet(s, o), ui(o.lang).scorecard.sheet, noticeSheet(frameFor(o)));
/** Word, with the reports' writer: loaded only when asked for (the docx library is large). */
export const renderScorecardDocx = async (s: Scorecard, o: ScorecardRenderOptions): Promise<Uint8Array> =>
  (await import('./docx/render.js')).renderDocx(scorecardDoc(s, o), generator(o));

export const SCORECARD_RENDERERS = {
  md: renderScorecardMarkdown,
  html: renderScorecardHtml,
  csv: renderScorecardCsv,
  xlsx: renderScorecardXlsx,
  json: renderScorecardJson,
  docx: renderScorecardDocx,
} satisfies Record<ScorecardFormat, (s: Scorecard, o: ScorecardRenderOptions) => Output>;

export type { ScorecardFormat, ScorecardRenderOptions };
