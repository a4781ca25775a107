import type { Explanation } from '../analyze/explain.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { BonusRuleData, RuleData } from '../model/indicator-data.js';
import { num } from '../model/number.js';
import type { ExplainFormat } from './formats.js';
import { type Frame, frameFor } from './frame.js';
import { noticeFooter } from './notice.js';
import type { Paint } from './paint.js';
import { terminalInput } from './terminal.js';
import { vetoEffect, vetoLine } from './veto-words.js';

export interface ExplainRenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  /** How the evaluation is named (evaluation.yaml); the plain one of `lang` when left out. */
  readonly frame?: Frame;
}

/** A rule and its parameters on one line: `linear（zero 0.5，full 1，min_n 3）`. */
export function ruleText(rule: RuleData | BonusRuleData | null, lang: Lang): string {
  if (rule === null) return '';
  const { type, ...params } = rule;
  const parts = Object.entries(params).map(([k, v]) =>
    k === 'bands' && Array.isArray(v)
      ? (v as { min?: number; max?: number; score: number }[])
          .map((b) => `${b.min !== undefined ? `≥${b.min}` : `≤${b.max}`}→${b.score}`)
          .join(' ')
      : `${k} ${String(v)}`,
  );
  if (parts.length === 0) return type;
  return ui(lang).explain.ruleWithParameters(type, parts);
}

/** `fazhi explain --format text`: the evidence, the rule, the arithmetic, up to the total and the vetoes. */
export function renderExplainText(explanation: Explanation, options: ExplainRenderOptions): string {
  const [e, o] = terminalInput(explanation, options);
  const t = ui(o.lang).explain;
  const f = (x: number | null) => (x === null ? '—' : x.toFixed(e.precision));
  const lines = [
    o.style.bold(t.county(e.county.name, e.county.id, e.county.prefecture)),
    `${o.style.bold(`${e.node.id} ${e.node.name}`)}${e.kind === 'veto' || e.kind === 'bonus' ? '' : `　${t.max(e.node.max, e.node.weight)}`}`,
  ];
  const evidence = () => {
    const c = e.evidence;
    if (c === null) lines.push(`${t.evidence}${t.none}`);
    else if (c.combine !== null)
      lines.push(`${t.evidence}${t.combinedCell(c.raw, c.combine, Object.keys(c.assessors ?? {}).length)}`);
    else lines.push(`${t.evidence}${t.cell(c.at, c.raw, c.source, c.note, c.by)}`);
  };
  if (e.kind === 'veto' && e.veto) {
    evidence();
    lines.push(`${t.effect}${vetoEffect(e.veto.effect, o.lang)}`, t.triggered(e.veto.triggered));
  } else if (e.kind === 'bonus' && e.bonusItem) {
    evidence();
    lines.push(`${t.rule}${ruleText(e.bonusItem.rule, o.lang)}`);
    lines.push(`${t.points}${t.bonusLine(f(e.bonusItem.points), f(e.bonusItem.cap), f(e.bonus))}`);
  } else if (e.node.rule) {
    evidence();
    const assessors = Object.entries(e.evidence?.assessors ?? {});
    if (assessors.length > 0)
      lines.push(t.assessorsLine(assessors.map(([by, x]) => [by === '' ? '—' : by, num(x)] as const)));
    lines.push(`${t.rule}${ruleText(e.node.rule, o.lang)}`);
    if (e.node.unit !== undefined || e.node.range !== undefined)
      lines.push(t.checks(e.node.unit ?? null, e.node.range ?? null));
    if (e.arithmetic) lines.push(`${t.arithmetic}${e.arithmetic}`);
    const status =
      e.fewCases && e.status === 'na'
        ? t.fewCases
        : t.status(e.status ?? 'scored', e.noEvidence ?? null, f(e.points), e.node.max);
    lines.push(`${t.points}${status}`);
  } else {
    lines.push(`${t.arithmetic}${e.arithmetic ?? '—'}`);
  }
  for (const r of e.rollup) lines.push(`${t.rollup}${r.id} ${r.name} = ${r.arithmetic}${t.of(r.max)}`);
  const deducted = e.deducted > 0 ? f(e.deducted) : '';
  lines.push(
    `${t.total}${
      e.composite !== null
        ? t.totalsComposite(f(e.composite), f(e.bonus), deducted, f(e.total), e.grade, e.rank, frameFor(o).region)
        : `${t.totals(f(e.base), f(e.bonus), f(e.total), e.grade, e.rank, frameFor(o).region)}${deducted === '' ? '' : t.deductedNote(deducted)}`
    }`,
  );
  for (const b of e.vetoes) lines.push(o.style.red(`${t.vetoLine}${vetoLine(b, o.lang)}`));
  return `${lines.join('\n')}\n${noticeFooter(frameFor(o), o.style)}`;
}

export const renderExplainJson = (e: Explanation, o: ExplainRenderOptions): string =>
  `${JSON.stringify({ ...e, notice: frameFor(o).notice }, null, 2)}\n`;

export const EXPLAIN_RENDERERS = {
  text: renderExplainText,
  json: renderExplainJson,
} satisfies Record<ExplainFormat, (e: Explanation, o: ExplainRenderOptions) => string>;

export type { ExplainFormat };
