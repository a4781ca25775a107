import { groupBy } from '../model/arrays.js';
import type { EvidenceTable } from '../model/evaluation.js';
import { must } from '../model/must.js';
import type { CountyResult, Scoring } from '../model/scoring.js';
import { prefectureOrder } from '../rank/by.js';
import { componentPoints } from '../score/components.js';
import { round } from '../score/round.js';
import { fileNamer } from './file-names.js';
import type { GapItem } from './gaps.js';
import type {
  Axis,
  CountyEntry,
  ItemMove,
  PrefectureEntry,
  ReportModel,
  ReportSource,
  SheetRow,
  Shortfall,
} from './report-model.js';
import { TOP_COMMON, TOP_SHORTFALLS } from './report-model.js';
import { scorecardRows } from './scorecard.js';
import { countedItems, itemStats, pointsOn, summarize } from './summary.js';
import { systemFacts } from './system-facts.js';

/** The report model's numbers, worked out once from a scoring, its shortfalls and the progress against a baseline. */

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The mean of the numbers given, or `null` for none. */
const meanOf = (xs: readonly number[]): number | null =>
  xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : null;

function attainmentOf(c: CountyResult, axis: Axis): number | null {
  const points = c.nodes.get(axis.id)?.points ?? null;
  return points === null || axis.max <= 0 ? null : points / axis.max;
}

/** The mean attainment of the `i`-th system over the counties that have one, or `null` for none. */
function meanAttainment(counties: readonly CountyEntry[], i: number): number | null {
  let n = 0;
  let sum = 0;
  for (const c of counties) {
    const a = c.profile[i]?.attainment ?? null;
    if (a === null) continue;
    n += 1;
    sum += a;
  }
  return n > 0 ? sum / n : null;
}

/** How many of the counted items the county has points on, and on how many of them full marks (rounded). */
function fullMarksOf(
  points: Float64Array,
  fullAt: readonly number[],
  precision: number,
): { scored: number; full: number } {
  let scored = 0;
  let full = 0;
  points.forEach((x, i) => {
    if (Number.isNaN(x)) return;
    scored += 1;
    if (round(x, precision) >= (fullAt[i] ?? Number.NaN)) full += 1;
  });
  return { scored, full };
}

/** An item's name, system and max (as gaps gives them). */
type ItemFacts = Pick<GapItem, 'name' | 'system' | 'max'>;

/** Items lost by the counties given, most counties first, then most points lost, then id. */
function shortfallsOf(
  counties: readonly CountyEntry[],
  names: ReadonlyMap<string, ItemFacts>,
  precision: number,
  atLeast: number,
): Shortfall[] {
  const tally = new Map<string, { counties: number; lost: number }>();
  for (const c of counties) {
    for (const item of c.gaps.items) {
      const t = tally.get(item.id);
      if (t === undefined) tally.set(item.id, { counties: 1, lost: item.lost ?? 0 });
      else {
        t.counties += 1;
        t.lost += item.lost ?? 0;
      }
    }
  }
  return [...tally]
    .filter(([, t]) => t.counties >= atLeast)
    .map(([id, t]): Shortfall => {
      const item = must(names.get(id), `the item ${id}`);
      return {
        id,
        name: item.name,
        system: item.system,
        max: item.max,
        counties: t.counties,
        of: counties.length,
        lost: round(t.lost, precision),
        meanLost: round(t.lost / t.counties, precision),
      };
    })
    .sort((a, b) => b.counties - a.counties || b.lost - a.lost || byId(a.id, b.id))
    .slice(0, TOP_COMMON);
}

/** Builds the report model. Pure. */
export function buildReport(src: ReportSource): ReportModel {
  const { scoring } = src;
  const system = scoring.system;
  const p = system.precision;
  const axes: Axis[] = system.systems.map((s) => ({ id: s.id, name: s.name, max: Number(s.max.toPrecision(12)) }));
  const gapsById = new Map(src.gaps.counties.map((g) => [g.id, g]));
  const changes = new Map((src.baseline?.comparison.counties ?? []).map((c) => [c.id, c]));
  const nowPassing = new Set(src.baseline?.comparison.summary.nowPassing ?? []);
  const beforeById = new Map((src.baseline?.scoring.counties ?? []).map((c) => [c.county.id, c]));
  const names = new Map(system.items.map((n) => [n.id, n.name]));
  /** Items that moved, by their rounded points in each round, largest move first. */
  const moves = (ids: readonly string[], now: CountyResult, before: CountyResult | undefined): ItemMove[] =>
    ids
      .map((id) => {
        const x = before?.nodes.get(id)?.points ?? 0;
        const y = now.nodes.get(id)?.points ?? 0;
        return { id, name: names.get(id) ?? id, delta: round(round(y, p) - round(x, p), p) };
      })
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || byId(a.id, b.id));
  const vetoNames = new Map(system.vetoes.map((v) => [v.id, v.name]));
  const intervals = new Map((src.sensitivity?.counties ?? []).map((c) => [c.id, c]));
  // Each county's points on the counted items, read once for its full marks and the item tables.
  const counted = countedItems(system);
  const fullAt = counted.map((n) => round(n.max, p));
  const pointsOf = new Map(scoring.counties.map((c) => [c, pointsOn(counted, c)]));
  const pointsOfAll = (cs: readonly CountyResult[]) => cs.map((c) => must(pointsOf.get(c), 'the points of a county'));
  const itemNames = new Map<string, ItemFacts>(
    system.items.map((n) => [n.id, { name: n.name, system: n.system, max: Number(n.max.toPrecision(12)) }]),
  );

  const order = prefectureOrder(scoring.counties);
  // Each prefecture's results in one pass, not a scan of every county per prefecture.
  const resultsOf = groupBy(scoring.counties, (c) => c.county.prefecture);
  const prefectureFile = fileNamer(['index']);
  const prefectureFiles = new Map(order.map((name) => [name, prefectureFile(name)]));
  const pageNames = new Map<string, string>();
  if (src.countyPages) {
    for (const pref of order) {
      const members = (resultsOf.get(pref) ?? []).map((c) => c.county).sort((a, b) => byId(a.id, b.id));
      const pageName = fileNamer([]);
      for (const c of members) pageNames.set(c.id, pageName(c.name, c.id));
    }
  }

  const counties = scoring.counties.map((c): CountyEntry => {
    const g = must(gapsById.get(c.county.id), `the gaps of ${c.county.id}`);
    const total = round(c.total, p);
    const plan =
      g.passPlan?.map((id) =>
        must(
          g.items.find((i) => i.id === id),
          `the item ${id}`,
        ),
      ) ?? null;
    const change = changes.get(c.county.id) ?? null;
    const before = beforeById.get(c.county.id);
    const marks = fullMarksOf(must(pointsOf.get(c), 'the points of a county'), fullAt, p);
    return {
      id: c.county.id,
      name: c.county.name,
      prefecture: c.county.prefecture,
      batch: c.county.extra.batch || null,
      total,
      grade: c.grade,
      rank: c.rank,
      prefectureRank: c.prefectureRank,
      disqualified: c.disqualified,
      vetoes: c.vetoes.map((id) => vetoNames.get(id) ?? id),
      vetoBasis: c.vetoBasis,
      components: componentPoints(system, c),
      passes: system.pass === null || c.disqualified ? null : total >= system.pass,
      profile: axes.map((a) => {
        const points = c.nodes.get(a.id)?.points ?? null;
        return { points: points === null ? null : round(points, p), attainment: attainmentOf(c, a) };
      }),
      gaps: g,
      top: g.items.slice(0, TOP_SHORTFALLS),
      passPlan: plan,
      change,
      improved: change ? moves(change.improved, c, before) : [],
      regressed: change ? moves(change.regressed, c, before) : [],
      scoredItems: marks.scored,
      fullMarks: marks.full,
      sheet: src.countyPages ? sheetOf(c, scoring, src.evidence) : [],
      page: pageNames.get(c.county.id) ?? null,
      interval: intervals.get(c.county.id) ?? null,
    };
  });

  const means = axes.map((_, i) => meanAttainment(counties, i));
  const passingOf = (cs: readonly CountyEntry[]) => cs.filter((c) => c.passes === true).length;
  const meanTotal = (cs: readonly CountyEntry[]) => {
    const m = meanOf(cs.map((c) => c.total));
    return m === null ? null : round(m, p);
  };

  const entriesOf = groupBy(counties, (c) => c.prefecture);
  const prefectures = order.map((name): PrefectureEntry => {
    const members = entriesOf.get(name) ?? [];
    const results = resultsOf.get(name) ?? [];
    const half = Math.ceil(members.length / 2);
    const moved = members.flatMap((c) => (c.change ? [c.change] : []));
    const before = meanOf(moved.map((c) => c.before));
    const after = meanOf(moved.map((c) => c.after));
    const memberMeans = axes.map((_, i) => meanAttainment(members, i));
    const items = itemStats(counted, p, pointsOfAll(results));
    const shortfalls = shortfallsOf(members, itemNames, p, Math.max(1, half));
    const ranked = members.filter((c) => c.rank !== null);
    return {
      name,
      file: must(prefectureFiles.get(name), `the file of ${name}`),
      counties: members,
      mean: meanTotal(members),
      best: ranked[0] ?? null,
      lowest: ranked[ranked.length - 1] ?? null,
      ranked: ranked.length,
      passing: passingOf(members),
      means: memberMeans,
      shortfalls,
      half,
      progress:
        src.baseline === null
          ? null
          : {
              n: moved.length,
              before: before === null ? null : round(before, p),
              after: after === null ? null : round(after, p),
              delta: before === null || after === null ? null : round(round(after, p) - round(before, p), p),
            },
      items,
      summary: summarize(members, axes, memberMeans, means, items, shortfalls, nowPassing, p),
    };
  });

  const items = itemStats(counted, p, pointsOfAll(scoring.counties));
  const shortfalls = shortfallsOf(counties, itemNames, p, 1);
  const labels = new Map<string, number>();
  for (const g of system.grades) labels.set(g.label, 0);
  for (const c of counties) if (c.grade !== null) labels.set(c.grade, (labels.get(c.grade) ?? 0) + 1);

  return {
    lang: src.lang,
    system: {
      ...systemFacts(system),
      components: system.components.map((c) => ({ name: c.name, share: c.max / system.scale })),
    },
    round: src.round,
    baseline: src.baseline,
    meta: src.meta,
    scope: src.scope,
    grades: system.grades.map((g) => ({ label: g.label, min: g.min })),
    date: src.date,
    axes,
    means,
    counties,
    prefectures,
    shortfalls,
    mean: meanTotal(counties),
    ranked: counties.filter((c) => c.rank !== null).length,
    passing: passingOf(counties),
    gradeCounts: [...labels],
    items,
    summary: summarize(counties, axes, means, means, items, shortfalls, nowPassing, p),
    provenance: src.provenance,
    countyPages: src.countyPages,
    index: src.index,
    marksCreation: counties.some((c) => c.batch === null),
    indexFile: 'index',
    sensitivity: src.sensitivity ?? null,
  };
}

/** The county page's score sheet: the rows of `fazhi scorecard`, so that the two never disagree. */
function sheetOf(c: CountyResult, scoring: Scoring, evidence: EvidenceTable): SheetRow[] {
  return scorecardRows(scoring, c, evidence.get(c.county.id)).map((r) => ({
    id: r.id,
    name: r.name,
    depth: r.depth,
    max: r.max,
    points: r.score,
    // Too few cases under `few: na` is 不适用 on the county page.
    status: r.status === 'few' ? 'na' : r.status,
    value: r.value,
    source: r.source,
  }));
}
