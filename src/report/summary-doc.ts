import type { GapItem } from '../analyze/gaps.js';
import type { CountyEntry, ReportModel } from '../analyze/report-model.js';
import type { GroupSummary, Standing } from '../analyze/summary.js';
import { reportWords } from '../i18n/report-words.js';
import { ui } from '../i18n/ui.js';
import { type Block, h, p } from './doc.js';
import { fixed, percent, signed } from './format.js';
import type { Frame } from './frame.js';
import { baselineName, roundName } from './head.js';
import { scopeParts } from './scope-words.js';
import { vetoBasisWords, vetoEffect } from './veto-words.js';

/**
 * The written summary that opens the overview and each prefecture's report, in the order officials
 * write it: 总体情况 → 主要成效 → 存在问题 → 意见建议. Every sentence states numbers the report's
 * tables show (GroupSummary); nothing is invented, and the same data give the same words.
 */

/** Whom a summary speaks of: the whole evaluation, or one prefecture against it. */
export interface SummaryScope {
  readonly prefecture: string | null;
  /** The counties of the report, in rank order. */
  readonly counties: readonly CountyEntry[];
  readonly summary: GroupSummary;
}

const LIST = 3;

export function summaryBlocks(m: ReportModel, f: Frame, scope: SummaryScope): Block[] {
  const w = reportWords(f.lang);
  return [
    h(2, w.section(1, w.sections.overall), 'overall'),
    ...overall(m, f, scope).map((t) => p(t)),
    h(2, w.section(2, w.sections.achievements), 'achievements'),
    ...achievements(m, f, scope).map((t) => p(t)),
    h(2, w.section(3, w.sections.problems), 'problems'),
    ...problems(m, f, scope).map((t) => p(t)),
    h(2, w.section(4, w.sections.advice), 'advice'),
    { kind: 'list', ordered: true, items: advice(f, scope).map((t) => [t]) },
  ];
}

function overall(m: ReportModel, f: Frame, { prefecture, summary: s, counties }: SummaryScope): string[] {
  const w = reportWords(f.lang).overall;
  const pr = m.system.precision;
  const { place, kind } = scopeParts(m.scope, f, prefecture);
  const meta = m.meta;
  const out = [
    w.intro({
      period: meta.period,
      evaluator: meta.evaluator,
      methods: meta.methods.length > 0 ? reportWords(f.lang).list(meta.methods) : null,
      who: reportWords(f.lang).facts.scopeCount(place, kind, s.counties),
      round: roundName(m, f),
    }),
    w.scores(
      m.system.name,
      fixed(m.system.scale, 0),
      fixed(s.mean, pr),
      s.best && w.named(s.best.name, fixed(s.best.total, pr)),
      s.lowest && s.ranked > 1 ? w.named(s.lowest.name, fixed(s.lowest.total, pr)) : null,
    ),
  ];
  const pass = m.system.pass;
  if (pass !== null && s.ranked > 0)
    out.push(w.pass(fixed(pass, 0), s.passing, s.ranked, percent(s.passing / s.ranked)));
  const counts = m.grades
    .map((g) => [g.label, counties.filter((c) => c.grade === g.label).length] as const)
    .filter(([, n]) => n > 0);
  if (counts.length > 0) out.push(w.grades(counts));
  // A grade reached below the pass line (合格 at 60 under a line of 80) is said in so many words.
  if (pass !== null)
    for (const g of m.grades) {
      if (g.min <= 0 || g.min >= pass) continue;
      const graded = counties.filter((c) => c.grade === g.label && c.rank !== null);
      const below = graded.filter((c) => c.passes === false).length;
      if (below > 0) out.push(w.gradeBelowPass(g.label, fixed(g.min, 0), graded.length, below, fixed(pass, 0)));
    }
  if (s.vetoes.length > 0) out.push(w.vetoes(s.vetoes.length, new Set(s.vetoes.map((v) => v.county)).size));
  return out;
}

/** A system with its rate, and against the whole evaluation's mean where this is a part of it. */
function standing(f: Frame, x: Standing, part: boolean, sign: 1 | -1): string {
  const w = reportWords(f.lang);
  const diff = x.overall === null ? null : Math.round((x.attainment - x.overall) * 1000) / 10;
  if (!part || diff === null || diff * sign <= 0) return w.achievements.rate(x.name, percent(x.attainment));
  const d = Math.abs(diff).toFixed(1);
  return sign > 0
    ? w.achievements.above(x.name, percent(x.attainment), d, f.region)
    : w.problems.below(x.name, percent(x.attainment), d, f.region);
}

/**
 * The two systems to name, strongest (sign 1) or weakest (−1) first: by attainment, or in a part of
 * the evaluation by the distance from the whole's mean, where any lies on that side of it.
 */
function ranked(systems: readonly Standing[], part: boolean, sign: 1 | -1): Standing[] {
  const gap = (x: Standing) => (x.overall === null ? 0 : (x.attainment - x.overall) * sign);
  const byRate = [...systems].sort((a, b) => (b.attainment - a.attainment) * sign);
  if (!part || !systems.some((x) => gap(x) > 0)) return byRate.slice(0, 2);
  return systems
    .filter((x) => gap(x) > 0)
    .sort((a, b) => gap(b) - gap(a) || (a.id < b.id ? -1 : 1))
    .slice(0, 2);
}

function achievements(m: ReportModel, f: Frame, { prefecture, summary: s }: SummaryScope): string[] {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const part = prefecture !== null;
  const out: string[] = [];
  if (s.systems.length > 1)
    out.push(w.achievements.strongest(ranked(s.systems, part, 1).map((x) => standing(f, x, part, 1))));
  if (s.fullMarkItems.length > 0)
    out.push(
      w.achievements.fullMarks(
        s.fullMarkItems.length,
        w.some(
          s.fullMarkItems.slice(0, LIST).map((i) => w.quote(i.name)),
          s.fullMarkItems.length > LIST,
        ),
      ),
    );
  const g = s.progress;
  const baseline = baselineName(m, f);
  if (g && baseline && g.before !== null && g.after !== null) {
    out.push(w.achievements.progress(baseline, fixed(g.before, pr), fixed(g.after, pr), signed(g.delta, pr), g.rose));
    if (g.risers.length > 0)
      out.push(w.achievements.risers(g.risers.map((x) => w.achievements.mover(x.name, signed(x.delta, pr)))));
    if (g.nowPassing.length > 0)
      out.push(
        w.achievements.nowPassing(g.nowPassing.length, w.some(g.nowPassing.slice(0, 6), g.nowPassing.length > 6)),
      );
    if (g.items.length > 0)
      out.push(w.achievements.items(g.items.map((i) => w.achievements.itemCount(w.quote(i.name), i.counties))));
  }
  if (s.best) out.push(w.achievements.best(s.best.name, fixed(s.best.total, pr), prefecture ?? f.region));
  return out;
}

function problems(m: ReportModel, f: Frame, { prefecture, summary: s }: SummaryScope): string[] {
  const w = reportWords(f.lang);
  const pr = m.system.precision;
  const out: string[] = [];
  if (s.systems.length > 1)
    out.push(
      w.problems.weakest(
        ranked(s.systems, prefecture !== null, -1).map((x) => standing(f, x, prefecture !== null, -1)),
      ),
    );
  if (s.common.length > 0)
    out.push(
      w.problems.common(
        s.common.slice(0, LIST).map((c) => w.problems.commonItem(w.quote(c.name), c.counties, c.of, fixed(c.lost, pr))),
      ),
    );
  const below = s.belowPass;
  const [nearest] = below;
  const farthest = below[below.length - 1];
  if (nearest && farthest)
    out.push(
      w.problems.belowPass(
        below.length,
        w.problems.gap(nearest.name, fixed(nearest.toPass, pr)),
        below.length > 1 ? w.problems.gap(farthest.name, fixed(farthest.toPass, pr)) : null,
      ),
    );
  if (s.missing.items > 0) out.push(w.problems.missing(s.missing.counties.length, s.missing.items));
  for (const v of s.vetoes)
    out.push(
      w.problems.veto(v.county, v.basis.name, vetoEffect(v.basis.effect, f.lang), vetoBasisWords(v.basis, f.lang)),
    );
  const g = s.progress;
  const baseline = baselineName(m, f);
  if (g && baseline && g.fell > 0)
    out.push(
      w.problems.fell(
        baseline,
        g.fell,
        g.fallers.map((x) => w.achievements.mover(x.name, signed(x.delta, pr))),
      ),
    );
  if (s.overclaimed.length > 0)
    out.push(
      w.problems.overclaimed(
        s.overclaimed.length,
        s.overclaimed.reduce((n, o) => n + o.items, 0),
      ),
    );
  return out.length > 0 ? out : [w.problems.none];
}

function advice(f: Frame, { prefecture, summary: s, counties }: SummaryScope): string[] {
  const w = reportWords(f.lang);
  const names = (xs: readonly string[], n = 5) => w.some(xs.slice(0, n), xs.length > n);
  const out: string[] = [];
  const common = s.common.slice(0, LIST);
  const weakest = s.systems.length > 1 ? s.systems[s.systems.length - 1] : undefined;
  const { losing, lost } = losses(
    counties,
    common.map((c) => c.id),
    weakest?.id ?? null,
  );
  for (const c of common) {
    const by = losing.get(c.id);
    const needed = by?.first.needed ?? '';
    // 是/否 says nothing in a sentence: a yes/no item is simply to be met.
    const yesNo = needed === ui(f.lang).explain.yes || needed === ui(f.lang).explain.no;
    out.push(
      w.advice.item(
        w.quote(c.name),
        c.counties,
        yesNo || needed === '' ? null : needed,
        c.counties === counties.length ? null : names(by?.counties ?? []),
      ),
    );
  }
  if (weakest) {
    const top = [...lost].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => w.quote(name));
    if (top.length > 0) out.push(w.advice.system(weakest.name, w.list(top.slice(0, 2))));
  }
  if (s.belowPass.length > 0) {
    const near = s.belowPass.filter((b) => b.plan !== null && b.plan <= 3);
    out.push(
      w.advice.belowPass(
        s.belowPass.length,
        near.length > 0 ? names(near.map((b) => w.advice.nearItem(b.name, b.plan ?? 0))) : null,
        prefecture !== null,
      ),
    );
  }
  if (s.missing.items > 0) out.push(w.advice.missing(names(s.missing.counties), s.missing.items));
  if (s.vetoes.length > 0) out.push(w.advice.veto(names([...new Set(s.vetoes.map((v) => v.county))])));
  const g = s.progress;
  if (g && g.fell > 0) out.push(w.advice.fell(names(g.fallers.map((x) => x.name))));
  return out.length > 0 ? out : [w.advice.keep];
}

/**
 * In one pass over the counties' lost items: for each of the items asked about, the counties that
 * lost it (in their order) and its first entry; and the points lost on each item of the system
 * asked about, by item name.
 */
function losses(
  counties: readonly CountyEntry[],
  items: readonly string[],
  system: string | null,
): { losing: Map<string, { first: GapItem; counties: string[] }>; lost: Map<string, number> } {
  const asked = new Set(items);
  const losing = new Map<string, { first: GapItem; counties: string[] }>();
  const lost = new Map<string, number>();
  for (const x of counties)
    for (const i of x.gaps.items) {
      if (asked.has(i.id)) {
        const by = losing.get(i.id);
        if (by) by.counties.push(x.name);
        else losing.set(i.id, { first: i, counties: [x.name] });
      }
      if (i.system === system && i.lost !== null) lost.set(i.name, (lost.get(i.name) ?? 0) + i.lost);
    }
  return { losing, lost };
}
