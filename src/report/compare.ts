import type { Comparison } from '../analyze/compare.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { csvText, type SheetRows } from './csv.js';
import { fixed, signed, whole } from './format.js';
import type { CompareFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { lineStart, markdownTextTable, mdText } from './markdown.js';
import { noticeBanner, noticeFooter, noticeSheet } from './notice.js';
import type { Output } from './output.js';
import type { Paint } from './paint.js';
import { terminalInput } from './terminal.js';
import { textTable } from './text-table.js';
import { vetoLine } from './veto-words.js';
import { xlsxBytes } from './xlsx.js';

export interface CompareRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  readonly names: ReadonlyMap<string, string>;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
  /** The two rounds compared, when they are rounds of the evidence (`--rounds`, or `--round` for both folders). */
  readonly rounds: readonly [string | null, string | null];
}

/** The systems and, when declared, the components each county's change is shown for. */
const parts = (c: Comparison) => ({
  systems: Object.keys(c.counties[0]?.systems ?? {}),
  components: Object.keys(c.counties[0]?.components ?? {}),
});

function rows(c: Comparison): string[][] {
  const p = c.precision;
  const { systems, components } = parts(c);
  return c.counties.map((x) => [
    x.name,
    x.prefecture,
    fixed(x.before, p),
    fixed(x.after, p),
    signed(x.delta, p),
    `${whole(x.rankBefore)} → ${whole(x.rankAfter)}`,
    ...components.map((k) => signed(x.components?.[k]?.delta ?? null, p)),
    ...systems.map((s) => signed(x.systems[s]?.delta ?? null, p)),
    String(x.improved.length),
    String(x.regressed.length),
  ]);
}

function head(c: Comparison, lang: Lang): string[] {
  const t = ui(lang).compare;
  const { systems, components } = parts(c);
  return [...t.head, ...[...components, ...systems].map((s) => `Δ${s}`), t.improved, t.regressed];
}

function summaryLines(c: Comparison, o: CompareRenderOptions): string[] {
  const t = ui(o.lang).compare;
  const p = c.precision;
  const name = (id: string) => o.names.get(id) ?? id;
  const s = c.summary;
  const [before, after] = o.rounds.map((r) => (r === null ? null : frameFor(o).roundName(r)));
  const lines = before && after && before !== after ? [t.roundsLine(before, after)] : [];
  lines.push(t.means(fixed(s.meanBefore, p), fixed(s.meanAfter, p), signed(s.meanDelta, p)));
  if (c.pass !== null) lines.push(t.crossed(s.nowPassing.map(name), s.nowFailing.map(name)));
  lines.push(t.movers(s.risers.map(name), s.fallers.map(name)));
  if (s.onlyBefore.length + s.onlyAfter.length > 0) lines.push(t.onlyIn(s.onlyBefore, s.onlyAfter));
  if (s.countiesOnlyBefore.length + s.countiesOnlyAfter.length > 0)
    lines.push(t.countiesOnlyIn(s.countiesOnlyBefore, s.countiesOnlyAfter));
  // A change a veto explains says so: the new vetoes, with their basis.
  for (const x of c.counties.filter((x) => x.newVetoes.length > 0))
    lines.push(t.vetoCause(x.name, x.newVetoes.map((v) => vetoLine(v, o.lang)).join(ui(o.lang).veto.separator)));
  return lines;
}

export function renderCompareTable(comparison: Comparison, options: CompareRenderOptions): string {
  const [c, o] = terminalInput(comparison, options);
  const h = head(c, o.lang);
  const table = textTable(
    h.map((x) => o.style.bold(x)),
    rows(c),
    h.map((_, i) => (i < 2 ? 'left' : 'right')),
  );
  return `${table}\n${summaryLines(c, o).join('\n')}\n${noticeFooter(frameFor(o), o.style)}`;
}

export function renderCompareMarkdown(c: Comparison, o: CompareRenderOptions): string {
  const h = head(c, o.lang);
  return `# ${ui(o.lang).compare.title}\n\n${noticeBanner(frameFor(o))}${summaryLines(c, o)
    .map((l) => `- ${lineStart(mdText(l))}`)
    .join('\n')}\n\n${markdownTextTable(
    h,
    rows(c),
    h.map((_, i) => (i < 2 ? 'left' : 'right')),
  )}`;
}

function sheet(c: Comparison, lang: Lang): SheetRows {
  const t = ui(lang).compare;
  const { systems, components } = parts(c);
  return [
    [
      ui(lang).score.countyId,
      ...t.sheetHead,
      ...[...components, ...systems].flatMap((s) => [`${s} ${t.before}`, `${s} ${t.after}`, `Δ${s}`]),
      t.improvedIds,
      t.regressedIds,
    ],
    ...c.counties.map((x) => [
      x.id,
      x.name,
      x.prefecture,
      x.before,
      x.after,
      x.delta,
      x.rankBefore,
      x.rankAfter,
      ...components.flatMap((k) => {
        const change = x.components?.[k];
        return [change?.before ?? null, change?.after ?? null, change?.delta ?? null];
      }),
      ...systems.flatMap((s) => {
        const change = x.systems[s];
        return [change?.before ?? null, change?.after ?? null, change?.delta ?? null];
      }),
      x.improved.join(' '),
      x.regressed.join(' '),
    ]),
  ];
}

export const renderCompareCsv = (c: Comparison, o: CompareRenderOptions): string => csvText(sheet(c, o.lang));
export const renderCompareXlsx = (c: Comparison, o: CompareRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(sheet(c, o.lang), ui(o.lang).compare.sheet, noticeSheet(frameFor(o)));
export const renderCompareJson = (c: Comparison, o: CompareRenderOptions): string =>
  `${JSON.stringify({ ...c, notice: frameFor(o).notice }, null, 2)}\n`;

export const COMPARE_RENDERERS = {
  table: renderCompareTable,
  json: renderCompareJson,
  csv: renderCompareCsv,
  md: renderCompareMarkdown,
  xlsx: renderCompareXlsx,
} satisfies Record<CompareFormat, (c: Comparison, o: CompareRenderOptions) => Output>;

export type { CompareFormat };
