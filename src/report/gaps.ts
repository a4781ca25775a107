import type { CountyGaps, Gaps } from '../analyze/gaps.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { csvText, type SheetRows } from './csv.js';
import { componentsLine, fixed } from './format.js';
import type { GapsFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { lineStart, markdownTextTable, mdText } from './markdown.js';
import { noticeBanner, noticeFooter, noticeSheet } from './notice.js';
import { jsonPieces, type Output, type Pieces } from './output.js';
import type { Paint } from './paint.js';
import { terminalInput } from './terminal.js';
import { textTable } from './text-table.js';
import { vetoBasis, vetoEffect, vetoLine } from './veto-words.js';
import { xlsxBytes } from './xlsx.js';

export interface GapsRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  /** The systems' names, for headings. */
  readonly systemNames: ReadonlyMap<string, string>;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
}

/** The points the deduct vetoes took; the rest of `deducted` is the false-report deduction. */
const vetoDeductions = (c: CountyGaps): number =>
  c.vetoes.reduce((acc, v) => acc + (typeof v.effect === 'object' && 'deduct' in v.effect ? v.effect.deduct : 0), 0);

/** The summary line of one county: total, distances, weakest systems, the pass plan. */
function summary(c: CountyGaps, g: Gaps, o: GapsRenderOptions): string[] {
  const t = ui(o.lang).gaps;
  const p = g.precision;
  const region = frameFor(o).region;
  const lines = [t.heading(c.name, c.id, c.prefecture, fixed(c.total, p), c.grade, c.rank, region)];
  if (c.components) lines.push(componentsLine(c.components, p, o.lang));
  for (const v of c.vetoes) lines.push(t.veto(vetoLine(v, o.lang)));
  if (c.overclaimed !== null && c.overclaimed.length > 0)
    lines.push(ui(o.lang).reconcile.overclaimed(c.overclaimed, fixed(c.deducted - vetoDeductions(c), p)));
  if (c.disqualified) lines.push(t.disqualified);
  else
    lines.push(
      t.distances(
        g.pass === null ? null : fixed(c.toPass, p),
        fixed(c.toPrefectureBest, p),
        fixed(c.toProvinceBest, p),
        region,
      ),
    );
  lines.push(
    t.weakest(
      c.weakest.slice(0, 3).map((id) => `${id} ${o.systemNames.get(id) ?? ''}`),
      region,
    ),
  );
  if (c.passPlan !== null && c.passPlan.length > 0) lines.push(t.passPlan(c.passPlan));
  if (c.passPlan === null && g.pass !== null && !c.disqualified) lines.push(t.noPassPlan);
  return lines;
}

/** The lost items, then those with no usable evidence (with why), as table rows. */
const itemRows = (c: CountyGaps, p: number, lang: Lang): string[][] =>
  [...c.items.filter((i) => !i.missing), ...c.items.filter((i) => i.missing)].map((i) => [
    i.id,
    i.name,
    fixed(i.max, p),
    fixed(i.score, p),
    fixed(i.lost, p),
    i.value ?? '',
    i.needed,
    i.source ?? '',
    i.missing ? ui(lang).gaps.lostNote(i.why) : '',
  ]);

/** One county's block at a time: the whole is too long for one string at 100,000 counties. */
export function renderGapsTable(gaps: Gaps, options: GapsRenderOptions): Pieces {
  const [g, o] = terminalInput(gaps, options);
  return { pieces: gapsTablePieces(g, o) };
}

function* gapsTablePieces(g: Gaps, o: GapsRenderOptions): Generator<string> {
  const t = ui(o.lang).gaps;
  let first = true;
  for (const c of g.counties) {
    const out: string[] = [];
    out.push(...summary(c, g, o).map((l, i) => (i === 0 ? o.style.bold(l) : l)));
    const rows = itemRows(c, g.precision, o.lang);
    if (rows.length > 0) {
      const align = ['left', 'left', 'right', 'right', 'right', 'left', 'left', 'left', 'left'] as const;
      out.push(
        textTable(
          t.head.map((h) => o.style.bold(h)),
          rows,
          align,
        ),
      );
    } else out.push(t.nothingLost);
    if (c.fewCases.length > 0) out.push(t.fewCases(c.fewCases));
    const na = c.notApplicable.filter((id) => !c.fewCases.includes(id));
    if (na.length > 0) out.push(t.notApplicable(na));
    out.push('');
    yield first ? out.join('\n') : `\n${out.join('\n')}`;
    first = false;
  }
  yield noticeFooter(frameFor(o), o.style);
}

export const renderGapsMarkdown = (g: Gaps, o: GapsRenderOptions): Pieces => ({ pieces: gapsMarkdownPieces(g, o) });

function* gapsMarkdownPieces(g: Gaps, o: GapsRenderOptions): Generator<string> {
  const t = ui(o.lang).gaps;
  yield [`# ${t.title}`, '', ...(frameFor(o).notice === null ? [] : [noticeBanner(frameFor(o)).trimEnd(), ''])].join(
    '\n',
  );
  for (const c of g.counties) {
    const out: string[] = [];
    const [heading, ...rest] = summary(c, g, o);
    out.push(`## ${mdText(heading ?? '')}`, '', ...rest.map((l) => `- ${lineStart(mdText(l))}`), '');
    const rows = itemRows(c, g.precision, o.lang);
    out.push(
      rows.length > 0
        ? markdownTextTable(t.head, rows, ['left', 'left', 'right', 'right', 'right', 'left', 'left', 'left', 'left'])
        : t.nothingLost,
    );
    if (c.fewCases.length > 0) out.push('', mdText(t.fewCases(c.fewCases)));
    const na = c.notApplicable.filter((id) => !c.fewCases.includes(id));
    if (na.length > 0) out.push('', mdText(t.notApplicable(na)));
    out.push('');
    yield `\n${out.join('\n')}`;
  }
}

/** The 问题清单/整改清单: one row per county and item lost, with measure, unit and deadline to fill in. */
function worklist(g: Gaps, o: GapsRenderOptions): SheetRows {
  const t = ui(o.lang).gaps;
  const rows = g.counties.flatMap((c) => [
    // A veto first: it weighs more than any item.
    ...c.vetoes.map((v) => [
      c.id,
      c.name,
      c.prefecture,
      '',
      v.id,
      v.name,
      '',
      '',
      typeof v.effect === 'object' && 'deduct' in v.effect ? v.effect.deduct : '',
      ui(o.lang).explain.yes,
      t.vetoNeeded,
      [v.source, v.note].filter(Boolean).join(' '),
      `${vetoEffect(v.effect, o.lang)}；${vetoBasis(v, o.lang)}`,
      '',
      '',
      '',
    ]),
    ...c.items.map((i) => [
      c.id,
      c.name,
      c.prefecture,
      i.system,
      i.id,
      i.name,
      i.max,
      i.score ?? '',
      i.lost ?? '',
      i.value ?? '',
      i.needed,
      i.source ?? '',
      t.lostNote(i.why),
      '',
      '',
      '',
    ]),
  ]);
  return [t.worklistHead, ...rows];
}

export const renderGapsCsv = (g: Gaps, o: GapsRenderOptions): string => csvText(worklist(g, o));
export const renderGapsXlsx = (g: Gaps, o: GapsRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(worklist(g, o), ui(o.lang).gaps.sheet, noticeSheet(frameFor(o)));

/** CLI.md: `{ counties: [ { id, name, prefecture, total, toPass, toPrefectureBest, toProvinceBest, weakest, passPlan, items } ] }`. */
export const renderGapsJson = (g: Gaps, o: GapsRenderOptions): Pieces => ({
  pieces: jsonPieces({ pass: g.pass, notice: frameFor(o).notice }, 'counties', g.counties),
});

export const GAPS_RENDERERS = {
  table: renderGapsTable,
  json: renderGapsJson,
  md: renderGapsMarkdown,
  csv: renderGapsCsv,
  xlsx: renderGapsXlsx,
} satisfies Record<GapsFormat, (g: Gaps, o: GapsRenderOptions) => Output>;

export type { GapsFormat };
