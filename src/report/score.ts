import type { Lang } from '../i18n/lang.js';
import { reportWords } from '../i18n/report-words.js';
import { ui } from '../i18n/ui.js';
import { csvText, type SheetRows } from './csv.js';
import { fixed } from './format.js';
import type { ScoreFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { type Align, lineStart, markdownTextTable, mdText } from './markdown.js';
import { noticeBanner, noticeFooter, noticeSheet } from './notice.js';
import { jsonPiecesOf, type Output, type Pieces } from './output.js';
import type { Paint } from './paint.js';
import { scopeParts } from './scope-words.js';
import { countyReports, type ScoreReport } from './score-report.js';
import { terminalInput } from './terminal.js';
import { type TextAlign, textTable } from './text-table.js';
import { vetoesShort, vetoLine } from './veto-words.js';
import { xlsxBytes } from './xlsx.js';

export interface ScoreRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
}

const roundOf = (r: ScoreReport, o: ScoreRenderOptions): string | null =>
  r.round === null ? null : frameFor(o).roundName(r.round);

/** The columns every human table of scores shows: components (when declared), systems, vetoes (when any). */
function columns(r: ScoreReport) {
  const systems = r.system.nodes.filter((n) => n.parent === null);
  const components = r.system.components ?? [];
  const vetoes = r.counties.some((c) => c.vetoes.length > 0);
  return { systems, components, vetoes };
}

/** The scope the counties were chosen by, in words. */
const scopeLine = (r: ScoreReport, o: ScoreRenderOptions): string => {
  const { place, kind } = scopeParts(r.scope, frameFor(o), null);
  return ui(o.lang).score.scope(reportWords(o.lang).facts.scopeValue(place, kind, r.counties.length, null));
};

/** Each vetoed county's vetoes in full, with their basis: the table's footnotes. */
function vetoNotes(r: ScoreReport, lang: Lang): string[] {
  const t = ui(lang).veto;
  return r.counties
    .filter((c) => c.vetoBasis.length > 0)
    .map((c) => t.county(c.name, c.vetoBasis.map((b) => vetoLine(b, lang)).join(t.separator)));
}

/** The ranked table for a terminal: rank, county, prefecture, total, grade, components, systems, vetoes. */
export function renderScoreTable(report: ScoreReport, options: ScoreRenderOptions): string {
  const [r, o] = terminalInput(report, options);
  const t = ui(o.lang).score;
  const { systems, components, vetoes } = columns(r);
  const p = r.system.precision;
  const head = [
    t.rank,
    t.county,
    t.prefecture,
    t.total,
    t.grade,
    ...components.map((c) => c.id),
    ...systems.map((s) => s.id),
    ...(vetoes ? [t.vetoes] : []),
  ].map((h) => o.style.bold(h));
  const align: TextAlign[] = [
    'right',
    'left',
    'left',
    'right',
    'left',
    ...components.map(() => 'right' as const),
    ...systems.map(() => 'right' as const),
    ...(vetoes ? (['left'] as const) : []),
  ];
  const rows = r.counties.map((c) => {
    const vetoed = c.vetoes.length > 0;
    const grade = vetoed ? o.style.red(c.grade ?? '') : (c.grade ?? '');
    const below = r.system.pass !== null && c.total < r.system.pass;
    return [
      c.rank === null ? o.style.red('—') : String(c.rank),
      c.name,
      c.prefecture,
      below || c.disqualified ? o.style.red(fixed(c.total, p)) : fixed(c.total, p),
      grade,
      ...components.map((k) => fixed(c.components?.[k.id] ?? null, p)),
      ...systems.map((s) => fixed(c.scores[s.id] ?? null, p)),
      ...(vetoes ? [o.style.red(vetoesShort(c.vetoBasis, o.lang))] : []),
    ];
  });
  const legend = [...components, ...systems]
    .map((s) => t.legendItem(s.id, s.name, String(s.max)))
    .join(t.legendSeparator);
  const notes = vetoNotes(r, o.lang).map((l) => `${o.style.red(l)}\n`);
  const scope = r.scope === null ? '' : `${o.style.dim(scopeLine(r, o))}\n`;
  const last = `${o.style.dim(t.legend(r.system.name, legend, roundOf(r, o)))}\n`;
  return `${textTable(head, rows, align)}\n${notes.join('')}${scope}${last}${noticeFooter(frameFor(o), o.style)}`;
}

/** Markdown for wikis and reports. */
export function renderScoreMarkdown(r: ScoreReport, o: ScoreRenderOptions): string {
  const t = ui(o.lang).score;
  const { systems, components, vetoes } = columns(r);
  const p = r.system.precision;
  const head = [
    t.rank,
    t.county,
    t.prefecture,
    t.total,
    t.grade,
    ...[...components, ...systems].map((s) => `${s.id} ${s.name}`),
    ...(vetoes ? [t.vetoes] : []),
  ];
  const rows = r.counties.map((c) => [
    c.rank === null ? '—' : String(c.rank),
    c.name,
    c.prefecture,
    fixed(c.total, p),
    c.grade ?? '',
    ...components.map((k) => fixed(c.components?.[k.id] ?? null, p)),
    ...systems.map((s) => fixed(c.scores[s.id] ?? null, p)),
    ...(vetoes ? [vetoesShort(c.vetoBasis, o.lang)] : []),
  ]);
  const align: Align[] = [
    'right',
    'left',
    'left',
    'right',
    'left',
    ...[...components, ...systems].map(() => 'right' as const),
    ...(vetoes ? (['left'] as const) : []),
  ];
  const notes = vetoNotes(r, o.lang).map((l) => `- ${lineStart(mdText(l))}`);
  return [
    `# ${mdText(r.system.name)}`,
    '',
    `${noticeBanner(frameFor(o))}${mdText(t.mdIntro(r.system.version, roundOf(r, o), r.counties.length))}`,
    ...(r.scope === null ? [] : ['', mdText(scopeLine(r, o))]),
    '',
    markdownTextTable(head, rows, align),
    ...(notes.length > 0 ? [...notes, ''] : []),
  ].join('\n');
}

/** One row per county, one column per system: the CSV and xlsx formats. */
function scoreRows(r: ScoreReport, o: ScoreRenderOptions): SheetRows {
  const t = ui(o.lang).score;
  const { systems, components } = columns(r);
  const head = [
    t.rank,
    t.prefectureRank,
    t.countyId,
    t.county,
    t.prefecture,
    t.total,
    t.base,
    t.bonus,
    t.deducted,
    t.grade,
    t.vetoes,
    ...(components.length > 0 ? [t.composite] : []),
    ...components.map((c) => c.id),
    ...systems.map((s) => s.id),
  ];
  const rows = r.counties.map((c) => [
    c.rank ?? '',
    c.prefectureRank ?? '',
    c.id,
    c.name,
    c.prefecture,
    c.total,
    c.base,
    c.bonus,
    c.deducted,
    c.grade ?? '',
    c.vetoes.join(' '),
    ...(components.length > 0 ? [c.composite ?? ''] : []),
    ...components.map((k) => c.components?.[k.id] ?? ''),
    ...systems.map((s) => c.scores[s.id] ?? ''),
  ]);
  return [head, ...rows];
}

/** CSV for spreadsheets (UTF-8 with BOM). */
export const renderScoreCsv = (r: ScoreReport, o: ScoreRenderOptions): string => csvText(scoreRows(r, o));

export const renderScoreXlsx = (r: ScoreReport, o: ScoreRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(scoreRows(r, o), ui(o.lang).score.sheet, noticeSheet(frameFor(o)));

/** `JSON.stringify(r, null, 2)`, in pieces of one county each, each county made as it is written. */
export const renderScoreJson = (r: ScoreReport): Pieces => ({ pieces: jsonPiecesOf(r, 'counties', countyReports(r)) });

export const SCORE_RENDERERS = {
  table: renderScoreTable,
  json: renderScoreJson,
  csv: renderScoreCsv,
  md: renderScoreMarkdown,
  xlsx: renderScoreXlsx,
} satisfies Record<ScoreFormat, (r: ScoreReport, o: ScoreRenderOptions) => Output>;

export { type CountyReport, type JsonProblem, jsonProblem, type ScoreReport, scoreReport } from './score-report.js';
export type { ScoreFormat };
