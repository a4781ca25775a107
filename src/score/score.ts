import { type CellFacts, factsOf } from '../model/cell-row.js';
import type { County, EvidenceCell, EvidenceTable } from '../model/evaluation.js';
import { evidenceRef } from '../model/location.js';
import { NodeRow } from '../model/node-row.js';
import { ruleFor } from '../model/rules/index.js';
import type { CountyScore, NodeResult, NoEvidence, Range, Scores, VetoBasis } from '../model/scoring.js';
import type { IndicatorSystem, Scorable, SystemNode } from '../model/system.js';
import { finiteScore } from './finite.js';
import { gradeAfterVetoes } from './grade.js';
import { round } from './round.js';

/** A cell's usable number or yes/no for an item, or what it is instead. */
export type Usable = { x: number | boolean } | { na: true } | { few: true } | { none: NoEvidence };

// The answers without a number, made once: usable() runs for every county and item.
const NONE: Usable = Object.freeze({ none: 'none' });
const REJECTED: Usable = Object.freeze({ none: 'rejected' });
const NA: Usable = Object.freeze({ na: true });
const FEW: Usable = Object.freeze({ few: true });

/** The usable number or yes/no of a cell for an item or component, or why there is none. */
export function usable(s: Scorable, cell: CellFacts | undefined): Usable {
  if (cell === undefined) return NONE;
  if (cell.rejected) return REJECTED;
  const v = cell.value;
  if (v.kind === 'na') return NA;
  if (v.kind === 'none') return NONE;
  const rule = s.rule;
  if (v.kind === 'number' && v.cases !== undefined && ruleFor(rule).rate) {
    // a/0 is too few cases on every rate rule, with or without min_n (FORMATS.md §6).
    const minN = 'min_n' in rule ? rule.min_n : undefined;
    if (v.cases === 0 || (minN !== undefined && v.cases < minN)) return FEW;
  }
  return { x: v.value };
}

/** Every relative rule's scorable (items and components), for their lo/hi. */
const scorables = (system: IndicatorSystem): Scorable[] => [
  ...system.items,
  ...system.components.flatMap((c) => (c.scorable ? [c.scorable] : [])),
];

/** lo/hi of each relative item's usable values over every county given (disqualified included). */
export function relativeRanges(
  system: IndicatorSystem,
  counties: readonly County[],
  evidence: EvidenceTable,
): Map<string, Range | null> {
  const ranges = new Map<string, Range | null>();
  for (const s of scorables(system)) {
    if (!ruleFor(s.rule).relative) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of counties) {
      const u = usable(s, factsOf(evidence.get(c.id), s.id));
      if ('x' in u && typeof u.x === 'number') {
        lo = Math.min(lo, u.x);
        hi = Math.max(hi, u.x);
      }
    }
    ranges.set(s.id, lo <= hi ? { lo, hi } : null);
  }
  return ranges;
}

/**
 * Scores every county given (the register, or the counties in scope), in that order; ranking is
 * `rank/`'s (FORMATS.md §2, §6). `self` holds the self-assessment rows, compared with the scored
 * values when the file declares `assessors.self`. Pure; the order of counties does not matter to
 * any county's points.
 */
export function scoreAll(
  system: IndicatorSystem,
  counties: readonly County[],
  evidence: EvidenceTable,
  self: EvidenceTable = new Map(),
): Scores {
  const ranges = relativeRanges(system, counties, evidence);
  const missingCells: { county: string; id: string }[] = [];
  const order = new Map([...system.items, ...system.components].map((n, i) => [n.id, i]));
  const scored = counties.map((county) => {
    const r = scoreCounty(system, county, evidence.get(county.id) ?? new Map(), ranges, {
      self: system.assessors?.self == null ? null : (self.get(county.id) ?? new Map()),
      falseReport: true,
    });
    for (const id of r.missingNone) missingCells.push({ county: county.id, id });
    return r.result;
  });
  missingCells.sort(
    (a, b) =>
      (a.county < b.county ? -1 : a.county > b.county ? 1 : 0) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  return { system, counties: scored, missingCells, ranges };
}

export interface CountyOptions {
  /** The county's self-assessment rows, compared with its scored values; `null` for none. */
  readonly self: ReadonlyMap<string, EvidenceCell> | null;
  /** Whether overclaiming is deducted (not when working out what a county's own rows would give). */
  readonly falseReport: boolean;
}

/** One county's points (FORMATS.md §2, §6), with the cells and `minmax` ranges given. */
export function scoreCounty(
  system: IndicatorSystem,
  county: County,
  cells: ReadonlyMap<string, EvidenceCell>,
  ranges: ReadonlyMap<string, Range | null>,
  options: CountyOptions,
): { result: CountyScore; missingNone: string[] } {
  const nodes = new NodeRow(system);
  const missing: string[] = [];
  const missingNone: string[] = [];
  const notApplicable: string[] = [];
  const fewCases: string[] = [];
  const assessors: Record<string, Readonly<Record<string, number>>> = Object.create(null); // combined cells, file order

  /** An item or component from its cell; `listed` says whether it goes into missing/notApplicable. */
  const scorable = (s: Scorable, listed: boolean): NodeResult => {
    const cell = factsOf(cells, s.id);
    if (cell?.assessors !== undefined) assessors[s.id] = cell.assessors;
    const u = usable(s, cell);
    if ('na' in u || ('few' in u && s.few === 'na')) {
      if (listed) notApplicable.push(s.id);
      if (listed && 'few' in u) fewCases.push(s.id);
      return { points: null, status: 'na' };
    }
    if (s.max <= 0) return { points: null, status: 'report-only' };
    if ('few' in u || 'none' in u) {
      const why: NoEvidence = 'few' in u ? 'too-few' : u.none;
      if (listed) missing.push(s.id);
      if (s.missing === 'zero') return { points: 0, status: 'missing', noEvidence: why };
      if (s.missing === 'error' && why === 'none') missingNone.push(s.id);
      return { points: null, status: 'excluded', noEvidence: why };
    }
    const a = ruleFor(s.rule).attainment(s.rule, u.x, s.max, ranges.get(s.id) ?? null);
    return { points: Math.min(1, Math.max(0, a)) * s.max, status: 'scored' };
  };

  const evaluate = (node: SystemNode): NodeResult => {
    const result = node.rule === null ? group(node.children, node.max) : scorable(node, true);
    nodes.set(node.id, result);
    return result;
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

  // The composite of the components (FORMATS.md §6): the systems' share is base ÷ scale.
  let components: Map<string, NodeResult> | null = null;
  let composite: number | null = null;
  if (system.components.length > 0) {
    components = new Map();
    const parts = system.components.map((c) => {
      const r: NodeResult = c.scorable
        ? scorable(c.scorable, false)
        : { points: (system.scale > 0 ? base / system.scale : 0) * c.max, status: 'scored' };
      components?.set(c.id, r);
      return [{ weight: c.weight, max: c.max }, r] as const;
    });
    composite = system.scale * (weightedShare(parts) ?? 0);
  }

  const yes = (id: string): boolean => {
    const v = factsOf(cells, id)?.value;
    return v?.kind === 'bool' && v.value;
  };
  const bonusItems = new Map(
    (system.bonus?.items ?? []).map((b) => {
      const v = factsOf(cells, b.id)?.value;
      if (b.rule.type === 'check') return [b.id, v?.kind === 'bool' && v.value ? (b.rule.points ?? 0) : 0] as const;
      return [b.id, Math.min(b.rule.max ?? 0, (b.rule.per ?? 0) * (v?.kind === 'number' ? v.value : 0))] as const;
    }),
  );
  const bonusRaw = [...bonusItems.values()].reduce((acc, x) => acc + x, 0);
  const bonus = Math.min(system.bonus?.cap ?? 0, bonusRaw);

  const overclaimed = options.self === null || system.assessors?.self == null ? null : overclaims(options.self);
  const falseReport = system.assessors?.falseReport ?? null;
  const falseDeduction =
    options.falseReport && overclaimed !== null && falseReport !== null
      ? Math.min(falseReport.per * overclaimed.length, falseReport.limit ?? Infinity)
      : 0;

  const triggered = system.vetoes.filter((v) => yes(v.id));
  const deducted =
    triggered.reduce(
      (acc, v) => acc + (typeof v.effect === 'object' && 'deduct' in v.effect ? v.effect.deduct : 0),
      0,
    ) + falseDeduction;
  const caps = triggered.flatMap((v) => (typeof v.effect === 'object' && 'cap' in v.effect ? [v.effect.cap] : []));
  const total = caps.reduce((t, cap) => Math.min(t, cap), Math.max(0, (composite ?? base) + bonus - deducted));
  const disqualifying = triggered.find((v) => v.effect === 'disqualify');
  const grade = disqualifying
    ? (disqualifying.label ?? '否决')
    : gradeAfterVetoes(system, round(total, system.precision), triggered);

  const vetoBasis = triggered.map((v): VetoBasis => {
    const cell = cells.get(v.id);
    return {
      id: v.id,
      name: v.name,
      effect: v.effect,
      source: cell?.source ?? null,
      note: cell?.note ?? null,
      at: cell ? evidenceRef(cell.file, cell.line, cell.column) : '',
    };
  });

  return {
    result: finiteScore({
      county,
      nodes,
      base,
      bonus,
      bonusItems,
      total,
      vetoes: triggered.map((v) => v.id),
      disqualified: disqualifying !== undefined,
      grade,
      missing,
      notApplicable,
      fewCases,
      components,
      composite,
      deducted,
      vetoBasis,
      overclaimed,
      assessors,
    }),
    missingNone,
  };

  /**
   * Items whose self points, rounded, exceed their scored points rounded likewise (FORMATS.md §6):
   * scored items only, a self row only when usable, a missing scored value as 0 points.
   */
  function overclaims(selfCells: ReadonlyMap<string, EvidenceCell>): string[] {
    const p = system.precision;
    return system.items.flatMap((item) => {
      if (item.max <= 0) return [];
      const u = usable(item, factsOf(selfCells, item.id));
      if (!('x' in u)) return [];
      const a = ruleFor(item.rule).attainment(item.rule, u.x, item.max, ranges.get(item.id) ?? null);
      const claimed = Math.min(1, Math.max(0, a)) * item.max;
      const scored = nodes.get(item.id)?.points ?? 0;
      return round(claimed, p) > round(scored, p) ? [item.id] : [];
    });
  }
}

/** Σ wᵢ·aᵢ ÷ Σ wᵢ over the parts of positive weight that are not left out; `null` when all are. */
function weightedShare(
  parts: readonly (readonly [{ readonly weight: number; readonly max: number }, NodeResult])[],
): number | null {
  let num = 0;
  let den = 0;
  for (const [part, r] of parts) {
    if (part.weight <= 0 || r.points === null || part.max <= 0) continue;
    num += part.weight * (r.points / part.max);
    den += part.weight;
  }
  return den > 0 ? num / den : null;
}
