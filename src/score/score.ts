import type { CellValue } from '../load/value.js';
import type { IndicatorSystem, SystemNode } from '../model/system.js';
import { byId, competitionRanks } from '../rank/rank.js';
import { round } from './round.js';
import { type Range, scorerFor } from './rules/index.js';

/** A county of the register. */
export interface County {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  /** Further register columns, kept and shown (e.g. batch). */
  readonly extra: Readonly<Record<string, string>>;
}

/** One evidence cell that survived reading: its value and where it came from. */
export interface EvidenceCell {
  readonly value: CellValue;
  readonly raw: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly source: string | null;
  readonly note: string | null;
  /** Refused under --keep-going: no evidence, reported as rejected rather than missing. */
  readonly rejected?: boolean;
}

/** Evidence by county id, then indicator id. */
export type EvidenceTable = ReadonlyMap<string, ReadonlyMap<string, EvidenceCell>>;

/**
 * How a node came out:
 * `scored`; `missing` (no usable evidence, scored 0 under `missing: zero`); `excluded` (left out
 * of its parent's sums: no evidence under `exclude`, too few cases or rejected under `error`, or a
 * group with every child left out); `na` (不适用); `report-only` (weight 0).
 */
export type NodeStatus = 'scored' | 'missing' | 'excluded' | 'na' | 'report-only';

/** Why an item has no usable evidence. */
export type NoEvidence = 'none' | 'too-few' | 'rejected';

export interface NodeResult {
  /** Unrounded points; `null` when excluded, 不适用 or report-only. */
  readonly points: number | null;
  readonly status: NodeStatus;
  readonly noEvidence?: NoEvidence;
}

export interface CountyResult {
  readonly county: County;
  /** Every system and item, unrounded. */
  readonly nodes: ReadonlyMap<string, NodeResult>;
  readonly base: number;
  readonly bonus: number;
  readonly total: number;
  /** Triggered veto ids in file order. */
  readonly vetoes: readonly string[];
  readonly disqualified: boolean;
  readonly grade: string | null;
  /** Scored items with no usable evidence, file order. */
  readonly missing: readonly string[];
  readonly notApplicable: readonly string[];
  readonly rank: number | null;
  readonly prefectureRank: number | null;
}

export interface Scoring {
  readonly system: IndicatorSystem;
  /** In rank order: ranked by rounded total, ties by id, then the disqualified by id. */
  readonly counties: readonly CountyResult[];
  /** Under `missing: error`: every (county, item) with no evidence at all. */
  readonly missingCells: readonly { readonly county: string; readonly id: string }[];
  /** minmax items' lo/hi over the register. */
  readonly ranges: ReadonlyMap<string, Range | null>;
}

/** The usable number or yes/no of a cell for an item, or why there is none. */
export function usable(
  node: SystemNode,
  cell: EvidenceCell | undefined,
): { x: number | boolean } | { na: true } | { none: NoEvidence } {
  if (cell === undefined) return { none: 'none' };
  if (cell.rejected) return { none: 'rejected' };
  const v = cell.value;
  if (v.kind === 'na') return { na: true };
  if (v.kind === 'none') return { none: 'none' };
  const rule = node.rule!;
  if (v.kind === 'number' && v.cases !== undefined && scorerFor(rule).rate) {
    const minN = 'min_n' in rule ? rule.min_n : undefined;
    if (v.cases === 0 || (minN !== undefined && v.cases < minN)) return { none: 'too-few' };
  }
  return { x: v.value };
}

/** lo/hi of each minmax item's usable values over every county given (disqualified included). */
export function minmaxRanges(
  system: IndicatorSystem,
  counties: readonly County[],
  evidence: EvidenceTable,
): Map<string, Range | null> {
  const ranges = new Map<string, Range | null>();
  for (const node of system.items) {
    if (node.rule?.type !== 'minmax') continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of counties) {
      const u = usable(node, evidence.get(c.id)?.get(node.id));
      if ('x' in u && typeof u.x === 'number') [lo, hi] = [Math.min(lo, u.x), Math.max(hi, u.x)];
    }
    ranges.set(node.id, lo <= hi ? { lo, hi } : null);
  }
  return ranges;
}

/** Scores every county of the register (FORMATS.md §2). Pure; the order of counties given does not matter. */
export function scoreCounties(system: IndicatorSystem, counties: readonly County[], evidence: EvidenceTable): Scoring {
  const ranges = minmaxRanges(system, counties, evidence);
  const missingCells: { county: string; id: string }[] = [];
  const unranked = counties.map((county) => {
    const r = scoreCounty(system, county, evidence.get(county.id) ?? new Map(), ranges);
    if (system.missing === 'error') for (const id of r.missingNone) missingCells.push({ county: county.id, id });
    return r.result;
  });
  missingCells.sort(
    (a, b) =>
      byId({ id: a.county }, { id: b.county }) ||
      system.items.findIndex((n) => n.id === a.id) - system.items.findIndex((n) => n.id === b.id),
  );
  return { system, counties: rank(unranked, system.precision), missingCells, ranges };
}

type Unranked = Omit<CountyResult, 'rank' | 'prefectureRank'>;

function scoreCounty(
  system: IndicatorSystem,
  county: County,
  cells: ReadonlyMap<string, EvidenceCell>,
  ranges: ReadonlyMap<string, Range | null>,
): { result: Unranked; missingNone: string[] } {
  const nodes = new Map<string, NodeResult>();
  const missing: string[] = [];
  const missingNone: string[] = [];
  const notApplicable: string[] = [];

  const evaluate = (node: SystemNode): NodeResult => {
    const result = node.rule ? item(node) : group(node);
    nodes.set(node.id, result);
    return result;
  };

  const item = (node: SystemNode): NodeResult => {
    const u = usable(node, cells.get(node.id));
    if ('na' in u) {
      notApplicable.push(node.id);
      return { points: null, status: 'na' };
    }
    if (node.max <= 0) return { points: null, status: 'report-only' };
    if ('none' in u) {
      missing.push(node.id);
      if (system.missing === 'zero') return { points: 0, status: 'missing', noEvidence: u.none };
      if (system.missing === 'error' && u.none === 'none') missingNone.push(node.id);
      return { points: null, status: 'excluded', noEvidence: u.none };
    }
    const a = scorerFor(node.rule!).attainment(node.rule!, u.x, node.max, ranges.get(node.id) ?? null);
    return { points: a * node.max, status: 'scored' };
  };

  const group = (node: SystemNode): NodeResult => {
    const results = node.children.map((c) => [c, evaluate(c)] as const);
    if (node.max <= 0) return { points: null, status: 'report-only' };
    const share = weightedShare(results);
    if (share === null)
      return {
        points: null,
        status: results.every(([c, r]) => c.weight <= 0 || r.status === 'na') ? 'na' : 'excluded',
      };
    return { points: node.max * share, status: 'scored' };
  };

  const systems = system.systems.map((s) => [s, evaluate(s)] as const);
  const baseShare = weightedShare(systems);
  const base = baseShare === null ? 0 : system.scale * baseShare;
  const yes = (id: string): boolean => {
    const v = cells.get(id)?.value;
    return v?.kind === 'bool' && v.value;
  };
  const bonusRaw = (system.bonus?.items ?? []).reduce((acc, b) => {
    const v = cells.get(b.id)?.value;
    if (b.rule.type === 'check') return acc + (v?.kind === 'bool' && v.value ? (b.rule.points ?? 0) : 0);
    const n = v?.kind === 'number' ? v.value : 0;
    return acc + Math.min(b.rule.max ?? 0, (b.rule.per ?? 0) * n);
  }, 0);
  const bonus = Math.min(system.bonus?.cap ?? 0, bonusRaw);
  const triggered = system.vetoes.filter((v) => yes(v.id));
  const caps = triggered.flatMap((v) => (v.effect === 'disqualify' ? [] : [v.effect.cap]));
  const total = Math.min(base + bonus, ...caps);
  const disqualifying = triggered.find((v) => v.effect === 'disqualify');
  const grade = disqualifying ? (disqualifying.label ?? '否决') : gradeOf(system, total);
  return {
    result: {
      county,
      nodes,
      base,
      bonus,
      total,
      vetoes: triggered.map((v) => v.id),
      disqualified: disqualifying !== undefined,
      grade,
      missing,
      notApplicable,
    },
    missingNone,
  };
}

/** Σ wᵢ·aᵢ ÷ Σ wᵢ over the children of positive weight that are not left out; `null` when all are. */
function weightedShare(children: readonly (readonly [SystemNode, NodeResult])[]): number | null {
  let num = 0;
  let den = 0;
  for (const [node, r] of children) {
    if (node.weight <= 0 || r.points === null || node.max <= 0) continue;
    num += node.weight * (r.points / node.max);
    den += node.weight;
  }
  return den > 0 ? num / den : null;
}

/** The label of the first grade (highest min first) whose min the rounded total reaches. */
export function gradeOf(system: IndicatorSystem, total: number): string | null {
  const t = round(total, system.precision);
  return system.grades.find((g) => g.min <= t)?.label ?? null;
}

function rank(results: readonly Unranked[], precision: number): CountyResult[] {
  const entry = (r: Unranked) => ({ id: r.county.id, value: round(r.total, precision), excluded: r.disqualified });
  const overall = new Map(competitionRanks(results.map(entry)).map((x, i) => [x.id, { rank: x.rank, order: i }]));
  const within = new Map<string, number | null>();
  const prefectures = [...new Set(results.map((r) => r.county.prefecture))];
  for (const p of prefectures) {
    for (const x of competitionRanks(results.filter((r) => r.county.prefecture === p).map(entry)))
      within.set(x.id, x.rank);
  }
  return results
    .map((r) => ({ ...r, rank: overall.get(r.county.id)!.rank, prefectureRank: within.get(r.county.id) ?? null }))
    .sort((a, b) => overall.get(a.county.id)!.order - overall.get(b.county.id)!.order);
}
