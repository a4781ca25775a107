import type { CellValue, EvidenceCell, EvidenceTable } from '../model/evaluation.js';
import { exact } from '../model/number.js';
import { ruleFor } from '../model/rules/index.js';
import type { Scoring } from '../model/scoring.js';
import { round } from '../score/round.js';
import { scoreCounty, usable } from '../score/score.js';

/** One item where a county's own row and the scored value differ (CLI.md, `reconcile`). */
export interface ReconcileItem {
  readonly id: string;
  readonly name: string;
  readonly max: number;
  /** The county's own value as written, and its points (`null` when it gives none: 不适用, too few cases). */
  readonly self: { readonly value: string; readonly score: number | null };
  /** The scored value as written (`null` when there is none), and the item's reported points. */
  readonly scored: { readonly value: string | null; readonly score: number | null };
  /** self − scored points, each counted 0 when it has none, rounded. */
  readonly diff: number;
}

export interface CountyReconcile {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  /** The total with the county's own rows in place of the scored values, before any false-report deduction. */
  readonly selfTotal: number;
  readonly total: number;
  readonly overclaimed: readonly string[];
  readonly deducted: number;
  /** How many own rows (自评) the county gave. */
  readonly selfRows: number;
  /** Largest diff first, ties by id. */
  readonly items: readonly ReconcileItem[];
}

export interface Reconciliation {
  /** Whether the indicator file declares self-assessment (`assessors.self`); without it there is nothing to compare. */
  readonly declared: boolean;
  readonly precision: number;
  /** In the scoring's order (rank, then the disqualified). */
  readonly counties: readonly CountyReconcile[];
}

const same = (a: CellValue, b: CellValue): boolean =>
  a.kind === b.kind &&
  (a.kind !== 'number' || (b.kind === 'number' && a.value === b.value && a.cases === b.cases)) &&
  (a.kind !== 'bool' || (b.kind === 'bool' && a.value === b.value));

/** A self row that says something: not empty, not refused. */
const given = (cell: EvidenceCell | undefined): cell is EvidenceCell =>
  cell !== undefined && !cell.rejected && cell.value.kind !== 'none';

/**
 * Self-assessment against the scored values (FORMATS.md §6, Assessors): per county, every scored
 * item whose own row differs from the scored value, and the total its own rows would give. Pure.
 */
export function reconcile(scoring: Scoring, evidence: EvidenceTable, self: EvidenceTable): Reconciliation {
  const system = scoring.system;
  const p = system.precision;
  const counties = scoring.counties.map((c): CountyReconcile => {
    const own = self.get(c.county.id) ?? new Map<string, EvidenceCell>();
    const scoredCells = evidence.get(c.county.id) ?? new Map<string, EvidenceCell>();
    const items = system.items.flatMap((item): ReconcileItem[] => {
      const mine = own.get(item.id);
      if (item.max <= 0 || !given(mine)) return [];
      const theirs = scoredCells.get(item.id);
      if (theirs !== undefined && !theirs.rejected && same(mine.value, theirs.value)) return [];
      const u = usable(item, mine);
      const claimed =
        'x' in u
          ? round(
              Math.min(
                1,
                Math.max(
                  0,
                  ruleFor(item.rule).attainment(item.rule, u.x, item.max, scoring.ranges.get(item.id) ?? null),
                ),
              ) * item.max,
              p,
            )
          : null;
      const points = c.nodes.get(item.id)?.points ?? null;
      const scored = points === null ? null : round(points, p);
      return [
        {
          id: item.id,
          name: item.name,
          max: exact(item.max),
          self: { value: mine.raw, score: claimed },
          scored: { value: theirs === undefined || theirs.value.kind === 'none' ? null : theirs.raw, score: scored },
          diff: round((claimed ?? 0) - (scored ?? 0), p),
        },
      ];
    });
    items.sort((a, b) => b.diff - a.diff || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const merged = new Map(scoredCells);
    for (const [id, cell] of own) if (given(cell)) merged.set(id, cell);
    const selfScore = scoreCounty(system, c.county, merged, scoring.ranges, { self: null, falseReport: false });
    return {
      id: c.county.id,
      name: c.county.name,
      prefecture: c.county.prefecture,
      selfTotal: round(selfScore.result.total, p),
      total: round(c.total, p),
      overclaimed: c.overclaimed ?? [],
      deducted: round(c.deducted, p),
      selfRows: [...own.values()].filter(given).length,
      items,
    };
  });
  return { declared: system.assessors?.self != null, precision: p, counties };
}
