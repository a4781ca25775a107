import type { CountyReconcile, Reconciliation } from '../analyze/reconcile.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { csvText, type SheetRows } from './csv.js';
import { fixed, signed } from './format.js';
import type { ReconcileFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { lineStart, markdownTextTable, mdText } from './markdown.js';
import { noticeBanner, noticeFooter, noticeSheet } from './notice.js';
import type { Output } from './output.js';
import type { Paint } from './paint.js';
import { terminalInput } from './terminal.js';
import { textTable } from './text-table.js';
import { xlsxBytes } from './xlsx.js';

export interface ReconcileRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
}

function heading(c: CountyReconcile, r: Reconciliation, lang: Lang): string[] {
  const t = ui(lang).reconcile;
  const p = r.precision;
  const lines = [t.heading(c.name, c.id, c.prefecture, fixed(c.selfTotal, p), fixed(c.total, p))];
  if (c.overclaimed.length > 0) lines.push(t.overclaimed(c.overclaimed, fixed(c.deducted, p)));
  return lines;
}

function rows(c: CountyReconcile, r: Reconciliation, lang: Lang): string[][] {
  const t = ui(lang).reconcile;
  const p = r.precision;
  return c.items.map((i) => [
    i.id,
    i.name,
    fixed(i.max, p),
    i.self.value,
    fixed(i.self.score, p),
    i.scored.value ?? '',
    fixed(i.scored.score, p),
    signed(i.diff, p),
    c.overclaimed.includes(i.id) ? t.yes : '',
  ]);
}

const ALIGN = ['left', 'left', 'right', 'left', 'right', 'left', 'right', 'right', 'left'] as const;

export function renderReconcileTable(reconciliation: Reconciliation, options: ReconcileRenderOptions): string {
  const [r, o] = terminalInput(reconciliation, options);
  const t = ui(o.lang).reconcile;
  if (!r.declared) return `${t.notDeclared}\n${noticeFooter(frameFor(o), o.style)}`;
  const out: string[] = [];
  for (const c of r.counties) {
    out.push(...heading(c, r, o.lang).map((l, i) => (i === 0 ? o.style.bold(l) : o.style.red(l))));
    if (c.items.length === 0) out.push(c.selfRows === 0 ? t.noSelf : t.same);
    else {
      out.push(
        textTable(
          t.head.map((h) => o.style.bold(h)),
          rows(c, r, o.lang),
          ALIGN,
        ),
      );
    }
    out.push('');
  }
  return `${out.join('\n')}${noticeFooter(frameFor(o), o.style)}`;
}

export function renderReconcileMarkdown(r: Reconciliation, o: ReconcileRenderOptions): string {
  const t = ui(o.lang).reconcile;
  if (!r.declared) return `# ${t.title}\n\n${noticeBanner(frameFor(o))}${mdText(t.notDeclared)}\n`;
  const out = [`# ${t.title}`, '', ...(frameFor(o).notice === null ? [] : [noticeBanner(frameFor(o)).trimEnd(), ''])];
  for (const c of r.counties) {
    const [first, ...rest] = heading(c, r, o.lang);
    out.push(`## ${mdText(first ?? '')}`, '');
    if (rest.length > 0) out.push(...rest.map((l) => `- ${lineStart(mdText(l))}`), '');
    out.push(
      c.items.length === 0
        ? `${c.selfRows === 0 ? t.noSelf : t.same}\n`
        : markdownTextTable(t.head, rows(c, r, o.lang), [...ALIGN]),
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** One row per county and differing item, numbers as numbers. */
function sheet(r: Reconciliation, lang: Lang): SheetRows {
  const t = ui(lang).reconcile;
  return [
    t.sheetHead,
    ...r.counties.flatMap((c) =>
      c.items.map((i) => [
        c.id,
        c.name,
        c.prefecture,
        i.id,
        i.name,
        i.max,
        i.self.value,
        i.self.score ?? '',
        i.scored.value ?? '',
        i.scored.score ?? '',
        i.diff,
        c.overclaimed.includes(i.id) ? t.yes : '',
        c.selfTotal,
        c.total,
      ]),
    ),
  ];
}

export const renderReconcileCsv = (r: Reconciliation, o: ReconcileRenderOptions): string => csvText(sheet(r, o.lang));
export const renderReconcileXlsx = (r: Reconciliation, o: ReconcileRenderOptions): Promise<Uint8Array> =>
  xlsxBytes(sheet(r, o.lang), ui(o.lang).reconcile.sheet, noticeSheet(frameFor(o)));

/** CLI.md: `{ counties: [ { id, name, prefecture, selfTotal, total, overclaimed, deducted, items } ] }`, plus `declared`. */
export const renderReconcileJson = (r: Reconciliation, o: ReconcileRenderOptions): string =>
  `${JSON.stringify({ notice: frameFor(o).notice, counties: r.counties }, null, 2)}\n`;

export const RECONCILE_RENDERERS = {
  table: renderReconcileTable,
  json: renderReconcileJson,
  csv: renderReconcileCsv,
  md: renderReconcileMarkdown,
  xlsx: renderReconcileXlsx,
} satisfies Record<ReconcileFormat, (r: Reconciliation, o: ReconcileRenderOptions) => Output>;

export type { ReconcileFormat };
