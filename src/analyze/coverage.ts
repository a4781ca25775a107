import { groupBy } from '../model/arrays.js';
import type { EvidenceTable } from '../model/evaluation.js';
import { evidenceRef } from '../model/location.js';
import type { CountyScore, NoEvidence } from '../model/scoring.js';
import type { IndicatorSystem, ItemNode } from '../model/system.js';

/** Counts of scored items (maximum > 0): usable + missing + notApplicable = expected. */
export interface CoverageCounts {
  /** Scored items: weight > 0, and so a maximum above 0. */
  readonly expected: number;
  /** Those with usable evidence. */
  readonly usable: number;
  /** Those with no usable evidence (none, too few cases under `few: missing`, rejected). */
  readonly missing: number;
  /** Those marked 不适用, or too few cases under `few: na` (合理缺项). */
  readonly notApplicable: number;
}

/** A scored item with no usable evidence: what to ask the county for (the 催报清单's row). */
export interface MissingItem {
  readonly id: string;
  readonly name: string;
  /** The top-level system it belongs to. */
  readonly system: string;
  /** Why there is no usable evidence: no cell, too few cases (`few: missing`), or a rejected cell. */
  readonly why: NoEvidence;
  /** The cell as given (`3/4`, a rejected value, `NA`), or `null` when there is none. */
  readonly value: string | null;
  /** Where that cell is (`file:line`, `file.xlsx!Sheet!C4`), or `null`. */
  readonly at: string | null;
  /** What proof counts (the item's `evidence`, 佐证材料), or `null` when the indicator file names none. */
  readonly evidence: string | null;
  /** What the cell must hold, in words (the rule's hint, as `template` writes it). */
  readonly hint: string;
}

export interface CountyCoverage {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  /** Scored items (weight > 0); the same for every county. */
  readonly expected: number;
  /** Scored items with usable evidence. */
  readonly usable: number;
  /** Exactly `score`'s `missing`: scored items with no usable evidence, file order. */
  readonly missing: readonly string[];
  /**
   * Exactly `score`'s `notApplicable`: items marked 不适用 and too-few-cases items under `few: na`,
   * file order; a report-only item marked 不适用 is listed too, but counted nowhere.
   */
  readonly notApplicable: readonly string[];
  /** Exactly `score`'s `fewCases`: too few cases, left out as 合理缺项 (also in notApplicable). */
  readonly fewCases: readonly string[];
  /** Per top-level system, in file order. */
  readonly systems: Readonly<Record<string, CoverageCounts>>;
  /** The missing items in detail, in the order of `missing`. */
  readonly items: readonly MissingItem[];
}

/** A whole of the run (a prefecture, or a system): its counts over its counties. */
export interface CoverageSummary extends CoverageCounts {
  readonly name: string;
  /** The counties summed up. */
  readonly counties: number;
  /** Those of them with at least one missing item. */
  readonly incomplete: number;
}

/** A top-level system's counts over every county. */
export interface SystemCoverage extends CoverageSummary {
  readonly id: string;
}

export interface Coverage {
  /** Scored items per county. */
  readonly expected: number;
  /** Most missing first, ties by id (code units). */
  readonly counties: readonly CountyCoverage[];
  /** Per top-level system over every county, file order. */
  readonly systems: readonly SystemCoverage[];
  /** Per prefecture, most missing first, ties by name (code units). */
  readonly prefectures: readonly CoverageSummary[];
}

/** What a missing item's cell must hold, in words. */
export type Hint = (node: ItemNode) => string;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const add = (a: CoverageCounts, b: CoverageCounts): CoverageCounts => ({
  expected: a.expected + b.expected,
  usable: a.usable + b.usable,
  missing: a.missing + b.missing,
  notApplicable: a.notApplicable + b.notApplicable,
});

const NONE: CoverageCounts = { expected: 0, usable: 0, missing: 0, notApplicable: 0 };

/**
 * Evidence completeness before scoring (CLI.md, `coverage`), read off the scoring's node
 * statuses, so that `missing` and `notApplicable` are exactly `score`'s. The scoring may come
 * from any `missing` policy: under `error` the run scores on regardless (`scoreAll` never throws).
 * Pure.
 */
export function coverage(
  system: IndicatorSystem,
  scored: readonly CountyScore[],
  evidence: EvidenceTable,
  hint: Hint,
): Coverage {
  const items = system.items.filter((n) => n.max > 0);
  const counties = scored.map((c): CountyCoverage => {
    const systems = new Map<string, CoverageCounts>(system.systems.map((s) => [s.id, NONE]));
    for (const n of items) {
      const status = c.nodes.get(n.id)?.status;
      systems.set(
        n.system,
        add(systems.get(n.system) ?? NONE, {
          expected: 1,
          usable: status === 'scored' ? 1 : 0,
          missing: status === 'missing' || status === 'excluded' ? 1 : 0,
          notApplicable: status === 'na' ? 1 : 0,
        }),
      );
    }
    const cells = evidence.get(c.county.id);
    const byId = new Map(items.map((n) => [n.id, n]));
    return {
      id: c.county.id,
      name: c.county.name,
      prefecture: c.county.prefecture,
      expected: items.length,
      usable: [...systems.values()].reduce((acc, s) => acc + s.usable, 0),
      missing: c.missing,
      notApplicable: c.notApplicable,
      fewCases: c.fewCases,
      systems: Object.fromEntries(systems),
      items: c.missing.flatMap((id): MissingItem[] => {
        const node = byId.get(id);
        if (!node) return [];
        const cell = cells?.get(id);
        return [
          {
            id,
            name: node.name,
            system: node.system,
            why: c.nodes.get(id)?.noEvidence ?? 'none',
            value: cell && cell.raw !== '' ? cell.raw : null,
            at: cell ? evidenceRef(cell.file, cell.line, cell.column) : null,
            evidence: node.evidence,
            hint: hint(node),
          },
        ];
      }),
    };
  });
  counties.sort((a, b) => b.missing.length - a.missing.length || byText(a.id, b.id));

  const summary = (name: string, of: readonly CountyCoverage[], key: string | null): CoverageSummary => ({
    name,
    ...of.reduce(
      (acc, c) => add(acc, key === null ? Object.values(c.systems).reduce(add, NONE) : (c.systems[key] ?? NONE)),
      NONE,
    ),
    counties: of.length,
    incomplete: of.filter((c) => (key === null ? c.missing.length > 0 : (c.systems[key]?.missing ?? 0) > 0)).length,
  });
  const prefectures = [...groupBy(counties, (c) => c.prefecture)]
    .map(([p, members]) => summary(p, members, null))
    .sort((a, b) => b.missing - a.missing || byText(a.name, b.name));
  return {
    expected: items.length,
    counties,
    systems: system.systems.map((s) => ({ id: s.id, ...summary(s.name, counties, s.id) })),
    prefectures,
  };
}
