import type { County, EvidenceCell, EvidenceTable } from '../model/evaluation.js';
import { ruleFor } from '../model/rules/index.js';
import type { CountyScore, NodeResult, NoEvidence, Range, Scores } from '../model/scoring.js';
import type { IndicatorSystem, ItemNode, SystemNode } from '../model/system.js';
import { round } from './round.js';

/** The usable number or yes/no of a cell for an item, or why there is none. */
export function usable(
  node: ItemNode,
  cell: EvidenceCell | undefined,
): { x: number | boolean } | { na: true } | { none: NoEvidence } {
  if (cell === undefined) return { none: 'none' };
  if (cell.rejected) return { none: 'rejected' };
  const v = cell.value;
  if (v.kind === 'na') return { na: true };
  if (v.kind === 'none') return { none: 'none' };
  const rule = node.rule;
  if (v.kind === 'number' && v.cases !== undefined && ruleFor(rule).rate) {
    const minN = 'min_n' in rule ? rule.min_n : undefined;
    if (v.cases === 0 || (minN !== undefined && v.cases < minN)) return { none: 'too-few' };
  }
  return { x: v.value };
}

/** lo/hi of each relative item's usable values over every county given (disqualified included). */
export function relativeRanges(
  system: IndicatorSystem,
  counties: readonly County[],
  evidence: EvidenceTable,
): Map<string, Range | null> {
  const ranges = new Map<string, Range | null>();
  for (const node of system.items) {
    if (!ruleFor(node.rule).relative) continue;
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

/**
 * Scores every county of the register (FORMATS.md §2), in register order; ranking is `rank/`'s.
 * Pure; the order of counties given does not matter to any county's points.
 */
export function scoreAll(system: IndicatorSystem, counties: readonly County[], evidence: EvidenceTable): Scores {
  const ranges = relativeRanges(system, counties, evidence);
  const missingCells: { county: string; id: string }[] = [];
  const order = new Map(system.items.map((n, i) => [n.id, i]));
  const scored = counties.map((county) => {
    const r = scoreCounty(system, county, evidence.get(county.id) ?? new Map(), ranges);
    if (system.missing === 'error') for (const id of r.missingNone) missingCells.push({ county: county.id, id });
    return r.result;
  });
  missingCells.sort(
    (a, b) =>
      (a.county < b.county ? -1 : a.county > b.county ? 1 : 0) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  return { system, counties: scored, missingCells, ranges };
}

function scoreCounty(
  system: IndicatorSystem,
  county: County,
  cells: ReadonlyMap<string, EvidenceCell>,
  ranges: ReadonlyMap<string, Range | null>,
): { result: CountyScore; missingNone: string[] } {
  const nodes = new Map<string, NodeResult>();
  const missing: string[] = [];
  const missingNone: string[] = [];
  const notApplicable: string[] = [];

  const evaluate = (node: SystemNode): NodeResult => {
    const result = node.rule === null ? group(node.children, node.max) : item(node);
    nodes.set(node.id, result);
    return result;
  };

  const item = (node: ItemNode): NodeResult => {
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
    const a = ruleFor(node.rule).attainment(node.rule, u.x, node.max, ranges.get(node.id) ?? null);
    return { points: a * node.max, status: 'scored' };
  };

  const group = (children: readonly SystemNode[], max: number): NodeResult => {
    const results = children.map((c) => [c, evaluate(c)] as const);
    if (max <= 0) return { points: null, status: 'report-only' };
    const share = weightedShare(results);
    if (share === null)
      return {
        points: null,
        status: results.every(([c, r]) => c.weight <= 0 || r.status === 'na') ? 'na' : 'excluded',
      };
    return { points: max * share, status: 'scored' };
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
