import { groupBy } from '../model/arrays.js';
import { must } from '../model/must.js';
import type { CountyResult, Scoring } from '../model/scoring.js';
import { round } from '../score/round.js';
import { competitionRanks } from './rank.js';

export interface RankEntry {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  /** The rounded total, or the node's rounded points; `null` when the node has none (left out, 不适用). */
  readonly value: number | null;
  /** Competition rank in its scope; `null` for the disqualified and for counties with no value. */
  readonly rank: number | null;
  readonly disqualified: boolean;
}

export interface Ranking {
  /** The node ranked on, or `null` for the total. */
  readonly by: { readonly id: string; readonly name: string; readonly max: number } | null;
  readonly within: 'province' | 'prefecture';
  /** In listing order: by prefecture (code-point order) when within prefectures, then rank, ties by id, the unranked last by id. */
  readonly counties: readonly RankEntry[];
}

/**
 * A ranking on the total or on any system, group or item, over the whole run or within each
 * prefecture: competition ranking on values rounded to the system's precision (FORMATS.md §2).
 */
export function rankBy(scoring: Scoring, nodeId: string | null, within: 'province' | 'prefecture'): Ranking {
  const p = scoring.system.precision;
  const by = nodeId === null ? null : rankable(scoring, nodeId);
  const valueIn = (c: CountyResult): number | null => {
    if (by === null) return round(c.total, p);
    const points = by.points(c);
    return points === null ? null : round(points, p);
  };
  const byPrefecture = groupBy(scoring.counties, (c) => c.county.prefecture);
  const groups = within === 'prefecture' ? prefectureOrder(scoring.counties) : [null];
  const counties = groups.flatMap((prefecture) => {
    const members = prefecture === null ? scoring.counties : (byPrefecture.get(prefecture) ?? []);
    const entries = new Map(members.map((c) => [c.county.id, c]));
    return competitionRanks(
      members.map((c) => ({
        id: c.county.id,
        value: valueIn(c) ?? 0,
        excluded: c.disqualified || valueIn(c) === null,
      })),
    ).map(({ id, rank }): RankEntry => {
      const c = must(entries.get(id), `the county ${id}`);
      return {
        id,
        name: c.county.name,
        prefecture: c.county.prefecture,
        value: valueIn(c),
        rank,
        disqualified: c.disqualified,
      };
    });
  });
  return { by: by && { id: by.id, name: by.name, max: Number(by.max.toPrecision(12)) }, within, counties };
}

/** Prefectures in the order of their smallest county id: for 6-digit codes, the official order. */
export function prefectureOrder(counties: readonly CountyResult[]): string[] {
  const first = new Map<string, string>();
  for (const c of counties) {
    const seen = first.get(c.county.prefecture);
    if (seen === undefined || c.county.id < seen) first.set(c.county.prefecture, c.county.id);
  }
  return [...first]
    .sort(([pa, a], [pb, b]) => (a < b ? -1 : a > b ? 1 : pa < pb ? -1 : pa > pb ? 1 : 0))
    .map(([p]) => p);
}

/** What can be ranked on besides the total: a system, group or item, a component or a bonus item. */
interface Rankable {
  readonly id: string;
  readonly name: string;
  readonly max: number;
  readonly points: (c: CountyResult) => number | null;
}

/** The node, component or bonus item of an id, or `null` (vetoes give no points to rank on). */
export function rankable(scoring: Scoring, id: string): Rankable | null {
  const system = scoring.system;
  const node = system.nodes.find((n) => n.id === id);
  if (node) return { id, name: node.name, max: node.max, points: (c) => c.nodes.get(id)?.points ?? null };
  const component = system.components.find((k) => k.id === id);
  if (component)
    return { id, name: component.name, max: component.max, points: (c) => c.components?.get(id)?.points ?? null };
  const bonus = system.bonus?.items.find((b) => b.id === id);
  if (bonus) {
    const max = bonus.rule.type === 'check' ? (bonus.rule.points ?? 0) : (bonus.rule.max ?? 0);
    return { id, name: bonus.name, max, points: (c) => c.bonusItems.get(id) ?? 0 };
  }
  return null;
}
