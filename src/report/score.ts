import Table from 'cli-table3';
import type { Lang } from '../i18n/lang.js';
import { problemMessage } from '../i18n/problems.js';
import { ui } from '../i18n/ui.js';
import type { InputFile } from '../load/evaluation.js';
import type { RuleData } from '../model/indicator-data.js';
import type { Problem } from '../model/problem.js';
import type { Scoring } from '../model/scoring.js';
import { round } from '../score/round.js';
import { csvText, type SheetRows } from './csv.js';
import { fixed } from './format.js';
import type { ScoreFormat } from './formats.js';
import { type Align, markdownTextTable, mdText } from './markdown.js';
import type { Output } from './output.js';
import type { Paint } from './paint.js';
import { xlsxBytes } from './xlsx.js';

/** `fazhi score --format json` (CLI.md): the scoring itself, every number rounded to `precision`. */
export interface ScoreReport {
  readonly system: {
    readonly id: string;
    readonly name: string;
    readonly version: string | null;
    /** sha256 of the indicator file, so a published result names exactly the system it used. */
    readonly sha256: string | null;
    readonly scale: number;
    readonly pass: number | null;
    readonly precision: number;
    readonly weighting: string;
    readonly missing: string;
    readonly nodes: readonly { id: string; name: string; parent: string | null; max: number; rule: RuleData | null }[];
  };
  readonly round: string | null;
  readonly counties: readonly CountyReport[];
  readonly warnings: readonly JsonProblem[];
  readonly rejected: readonly JsonProblem[];
  readonly inputs: readonly InputFile[];
}

export interface CountyReport {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  readonly total: number;
  readonly base: number;
  readonly bonus: number;
  readonly grade: string | null;
  readonly vetoed: boolean;
  readonly disqualified: boolean;
  readonly vetoes: readonly string[];
  readonly rank: number | null;
  readonly prefectureRank: number | null;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly missing: readonly string[];
  readonly notApplicable: readonly string[];
  /** The register's further columns (e.g. batch). */
  readonly columns: Readonly<Record<string, string>>;
}

export interface JsonProblem {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly code: string;
  readonly message: string;
}

export const jsonProblem = (p: Problem, lang: Lang): JsonProblem => ({
  file: p.file,
  line: p.line > 0 ? p.line : null,
  column: p.line > 0 ? p.column : null,
  code: p.code,
  message: problemMessage(p.code, p.args, lang),
});

/** A maximum as people write it: exact to 12 significant digits (relative weights give thirds). */
const exact = (x: number): number => Number(x.toPrecision(12));

export function scoreReport(
  scoring: Scoring,
  extra: {
    round: string | null;
    sha256: string | null;
    warnings: readonly Problem[];
    rejected: readonly Problem[];
    inputs: readonly InputFile[];
    lang: Lang;
  },
): ScoreReport {
  const s = scoring.system;
  const p = s.precision;
  return {
    system: {
      id: s.id,
      name: s.name,
      version: s.version,
      sha256: extra.sha256,
      scale: s.scale,
      pass: s.pass,
      precision: p,
      weighting: s.weighting,
      missing: s.missing,
      nodes: s.nodes.map((n) => ({ id: n.id, name: n.name, parent: n.parent, max: exact(n.max), rule: n.rule })),
    },
    round: extra.round,
    counties: scoring.counties.map((c) => ({
      id: c.county.id,
      name: c.county.name,
      prefecture: c.county.prefecture,
      total: round(c.total, p),
      base: round(c.base, p),
      bonus: round(c.bonus, p),
      grade: c.grade,
      vetoed: c.vetoes.length > 0,
      disqualified: c.disqualified,
      vetoes: c.vetoes,
      rank: c.rank,
      prefectureRank: c.prefectureRank,
      scores: Object.fromEntries(
        s.nodes.map((n) => {
          const points = c.nodes.get(n.id)?.points ?? null;
          return [n.id, points === null ? null : round(points, p)];
        }),
      ),
      missing: c.missing,
      notApplicable: c.notApplicable,
      columns: c.county.extra,
    })),
    warnings: extra.warnings.map((w) => jsonProblem(w, extra.lang)),
    rejected: extra.rejected.map((r) => jsonProblem(r, extra.lang)),
    inputs: extra.inputs,
  };
}

export interface ScoreRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
}

/** The ranked table for a terminal: rank, county, prefecture, total, grade, each system's points. */
export function renderScoreTable(r: ScoreReport, o: ScoreRenderOptions): string {
  const t = ui(o.lang).score;
  const systems = r.system.nodes.filter((n) => n.parent === null);
  const p = r.system.precision;
  const table = new Table({
    head: [t.rank, t.county, t.prefecture, t.total, t.grade, ...systems.map((s) => s.id)].map((h) => o.style.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: ['right', 'left', 'left', 'right', 'left', ...systems.map(() => 'right' as const)],
  });
  for (const c of r.counties) {
    const grade = c.disqualified ? o.style.red(c.grade ?? '') : (c.grade ?? '');
    const below = r.system.pass !== null && c.total < r.system.pass;
    table.push([
      c.rank === null ? o.style.red('—') : String(c.rank),
      c.name,
      c.prefecture,
      below || c.disqualified ? o.style.red(fixed(c.total, p)) : fixed(c.total, p),
      grade,
      ...systems.map((s) => fixed(c.scores[s.id] ?? null, p)),
    ]);
  }
  const legend = systems.map((s) => `${s.id} ${s.name}（${s.max}）`).join(t.legendSeparator);
  return `${table.toString()}\n${o.style.dim(t.legend(r.system.name, legend, r.round))}\n`;
}

/** Markdown for wikis and reports. */
export function renderScoreMarkdown(r: ScoreReport, o: ScoreRenderOptions): string {
  const t = ui(o.lang).score;
  const systems = r.system.nodes.filter((n) => n.parent === null);
  const p = r.system.precision;
  const head = [t.rank, t.county, t.prefecture, t.total, t.grade, ...systems.map((s) => `${s.id} ${s.name}`)];
  const rows = r.counties.map((c) => [
    c.rank === null ? '—' : String(c.rank),
    c.name,
    c.prefecture,
    fixed(c.total, p),
    c.grade ?? '',
    ...systems.map((s) => fixed(c.scores[s.id] ?? null, p)),
  ]);
  const align: Align[] = ['right', 'left', 'left', 'right', 'left', ...systems.map(() => 'right' as const)];
  return [
    `# ${mdText(r.system.name)}`,
    '',
    mdText(t.mdIntro(r.system.version, r.round, r.counties.length)),
    '',
    markdownTextTable(head, rows, align),
  ].join('\n');
}

/** One row per county, one column per system: the CSV and xlsx formats. */
function scoreRows(r: ScoreReport, o: ScoreRenderOptions): SheetRows {
  const t = ui(o.lang).score;
  const systems = r.system.nodes.filter((n) => n.parent === null);
  const head = [
    t.rank,
    t.prefectureRank,
    'county_id',
    t.county,
    t.prefecture,
    t.total,
    t.base,
    t.bonus,
    t.grade,
    t.vetoes,
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
    c.grade ?? '',
    c.vetoes.join(' '),
    ...systems.map((s) => c.scores[s.id] ?? ''),
  ]);
  return [head, ...rows];
}

/** CSV for spreadsheets (UTF-8 with BOM). */
export const renderScoreCsv = (r: ScoreReport, o: ScoreRenderOptions): string => csvText(scoreRows(r, o));

export const renderScoreXlsx = (r: ScoreReport, o: ScoreRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(scoreRows(r, o), ui(o.lang).score.sheet);

export const renderScoreJson = (r: ScoreReport): string => `${JSON.stringify(r, null, 2)}\n`;

export const SCORE_RENDERERS = {
  table: renderScoreTable,
  json: renderScoreJson,
  csv: renderScoreCsv,
  md: renderScoreMarkdown,
  xlsx: renderScoreXlsx,
} satisfies Record<ScoreFormat, (r: ScoreReport, o: ScoreRenderOptions) => Output>;

export type { ScoreFormat };
