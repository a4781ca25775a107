import type { CountyResult, VetoBasis } from '../model/scoring.js';
import type { IndicatorSystem, ItemNode } from '../model/system.js';
import { round } from '../score/round.js';
import type { CountyEntry, Shortfall } from './report-model.js';

/**
 * The facts a report's written summary rests on (总体情况、主要成效、存在问题、意见建议), worked out
 * from the counties of one report: numbers only, every one of them also shown in the report's
 * tables, so that the prose invents nothing. The words are made in report/summary-doc.ts.
 */

/** One scored item over a set of counties. */
export interface ItemStat {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly max: number;
  /** Counties with points on it (not 不适用, not left out). */
  readonly scored: number;
  /** Of them, how many earned full marks (rounded). */
  readonly full: number;
  /** Mean attainment (points ÷ max) over the counties with points, or `null`. */
  readonly attainment: number | null;
}

/** A system's mean attainment here and over the whole evaluation. */
export interface Standing {
  readonly id: string;
  readonly name: string;
  readonly attainment: number;
  readonly overall: number | null;
}

export interface Mover {
  readonly name: string;
  readonly delta: number;
}

export interface GroupSummary {
  readonly counties: number;
  readonly ranked: number;
  readonly passing: number;
  readonly mean: number | null;
  readonly best: { readonly name: string; readonly total: number } | null;
  readonly lowest: { readonly name: string; readonly total: number } | null;
  /** Systems by mean attainment, highest first (ties by id); systems nobody has points on are left out. */
  readonly systems: readonly Standing[];
  /** Items on which every county with points earned full marks, in file order. */
  readonly fullMarkItems: readonly ItemStat[];
  /** The items most counties lose points on (as the shortfall table lists them). */
  readonly common: readonly Shortfall[];
  /** Counties with items lacking usable evidence, and how many such items in all. */
  readonly missing: { readonly counties: readonly string[]; readonly items: number };
  /** Ranked counties below the pass line, nearest first: how far, and how many items the pass plan needs. */
  readonly belowPass: readonly { readonly name: string; readonly toPass: number; readonly plan: number | null }[];
  readonly vetoes: readonly { readonly county: string; readonly basis: VetoBasis }[];
  /** Counties whose self-assessment overclaimed, with how many items. */
  readonly overclaimed: readonly { readonly county: string; readonly items: number }[];
  readonly progress: {
    readonly before: number | null;
    readonly after: number | null;
    readonly delta: number | null;
    readonly rose: number;
    readonly fell: number;
    readonly nowPassing: readonly string[];
    readonly risers: readonly Mover[];
    readonly fallers: readonly Mover[];
    /** Items most counties improved on, with how many counties (at most three). */
    readonly items: readonly { readonly name: string; readonly counties: number }[];
  } | null;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const meanOf = (xs: readonly number[]): number | null =>
  xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : null;

/** The items a report counts (weight > 0), in file order. */
export const countedItems = (system: IndicatorSystem): ItemNode[] =>
  system.items.filter((n) => n.weight > 0 && n.max > 0);

/** A county's points on each of the items, read once; NaN where it has none (不适用, left out). */
export function pointsOn(items: readonly ItemNode[], c: CountyResult): Float64Array {
  const points = new Float64Array(items.length);
  items.forEach((n, i) => {
    points[i] = c.nodes.get(n.id)?.points ?? Number.NaN;
  });
  return points;
}

/** Each of the items over the counties given (their `pointsOn` those items), in file order. */
export function itemStats(
  items: readonly ItemNode[],
  precision: number,
  counties: readonly Float64Array[],
): ItemStat[] {
  const p = precision;
  const tallies = items.map((n) => {
    const max = Number(n.max.toPrecision(12));
    return { n, max, fullMarks: round(max, p), scored: 0, sum: 0, full: 0 };
  });
  // Summing in county order, as a mean of the points would.
  for (const points of counties) {
    tallies.forEach((t, i) => {
      const x = points[i] ?? Number.NaN;
      if (Number.isNaN(x)) return;
      t.scored += 1;
      t.sum += x;
      if (round(x, p) >= t.fullMarks) t.full += 1;
    });
  }
  return tallies.map(({ n, max, scored, sum, full }) => ({
    id: n.id,
    name: n.name,
    system: n.system,
    max,
    scored,
    full,
    attainment: scored > 0 ? sum / scored / n.max : null,
  }));
}

/** The summary facts of a group of counties (in rank order), against the whole evaluation's system means. */
export function summarize(
  counties: readonly CountyEntry[],
  axes: readonly { readonly id: string; readonly name: string }[],
  means: readonly (number | null)[],
  overall: readonly (number | null)[],
  items: readonly ItemStat[],
  common: readonly Shortfall[],
  nowPassing: ReadonlySet<string>,
  precision: number,
): GroupSummary {
  const ranked = counties.filter((c) => c.rank !== null);
  const at = (c: CountyEntry | undefined) => (c ? { name: c.name, total: c.total } : null);
  const mean = meanOf(counties.map((c) => c.total));
  const systems = axes
    .flatMap((a, i) => {
      const m = means[i] ?? null;
      return m === null ? [] : [{ id: a.id, name: a.name, attainment: m, overall: overall[i] ?? null }];
    })
    .sort((a, b) => b.attainment - a.attainment || byId(a.id, b.id));
  const missingBy = counties.map((c) => ({ name: c.name, n: c.gaps.items.filter((i) => i.missing).length }));
  const changes = counties.flatMap((c) => (c.change ? [c.change] : []));
  const movers = (sign: 1 | -1): Mover[] =>
    changes
      .filter((c) => c.delta * sign > 0)
      .sort((a, b) => (b.delta - a.delta) * sign || byId(a.id, b.id))
      .slice(0, 3)
      .map((c) => ({ name: c.name, delta: c.delta }));
  const before = meanOf(changes.map((c) => c.before));
  const after = meanOf(changes.map((c) => c.after));
  const r = (x: number | null) => (x === null ? null : round(x, precision));
  return {
    counties: counties.length,
    ranked: ranked.length,
    passing: counties.filter((c) => c.passes === true).length,
    mean: r(mean),
    best: at(ranked[0]),
    lowest: at(ranked[ranked.length - 1]),
    systems,
    fullMarkItems: items.filter((i) => i.scored > 0 && i.full === i.scored),
    common,
    missing: {
      counties: missingBy.filter((m) => m.n > 0).map((m) => m.name),
      items: missingBy.reduce((s, m) => s + m.n, 0),
    },
    belowPass: ranked
      .filter((c) => c.passes === false)
      .map((c) => ({ name: c.name, toPass: c.gaps.toPass ?? 0, plan: c.passPlan?.length ?? null }))
      .sort((a, b) => a.toPass - b.toPass),
    vetoes: counties.flatMap((c) => c.vetoBasis.map((basis) => ({ county: c.name, basis }))),
    overclaimed: counties.flatMap((c) =>
      c.gaps.overclaimed && c.gaps.overclaimed.length > 0 ? [{ county: c.name, items: c.gaps.overclaimed.length }] : [],
    ),
    progress:
      changes.length === 0
        ? null
        : {
            before: r(before),
            after: r(after),
            delta: before === null || after === null ? null : round((r(after) ?? 0) - (r(before) ?? 0), precision),
            rose: changes.filter((c) => c.delta > 0).length,
            fell: changes.filter((c) => c.delta < 0).length,
            nowPassing: counties.filter((c) => nowPassing.has(c.id)).map((c) => c.name),
            risers: movers(1),
            fallers: movers(-1),
            items: topImproved(counties),
          },
  };
}

/** The items most counties improved on (at least two counties), most first, then by name. */
function topImproved(counties: readonly CountyEntry[]): { name: string; counties: number }[] {
  const tally = new Map<string, number>();
  for (const c of counties) for (const i of c.improved) tally.set(i.name, (tally.get(i.name) ?? 0) + 1);
  return [...tally]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || byId(a[0], b[0]))
    .slice(0, 3)
    .map(([name, n]) => ({ name, counties: n }));
}
