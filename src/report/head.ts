import type { PrefectureEntry, ReportModel } from '../analyze/report-model.js';
import { reportWords } from '../i18n/report-words.js';
import type { Fact } from './doc.js';
import { fixed, percent } from './format.js';
import type { Frame } from './frame.js';
import { scopeParts } from './scope-words.js';

/**
 * What opens every report: its title (the evaluation's, the region's name replaced by the
 * prefecture's or the county's) and the facts under it — who evaluated, when, how, which round,
 * whom (the scope), with which indicator system and standard.
 */

/** The evaluation's own name: evaluation.yaml's title, else made from the region and the round. */
export function evaluationTitle(m: ReportModel, f: Frame): string {
  return m.meta.title ?? reportWords(f.lang).titles.evaluation(f.regionName, roundName(m, f));
}

export const roundName = (m: ReportModel, f: Frame): string | null => (m.round === null ? null : f.roundName(m.round));
export const baselineName = (m: ReportModel, f: Frame): string | null =>
  m.baseline === null ? null : f.roundName(m.baseline.round);

export const overviewTitle = (m: ReportModel, f: Frame): string =>
  reportWords(f.lang).titles.overview(evaluationTitle(m, f));

/** A prefecture's or a county's report title. */
export const partTitle = (m: ReportModel, f: Frame, part: string): string =>
  reportWords(f.lang).titles.part(evaluationTitle(m, f), f.regionName, part);

/** The opening facts of a report on `counties` counties (in `prefectures` prefectures, for the overview). */
export function facts(
  m: ReportModel,
  f: Frame,
  scope: { readonly prefecture: string | null; readonly counties: number; readonly prefectures: number | null },
): Fact[] {
  const w = reportWords(f.lang).facts;
  const out: Fact[] = [];
  const meta = m.meta;
  if (meta.evaluator) out.push({ label: w.evaluator, value: meta.evaluator });
  if (meta.period) out.push({ label: w.period, value: meta.period });
  if (meta.methods.length > 0) out.push({ label: w.methods, value: reportWords(f.lang).list(meta.methods) });
  const round = roundName(m, f);
  if (round) out.push({ label: w.round, value: w.roundValue(round, baselineName(m, f)) });
  const { place, kind } = scopeParts(m.scope, f, scope.prefecture);
  out.push({ label: w.scope, value: w.scopeValue(place, kind, scope.counties, scope.prefectures) });
  out.push({ label: w.system, value: w.systemValue(m.system.name, m.system.version) });
  out.push({ label: w.standard, value: standard(m, f) });
  if (m.date) out.push({ label: w.date, value: m.date });
  return out;
}

/** The scale, the pass line and the grade bands in one line, so that grade and pass line read together. */
function standard(m: ReportModel, f: Frame): string {
  const w = reportWords(f.lang).facts;
  const num = (x: number) => fixed(x, 0 === x % 1 ? 0 : m.system.precision);
  const bands = m.grades.map((g, i): readonly [string, string, string | null] => {
    const above = m.grades[i - 1];
    // The lowest grade from 0 up is "below" the one above it.
    return g.min <= 0 && above ? [g.label, num(g.min), num(above.min)] : [g.label, num(g.min), null];
  });
  const value = w.standardValue(num(m.system.scale), m.system.pass === null ? null : num(m.system.pass), bands);
  if (m.system.components.length === 0) return value;
  const parts = m.system.components.map((c) => [c.name, percent(c.share).replace(/\.0%$/, '%')] as const);
  return `${value}${f.lang === 'zh' ? '；' : '; '}${w.components(parts)}`;
}

/** The facts of one prefecture's report. */
export const prefectureFacts = (m: ReportModel, f: Frame, x: PrefectureEntry): Fact[] =>
  facts(m, f, { prefecture: x.name, counties: x.counties.length, prefectures: null });
