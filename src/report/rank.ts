import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { Ranking } from '../rank/by.js';
import { csvText, type SheetRows } from './csv.js';
import type { RankFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { markdownTextTable } from './markdown.js';
import { noticeBanner, noticeFooter, noticeSheet } from './notice.js';
import type { Output } from './output.js';
import type { Paint } from './paint.js';
import { terminalInput } from './terminal.js';
import { textTable } from './text-table.js';
import { xlsxBytes } from './xlsx.js';

export interface RankRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  readonly precision: number;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
}

function rows(r: Ranking, o: RankRenderOptions): string[][] {
  const t = ui(o.lang).score;
  return r.counties.map((c) => [
    c.rank === null ? '—' : String(c.rank),
    c.name,
    c.prefecture,
    c.value === null ? '—' : c.value.toFixed(o.precision),
    c.disqualified ? t.disqualified : '',
  ]);
}

function head(r: Ranking, o: RankRenderOptions): string[] {
  const t = ui(o.lang).score;
  return [
    r.within === 'prefecture' ? t.prefectureRank : t.rank,
    t.county,
    t.prefecture,
    r.by ? `${r.by.id} ${r.by.name}（${r.by.max}）` : t.total,
    t.note,
  ];
}

export function renderRankTable(ranking: Ranking, options: RankRenderOptions): string {
  const [r, o] = terminalInput(ranking, options);
  const table = textTable(
    head(r, o).map((h) => o.style.bold(h)),
    rows(r, o),
    ['right', 'left', 'left', 'right', 'left'],
  );
  return `${table}\n${noticeFooter(frameFor(o), o.style)}`;
}

export const renderRankMarkdown = (r: Ranking, o: RankRenderOptions): string =>
  `${noticeBanner(frameFor(o))}${markdownTextTable(head(r, o), rows(r, o), ['right', 'left', 'left', 'right', 'left'])}`;

function rankRows(r: Ranking, o: RankRenderOptions): SheetRows {
  const t = ui(o.lang).score;
  const h = [
    r.within === 'prefecture' ? t.prefectureRank : t.rank,
    t.countyId,
    t.county,
    t.prefecture,
    r.by?.id ?? t.total,
    t.note,
  ];
  return [
    h,
    ...r.counties.map((c) => [
      c.rank ?? '',
      c.id,
      c.name,
      c.prefecture,
      c.value ?? '',
      c.disqualified ? t.disqualified : '',
    ]),
  ];
}

export const renderRankCsv = (r: Ranking, o: RankRenderOptions): string => csvText(rankRows(r, o));

export const renderRankXlsx = (r: Ranking, o: RankRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(rankRows(r, o), ui(o.lang).score.sheet, noticeSheet(frameFor(o)));

export const renderRankJson = (r: Ranking, o: RankRenderOptions): string =>
  `${JSON.stringify({ ...r, notice: frameFor(o).notice }, null, 2)}\n`;

export const RANK_RENDERERS = {
  table: renderRankTable,
  json: renderRankJson,
  csv: renderRankCsv,
  md: renderRankMarkdown,
  xlsx: renderRankXlsx,
} satisfies Record<RankFormat, (r: Ranking, o: RankRenderOptions) => Output>;

export type { RankFormat };
