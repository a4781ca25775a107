import { type CountySensitivity, intervalFacts, type Sensitivity } from '../analyze/sensitivity.js';
import type { Lang } from '../i18n/lang.js';
import { reportWords } from '../i18n/report-words.js';
import { ui } from '../i18n/ui.js';
import type { Where } from '../model/scope.js';
import { csvText, type SheetRows } from './csv.js';
import { interval } from './format.js';
import type { SensitivityFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { markdownTextTable, mdText } from './markdown.js';
import { noticeBanner, noticeFooter, noticeSheet } from './notice.js';
import type { Output } from './output.js';
import type { Paint } from './paint.js';
import { scopeParts } from './scope-words.js';
import { spreadText } from './sensitivity-doc.js';
import { terminalInput } from './terminal.js';
import { textTable } from './text-table.js';
import { xlsxBytes } from './xlsx.js';

/**
 * `fazhi sensitivity`'s outputs: the counties in rank order with their median rank and 5–95 %
 * interval, a line saying how many keep their rank and whose interval is widest, then each
 * system and how far ranks move with it left out. CSV and xlsx hold the counties alone.
 */

export interface SensitivityRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  /** The scope in force (`--where`), or `null` for the whole register. */
  readonly scope: Where | null;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
}

/** A county whose 5th and 95th percentiles are one rank. */
const single = (c: CountySensitivity): boolean => c.rank !== null && c.low === c.high;

/** The lines above the tables: what was drawn, and the scope when one is in force. */
function setup(s: Sensitivity, o: SensitivityRenderOptions): string[] {
  const t = ui(o.lang);
  const lines = [t.sensitivity.setup(s.runs, spreadText(s.spread), s.seed)];
  if (o.scope !== null) {
    const { place, kind } = scopeParts(o.scope, frameFor(o), null);
    lines.push(t.score.scope(reportWords(o.lang).facts.scopeValue(place, kind, s.counties.length, null)));
  }
  return lines;
}

/** How many have a one-rank interval, and the widest interval. */
function summary(s: Sensitivity, lang: Lang): string {
  const t = ui(lang).sensitivity;
  const { ranked, single, widest } = intervalFacts(s);
  return t.summary(ranked, single, widest ? t.widest(widest.name, widest.low as number, widest.high as number) : null);
}

/** 否决 for the disqualified, 区间只有一个名次 for a one-rank interval, else nothing. */
function note(c: CountySensitivity, lang: Lang): string {
  const t = ui(lang);
  return c.rank === null ? t.score.disqualified : single(c) ? t.sensitivity.single : '';
}

function countyRows(s: Sensitivity, lang: Lang): string[][] {
  return s.counties.map((c) => [
    c.rank === null ? '—' : String(c.rank),
    c.name,
    c.prefecture,
    c.medianRank === null ? '—' : String(c.medianRank),
    c.low === null || c.high === null ? '—' : interval(c.low, c.high),
    note(c, lang),
  ]);
}

function countyHead(lang: Lang): string[] {
  const t = ui(lang);
  return [
    t.score.rank,
    t.score.county,
    t.score.prefecture,
    t.sensitivity.medianRank,
    t.sensitivity.interval,
    t.score.note,
  ];
}

const COUNTY_ALIGN = ['right', 'left', 'left', 'right', 'right', 'left'] as const;

const systemRows = (s: Sensitivity): string[][] => s.systems.map((x) => [`${x.id} ${x.name}`, x.shift.toFixed(2)]);

const systemHead = (lang: Lang): string[] => [ui(lang).sensitivity.system, ui(lang).sensitivity.shift];

export function renderSensitivityTable(sensitivity: Sensitivity, options: SensitivityRenderOptions): string {
  const [s, o] = terminalInput(sensitivity, options);
  const t = ui(o.lang).sensitivity;
  const bold = (h: string) => o.style.bold(h);
  return [
    o.style.bold(t.title),
    ...setup(s, o).map((l) => o.style.dim(l)),
    textTable(countyHead(o.lang).map(bold), countyRows(s, o.lang), COUNTY_ALIGN),
    summary(s, o.lang),
    '',
    o.style.bold(t.systemsTitle),
    textTable(systemHead(o.lang).map(bold), systemRows(s), ['left', 'right']),
    noticeFooter(frameFor(o), o.style),
  ].join('\n');
}

export function renderSensitivityMarkdown(s: Sensitivity, o: SensitivityRenderOptions): string {
  const t = ui(o.lang).sensitivity;
  return [
    `# ${t.title}`,
    '',
    `${noticeBanner(frameFor(o))}${setup(s, o).map(mdText).join('\n\n')}`,
    '',
    markdownTextTable(countyHead(o.lang), countyRows(s, o.lang), COUNTY_ALIGN).trimEnd(),
    '',
    mdText(summary(s, o.lang)),
    '',
    `## ${t.systemsTitle}`,
    '',
    markdownTextTable(systemHead(o.lang), systemRows(s), ['left', 'right']),
  ].join('\n');
}

function sheetRows(s: Sensitivity, lang: Lang): SheetRows {
  const t = ui(lang);
  return [
    [
      t.score.rank,
      t.score.countyId,
      t.score.county,
      t.score.prefecture,
      t.sensitivity.medianRank,
      t.sensitivity.low,
      t.sensitivity.high,
      t.score.note,
    ],
    ...s.counties.map((c) => [
      c.rank ?? '',
      c.id,
      c.name,
      c.prefecture,
      c.medianRank ?? '',
      c.low ?? '',
      c.high ?? '',
      note(c, lang),
    ]),
  ];
}

export const renderSensitivityCsv = (s: Sensitivity, o: SensitivityRenderOptions): string =>
  csvText(sheetRows(s, o.lang));

export const renderSensitivityXlsx = (s: Sensitivity, o: SensitivityRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(sheetRows(s, o.lang), ui(o.lang).sensitivity.sheet, noticeSheet(frameFor(o)));

export const renderSensitivityJson = (s: Sensitivity, o: SensitivityRenderOptions): string =>
  `${JSON.stringify({ ...s, scope: o.scope, notice: frameFor(o).notice }, null, 2)}\n`;

export const SENSITIVITY_RENDERERS = {
  table: renderSensitivityTable,
  json: renderSensitivityJson,
  csv: renderSensitivityCsv,
  md: renderSensitivityMarkdown,
  xlsx: renderSensitivityXlsx,
} satisfies Record<SensitivityFormat, (s: Sensitivity, o: SensitivityRenderOptions) => Output>;

export type { SensitivityFormat };
