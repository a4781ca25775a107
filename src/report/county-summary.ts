import type { CountyEntry, ReportModel } from '../analyze/report-model.js';
import { reportWords } from '../i18n/report-words.js';
import { round } from '../score/round.js';
import { fixed, signed, whole } from './format.js';
import type { Frame } from './frame.js';
import { baselineName } from './head.js';
import { countySentence } from './sensitivity-doc.js';
import { vetoEffect } from './veto-words.js';

/**
 * A county's written summary, four short paragraphs (总体情况、主要成效、存在问题、整改建议), each
 * stating what the county's own tables show: its standing, its systems against the mean, the
 * items it lost and gained, what reaches the pass line.
 */
export interface CountySummary {
  readonly overall: string;
  readonly achievements: string;
  readonly problems: string;
  readonly advice: string;
}

const LIST = 3;

/** Up (> 0), down (< 0) or the same; a county unranked in either round has no move. */
const rankMove = (before: number | null, after: number | null): number =>
  before === null || after === null ? 0 : Math.sign(before - after);

export function countySummary(m: ReportModel, f: Frame, c: CountyEntry): CountySummary {
  const w = reportWords(f.lang).county;
  const pr = m.system.precision;
  const pass = m.system.pass;
  const g = c.gaps;
  const baseline = baselineName(m, f);
  const q = reportWords(f.lang).quote;

  const overall: string[] = [];
  if (c.disqualified)
    overall.push(w.disqualified(fixed(c.total, pr), reportWords(f.lang).list(c.vetoBasis.map((v) => v.name))));
  else {
    const band = m.grades.find((gr) => gr.label === c.grade);
    // A grade below the pass line names its band, so that grade and pass line read together.
    const grade =
      c.grade === null
        ? null
        : band && pass !== null && c.passes === false && band.min > 0
          ? w.gradeMin(c.grade, fixed(band.min, 0))
          : w.grade(c.grade);
    overall.push(w.standing(fixed(c.total, pr), grade, c.rank ?? 0, f.region, c.prefectureRank, c.prefecture));
    if (pass !== null) overall.push(c.passes ? w.passes(fixed(pass, 0)) : w.short(fixed(pass, 0), fixed(g.toPass, pr)));
    const gap = (x: number | null) => (x === null || x === 0 ? null : fixed(x, pr));
    overall.push(w.behind(gap(g.toPrefectureBest), f.region, gap(g.toProvinceBest)));
    const drawn = countySentence(m, f, c);
    if (drawn !== null) overall.push(drawn);
  }
  if (baseline)
    overall.push(
      c.change
        ? w.change(
            baseline,
            c.change.delta,
            fixed(Math.abs(c.change.delta), pr),
            f.region,
            whole(c.change.rankBefore),
            whole(c.change.rankAfter),
            rankMove(c.change.rankBefore, c.change.rankAfter),
          )
        : w.notInBaseline(baseline),
    );

  const diffs = m.axes.flatMap((a, i) => {
    const mine = c.profile[i]?.attainment ?? null;
    const mean = m.means[i] ?? null;
    return mine === null || mean === null ? [] : [{ name: a.name, diff: mine - mean }];
  });
  const achievements: string[] = [];
  const strong = diffs.filter((d) => d.diff > 0).sort((a, b) => b.diff - a.diff);
  if (strong.length > 0)
    achievements.push(
      w.strong(
        strong.slice(0, 2).map((d) => d.name),
        f.region,
      ),
    );
  if (c.scoredItems > 0) achievements.push(w.fullMarks(c.fullMarks, c.scoredItems));
  const moves = (list: CountyEntry['improved']) =>
    list.slice(0, LIST).map((i) => w.move(q(i.name), signed(i.delta, pr)));
  if (c.improved.length > 0) achievements.push(w.improved(c.improved.length, moves(c.improved)));

  const problems: string[] = [];
  for (const v of c.vetoBasis) problems.push(w.veto(v.name, vetoEffect(v.effect, f.lang)));
  const weak = diffs.filter((d) => d.diff < 0).sort((a, b) => a.diff - b.diff);
  if (weak.length > 0)
    problems.push(
      w.weak(
        weak.slice(0, 2).map((d) => d.name),
        f.region,
      ),
    );
  const lost = g.items.filter((i) => i.lost !== null && i.lost > 0);
  if (lost.length > 0) problems.push(w.lost(lost.slice(0, LIST).map((i) => w.lostItem(q(i.name), fixed(i.lost, pr)))));
  const missing = g.items.filter((i) => i.missing).length;
  if (missing > 0) problems.push(w.missing(missing));
  if (c.regressed.length > 0) problems.push(w.regressed(c.regressed.length, moves(c.regressed)));

  const advice: string[] = [];
  if (!c.disqualified && pass !== null && c.passes === false) {
    if (c.passPlan && c.passPlan.length > 0) {
      const gain = round(
        c.passPlan.reduce((s, i) => s + (i.lost ?? 0), 0),
        pr,
      );
      advice.push(
        w.plan(
          c.passPlan.length,
          fixed(gain, pr),
          c.passPlan.slice(0, LIST).map((i) => q(i.name)),
        ),
      );
    } else advice.push(w.noPlan);
  }
  const planned = new Set((c.passPlan ?? []).map((i) => i.id));
  const rest = lost.filter((i) => !planned.has(i.id));
  if (rest.length > 0)
    advice.push(
      w.rest(
        rest.length,
        fixed(
          round(
            rest.reduce((s, i) => s + (i.lost ?? 0), 0),
            pr,
          ),
          pr,
        ),
      ),
    );
  if (missing > 0) advice.push(w.supply(missing));
  if (advice.length === 0) advice.push(w.nothing);

  const say = (parts: readonly string[]) => (parts.length > 0 ? w.sentence(parts) : '—');
  return {
    overall: say(overall),
    achievements: say(achievements),
    problems: problems.length > 0 ? say(problems) : reportWords(f.lang).problems.none,
    advice: say(advice),
  };
}
