import type { CountyCoverage, Coverage, CoverageCounts, CoverageSummary } from '../analyze/coverage.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { Where } from '../model/scope.js';
import { round } from '../score/round.js';
import { csvText, type SheetRows } from './csv.js';
import type { CoverageFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { noticeFooter, noticeSheet } from './notice.js';
import type { Output } from './output.js';
import type { Paint } from './paint.js';
import { terminalInput } from './terminal.js';
import { textTable } from './text-table.js';
import { xlsxBytes } from './xlsx.js';

export interface CoverageRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
  /** The scope in force (JSON's `scope`), `null` for the whole register. */
  readonly scope?: Where | null;
  /** The round read (JSON's `round`), `null` when none was chosen. */
  readonly round?: string | null;
}

/**
 * The share of the applicable scored items (usable + missing) that have usable evidence, as a
 * percentage with one decimal; never 100.0% while anything is missing. `—` when every item is 不适用.
 */
export const completeShare = (c: CoverageCounts): string => {
  const applicable = c.usable + c.missing;
  if (applicable === 0) return '—';
  const share = round((c.usable * 100) / applicable, 1);
  return `${(c.missing > 0 ? Math.min(share, 99.9) : share).toFixed(1)}%`;
};

const count = (n: number): string => (n === 0 ? '' : String(n));

const table = (head: readonly string[], align: readonly ('left' | 'right')[], rows: string[][], style: Paint) =>
  textTable(
    head.map((h) => style.bold(h)),
    rows,
    align,
  );

const countyRow = (c: CountyCoverage, systems: readonly string[]): string[] => {
  const na = Object.values(c.systems).reduce((acc, s) => acc + s.notApplicable, 0);
  return [
    c.name,
    c.id,
    c.prefecture,
    String(c.expected),
    String(c.usable),
    String(c.missing.length),
    String(na),
    completeShare({ expected: c.expected, usable: c.usable, missing: c.missing.length, notApplicable: na }),
    ...systems.map((s) => count(c.systems[s]?.missing ?? 0)),
  ];
};

const summaryRow = (s: CoverageSummary, first: readonly string[]): string[] => [
  ...first,
  String(s.expected),
  String(s.usable),
  String(s.missing),
  String(s.notApplicable),
  completeShare(s),
];

/** The terminal view: one row per county (most missing first), what each lacks, then per system and prefecture. */
export function renderCoverageTable(coverage: Coverage, options: CoverageRenderOptions): string {
  const [c, o] = terminalInput(coverage, options);
  const t = ui(o.lang).coverage;
  const systems = c.systems.map((s) => s.id);
  const incomplete = c.counties.filter((k) => k.missing.length > 0);
  const missing = incomplete.reduce((acc, k) => acc + k.missing.length, 0);
  const out = [o.style.bold(t.summary(c.counties.length, c.expected, incomplete.length, missing))];
  out.push(
    table(
      [...t.head, ...systems],
      ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', ...systems.map(() => 'right' as const)],
      c.counties.map((k) => countyRow(k, systems)),
      o.style,
    ),
    t.systemColumns,
  );
  if (incomplete.length > 0) {
    out.push('', o.style.bold(t.missingTitle));
    for (const k of incomplete) {
      const items = k.items.map((i) => (i.why === 'none' ? i.id : t.withWhy(i.id, t.why[i.why] ?? i.why)));
      out.push(`  ${t.missingLine(k.name, k.id, items.join(t.listJoin))}`);
    }
  }
  out.push(
    '',
    o.style.bold(t.systemsTitle),
    table(
      t.systemsHead,
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
      c.systems.map((s) => [...summaryRow(s, [s.id, s.name]), String(s.incomplete)]),
      o.style,
    ),
    '',
    o.style.bold(t.prefecturesTitle),
    table(
      t.prefecturesHead,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      c.prefectures.map((p) => summaryRow(p, [p.name, String(p.counties), String(p.counties - p.incomplete)])),
      o.style,
    ),
  );
  return `${out.join('\n')}\n${noticeFooter(frameFor(o), o.style)}`;
}

/** The 催报清单: one row per county and missing item, what evidence is wanted and what the cell must hold. */
export function requestRows(c: Coverage, lang: Lang): SheetRows {
  const t = ui(lang).coverage;
  const rows = c.counties.flatMap((k) =>
    k.items.map((i) => [
      k.id,
      k.name,
      k.prefecture,
      i.system,
      i.id,
      i.name,
      t.why[i.why] ?? i.why,
      i.value ?? '',
      i.at ?? '',
      i.evidence ?? '',
      i.hint,
    ]),
  );
  return [t.sheetHead, ...rows];
}

export const renderCoverageCsv = (c: Coverage, o: CoverageRenderOptions): string => csvText(requestRows(c, o.lang));
export const renderCoverageXlsx = (c: Coverage, o: CoverageRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(requestRows(c, o.lang), ui(o.lang).coverage.sheet, noticeSheet(frameFor(o)));

/**
 * CLI.md: `{ counties: [ { id, name, prefecture, expected, usable, missing, notApplicable, systems } ] }`,
 * with `fewCases` and the missing `items` per county, and the per-system and per-prefecture summaries.
 */
export const renderCoverageJson = (c: Coverage, o: CoverageRenderOptions): string =>
  `${JSON.stringify(
    {
      notice: frameFor(o).notice,
      scope: o.scope ?? null,
      round: o.round ?? null,
      expected: c.expected,
      counties: c.counties,
      systems: c.systems,
      prefectures: c.prefectures,
    },
    null,
    2,
  )}\n`;

export const COVERAGE_RENDERERS = {
  table: renderCoverageTable,
  json: renderCoverageJson,
  csv: renderCoverageCsv,
  xlsx: renderCoverageXlsx,
} satisfies Record<CoverageFormat, (c: Coverage, o: CoverageRenderOptions) => Output>;

export type { CoverageFormat };
