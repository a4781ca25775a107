import { groupBy, maxOf } from '../model/arrays.js';
import type { EvidenceCell, EvidenceTable } from '../model/evaluation.js';
import type { ComponentPoints, CountyResult, Scoring, VetoBasis } from '../model/scoring.js';
import type { ItemNode, SystemNode } from '../model/system.js';
import { componentPoints } from '../score/components.js';
import { round } from '../score/round.js';

/** One item that lost points (CLI.md, `gaps --format json`). */
export interface GapItem {
  readonly id: string;
  readonly name: string;
  /** The top-level system the item belongs to. */
  readonly system: string;
  readonly max: number;
  /** Rounded as in `score`'s `scores`; `null` for an item left out for want of evidence (`missing: exclude`). */
  readonly score: number | null;
  /** max − score, on the rounded score; `null` with `score`. */
  readonly lost: number | null;
  /** The evidence as given, or `null`. */
  readonly value: string | null;
  readonly missing: boolean;
  /** Why a missing item has no usable evidence: none given, too few cases (min_n), or rejected; else `null`. */
  readonly why: 'none' | 'too-few' | 'rejected' | null;
  /** What full marks take, in words (`≥ 95%`, `是`, `0 起`). */
  readonly needed: string;
  readonly source: string | null;
}

export interface CountyGaps {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  readonly total: number;
  readonly grade: string | null;
  readonly rank: number | null;
  readonly disqualified: boolean;
  readonly toPass: number | null;
  readonly toPrefectureBest: number | null;
  readonly toProvinceBest: number | null;
  /** System ids, weakest against the mean of all counties first. */
  readonly weakest: readonly string[];
  /** The fewest items, largest lost first, that lift the rounded total to the pass line. */
  readonly passPlan: readonly string[] | null;
  readonly items: readonly GapItem[];
  /** 不适用 items, listed apart (too-few-cases items under `few: na` included). */
  readonly notApplicable: readonly string[];
  /** Items left out for too few cases (合理缺项), also in notApplicable. */
  readonly fewCases: readonly string[];
  /** The triggered vetoes, with what they rest on. */
  readonly vetoes: readonly VetoBasis[];
  /** Points taken by deduct vetoes and false reports. */
  readonly deducted: number;
  /** Each component's points, when the file declares components. */
  readonly components: readonly ComponentPoints[] | null;
  /** Items whose self-assessment exceeded the scored points, when the file declares self-assessment. */
  readonly overclaimed: readonly string[] | null;
}

export interface Gaps {
  readonly pass: number | null;
  readonly precision: number;
  readonly counties: readonly CountyGaps[];
}

/** Words for what full marks take, by rule. */
export type Needed = (node: ItemNode, scoring: Scoring) => string;

/**
 * The shortfall report (找差距、补短板), from a scoring and the evidence behind it. Pure.
 * Distances, passPlan and lost points use the rounded numbers (FORMATS.md §2, Rounding);
 * `weakest` compares attainments computed from unrounded points.
 */
export function gaps(scoring: Scoring, evidence: EvidenceTable, needed: Needed): Gaps {
  const { system } = scoring;
  const p = system.precision;
  const r = (x: number) => round(x, p);
  const ranked = scoring.counties.filter((c) => !c.disqualified);
  const best = (cs: readonly CountyResult[]) => (cs.length > 0 ? maxOf(cs.map((c) => r(c.total))) : null);
  const provinceBest = best(ranked);
  // Each prefecture's best once, not a scan of every county per county.
  const prefectureBests = new Map(
    [...groupBy(ranked, (c) => c.county.prefecture)].map(([prefecture, cs]) => [prefecture, best(cs)]),
  );
  const scoredItems = new Set(system.items.filter((n) => n.max > 0).map((n) => n.id));
  const effects = new Map(system.vetoes.map((v) => [v.id, v.effect]));
  // What full marks take depends on the item and the scoring only: worded once per item.
  const words = new Map<string, string>();
  const neededFor = (node: ItemNode): string => {
    const known = words.get(node.id);
    if (known !== undefined) return known;
    const w = needed(node, scoring);
    words.set(node.id, w);
    return w;
  };
  const meanAttainment = new Map(
    system.systems.map((s) => {
      const values = scoring.counties
        .map((c) => c.nodes.get(s.id)?.points)
        .filter((x): x is number => x !== null && x !== undefined);
      return [s.id, values.length > 0 && s.max > 0 ? values.reduce((a, b) => a + b, 0) / values.length / s.max : null];
    }),
  );

  // What every county's entry for an item shares, worked out once per item, not once per county;
  // the items in id order, so that a county's lists need sorting by points lost only.
  const scorable: Scorable[] = system.items
    .filter((n) => !(n.max <= 0))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((node) => ({ node, max: Number(node.max.toPrecision(12)), needed: () => neededFor(node) }));

  const counties = scoring.counties.map((c): CountyGaps => {
    const total = r(c.total);
    const { lost, missingExcluded } = lostItems(c, evidence.get(c.county.id), scorable, r);
    const prefectureBest = prefectureBests.get(c.county.prefecture) ?? null;
    const capped = c.vetoes.some((id) => {
      const effect = effects.get(id);
      return typeof effect === 'object' && 'cap' in effect && system.pass !== null && effect.cap < system.pass;
    });
    return {
      id: c.county.id,
      name: c.county.name,
      prefecture: c.county.prefecture,
      total,
      grade: c.grade,
      rank: c.rank,
      disqualified: c.disqualified,
      toPass: system.pass === null || c.disqualified ? null : r(Math.max(0, system.pass - total)),
      toPrefectureBest: c.disqualified || prefectureBest === null ? null : r(prefectureBest - total),
      toProvinceBest: c.disqualified || provinceBest === null ? null : r(provinceBest - total),
      weakest: weakest(c, system.systems, meanAttainment),
      passPlan: c.disqualified || capped || system.pass === null ? null : passPlan(total, system.pass, lost, p),
      items: [...lost, ...missingExcluded],
      notApplicable: c.notApplicable.filter((id) => scoredItems.has(id)),
      fewCases: c.fewCases.filter((id) => scoredItems.has(id)),
      vetoes: c.vetoBasis,
      deducted: r(c.deducted),
      components: componentPoints(system, c),
      overclaimed: c.overclaimed,
    };
  });
  return { pass: system.pass, precision: p, counties };
}

/** An item that can lose points, with what every county's entry for it shares. */
interface Scorable {
  readonly node: ItemNode;
  readonly max: number;
  readonly needed: () => string;
}

/**
 * A county's items that lost points, largest lost first (ties by id), and those left out for want
 * of evidence, by id; `items` come in id order.
 */
function lostItems(
  c: CountyResult,
  cells: ReadonlyMap<string, EvidenceCell> | undefined,
  items: readonly Scorable[],
  r: (x: number) => number,
): { lost: GapItem[]; missingExcluded: GapItem[] } {
  const lost: GapItem[] = [];
  const missingExcluded: GapItem[] = [];
  for (const x of items) {
    const { node } = x;
    const result = c.nodes.get(node.id);
    if (!result || result.status === 'na' || result.status === 'report-only') continue;
    const item = (score: number | null, lost: number | null, missing: boolean): GapItem => {
      const cell = cells?.get(node.id);
      return {
        id: node.id,
        name: node.name,
        system: node.system,
        max: x.max,
        score,
        lost,
        value: cell ? cell.raw : null,
        missing,
        why: missing ? (result.noEvidence ?? 'none') : null,
        needed: x.needed(),
        source: cell?.source ?? null,
      };
    };
    if (result.points === null) {
      missingExcluded.push(item(null, null, true));
      continue;
    }
    const score = r(result.points);
    const itemLost = r(node.max - score);
    if (itemLost > 0) lost.push(item(score, itemLost, result.status === 'missing'));
  }
  // The sort is stable: items that lost as much stay in id order.
  lost.sort((a, b) => (b.lost ?? 0) - (a.lost ?? 0));
  return { lost, missingExcluded };
}

function weakest(c: CountyResult, systems: readonly SystemNode[], mean: ReadonlyMap<string, number | null>): string[] {
  return systems
    .flatMap((s) => {
      const points = c.nodes.get(s.id)?.points ?? null;
      const m = mean.get(s.id) ?? null;
      return points === null || m === null || s.max <= 0 ? [] : [{ id: s.id, gap: points / s.max - m }];
    })
    .sort((a, b) => a.gap - b.gap || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.id);
}

/** Largest lost first (ties by id), until total + their lost points, rounded, reaches the pass line. */
function passPlan(total: number, pass: number, items: readonly GapItem[], precision: number): string[] | null {
  if (total >= pass) return [];
  const plan: string[] = [];
  let sum = total;
  for (const item of items) {
    if (item.lost === null) continue;
    plan.push(item.id);
    sum += item.lost;
    if (round(sum, precision) >= pass) return plan;
  }
  return null;
}
