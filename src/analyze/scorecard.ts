import type { EvidenceCell, EvidenceTable } from '../model/evaluation.js';
import { evidenceRef } from '../model/location.js';
import { must } from '../model/must.js';
import { exact } from '../model/number.js';
import type { Wording } from '../model/phrase.js';
import {
  bonusCriterion,
  fewCasesReason,
  groupLeftOutReason,
  groupReason,
  noEvidenceReason,
  systemsCriterion,
  systemsReason,
} from '../model/reasons.js';
import { ruleFor } from '../model/rules/index.js';
import type { CountyResult, NodeResult, Scoring, VetoBasis } from '../model/scoring.js';
import type { Scorable, SystemNode } from '../model/system.js';
import { round } from '../score/round.js';
import { usable } from '../score/score.js';
import type { CountyScorecard, RowStatus, Scorecard, ScorecardRow } from './scorecard-model.js';
import { systemFacts } from './system-facts.js';

const evidenceOf = (cell: EvidenceCell | undefined) => ({
  value: cell ? cell.raw : null,
  source: cell?.source ?? null,
  note: cell?.note ?? null,
  at: cell ? evidenceRef(cell.file, cell.line, cell.column) : null,
  assessors: cell?.assessors ?? null,
});

type Head = { readonly id: string; readonly name: string; readonly parent: string | null; readonly depth: number };

/** A row, its fields in the order the outputs list them, built field by field (no spreading: a sheet has many rows). */
function makeRow(
  head: Head,
  numbers: Pick<ScorecardRow, 'max' | 'score' | 'lost' | 'status'>,
  cell: EvidenceCell | undefined,
  words: Pick<ScorecardRow, 'rule' | 'reason' | 'remark'>,
): ScorecardRow {
  return {
    id: head.id,
    name: head.name,
    parent: head.parent,
    depth: head.depth,
    max: numbers.max,
    score: numbers.score,
    lost: numbers.lost,
    status: numbers.status,
    value: cell ? cell.raw : null,
    source: cell?.source ?? null,
    note: cell?.note ?? null,
    at: cell ? evidenceRef(cell.file, cell.line, cell.column) : null,
    assessors: cell?.assessors ?? null,
    rule: words.rule,
    reason: words.reason,
    remark: words.remark,
  };
}

/** The points the triggered deduct vetoes take; the rest of `deducted` is the false-report deduction. */
const vetoDeductions = (vetoes: readonly VetoBasis[]): number =>
  vetoes.reduce((acc, v) => acc + (typeof v.effect === 'object' && 'deduct' in v.effect ? v.effect.deduct : 0), 0);

/** The `min_n` a count fraction fell short of, or `null` for `a/0` (no cases at all). */
function minNOf(s: Scorable, cell: EvidenceCell | undefined): number | null {
  const minN = 'min_n' in s.rule ? s.rule.min_n : undefined;
  const cases = cell?.value.kind === 'number' ? cell.value.cases : undefined;
  return minN === undefined || cases === 0 ? null : minN;
}

/** What every county's row of a scorable shares, its max and its rule in words: worked out once per scorable. */
const sharedParts = new WeakMap<Scorable, { readonly max: number; readonly rule: Wording }>();
function partsOf(s: Scorable): { readonly max: number; readonly rule: Wording } {
  const known = sharedParts.get(s);
  if (known !== undefined) return known;
  const parts = { max: exact(s.max), rule: ruleFor(s.rule).criterion(s.rule, s.max) };
  sharedParts.set(s, parts);
  return parts;
}

/** The row of an item or a component scored from its cell. */
function scorableRow(
  head: Head,
  s: Scorable,
  result: NodeResult,
  cell: EvidenceCell | undefined,
  scoring: Scoring,
): ScorecardRow {
  const p = scoring.system.precision;
  const u = usable(s, cell);
  const status: RowStatus = result.status === 'na' && 'few' in u ? 'few' : result.status;
  const score = result.points === null ? null : round(result.points, p);
  const lost = score === null ? null : round(s.max - score, p);
  const range = scoring.ranges.get(s.id) ?? null;
  const missing = (leftOut: boolean): Wording => {
    const why = result.noEvidence ?? 'none';
    return [
      why === 'too-few' ? fewCasesReason(minNOf(s, cell), leftOut ? 'out' : 'zero') : noEvidenceReason(why, leftOut),
    ];
  };
  const reason =
    status === 'missing'
      ? missing(false)
      : status === 'excluded'
        ? missing(true)
        : status === 'scored' && lost !== null && lost > 0 && result.points !== null && 'x' in u
          ? ruleFor(s.rule).reason(s.rule, u.x, { max: s.max, points: result.points, range })
          : null;
  const shared = partsOf(s);
  return makeRow(head, { max: shared.max, score, lost, status }, cell, {
    rule: shared.rule,
    reason,
    remark: status === 'few' ? [fewCasesReason(minNOf(s, cell), 'na')] : null,
  });
}

/** The ids of a group's children that lost points (rounded; else any short of full marks). */
function lostBelow(node: SystemNode, rows: ReadonlyMap<string, ScorecardRow>, county: CountyResult): string[] {
  const rounded = node.children.filter((c) => (rows.get(c.id)?.lost ?? 0) > 0).map((c) => c.id);
  if (rounded.length > 0) return rounded;
  return node.children
    .filter((c) => {
      const points = county.nodes.get(c.id)?.points ?? null;
      return c.weight > 0 && points !== null && points < c.max;
    })
    .map((c) => c.id);
}

/** A county's score sheet rows: every system, group and item of the file, in file order. */
export function scorecardRows(
  scoring: Scoring,
  county: CountyResult,
  cells: ReadonlyMap<string, EvidenceCell> | undefined,
): ScorecardRow[] {
  const p = scoring.system.precision;
  const rows = new Map<string, ScorecardRow>();
  // Children before their groups, so that a group can name the items that lost its points.
  for (const node of [...scoring.system.nodes].reverse()) {
    const result = county.nodes.get(node.id) ?? { points: null, status: 'excluded' as const };
    const head = { id: node.id, name: node.name, parent: node.parent, depth: node.depth };
    if (node.rule !== null) {
      rows.set(node.id, scorableRow(head, node, result, cells?.get(node.id), scoring));
      continue;
    }
    const score = result.points === null ? null : round(result.points, p);
    const lost = score === null ? null : round(node.max - score, p);
    const reason =
      result.status === 'excluded'
        ? [groupLeftOutReason()]
        : lost !== null && lost > 0
          ? [groupReason(lostBelow(node, rows, county))]
          : null;
    rows.set(
      node.id,
      makeRow(head, { max: exact(node.max), score, lost, status: result.status }, undefined, {
        rule: null,
        reason,
        remark: null,
      }),
    );
  }
  return scoring.system.nodes.map((n) => must(rows.get(n.id), `the row of ${n.id}`));
}

/** A county's components: the systems' (their base, scaled) and each scored from its cell. */
function componentRows(
  scoring: Scoring,
  county: CountyResult,
  cells: ReadonlyMap<string, EvidenceCell> | undefined,
): ScorecardRow[] | null {
  const { system } = scoring;
  const p = system.precision;
  if (county.components === null) return null;
  return system.components.map((c) => {
    const result = county.components?.get(c.id) ?? { points: null, status: 'excluded' as const };
    const head = { id: c.id, name: c.name, parent: null, depth: 1 };
    if (c.scorable !== null) return scorableRow(head, c.scorable, result, cells?.get(c.id), scoring);
    const score = result.points === null ? null : round(result.points, p);
    const lost = score === null ? null : round(c.max - score, p);
    return makeRow(head, { max: exact(c.max), score, lost, status: result.status }, undefined, {
      rule: [systemsCriterion(system.scale, c.max)],
      reason: lost !== null && lost > 0 ? [systemsReason()] : null,
      remark: null,
    });
  });
}

/**
 * The score sheets (评分表): per county, every system and item in file order with its maximum,
 * points, evidence and where it is, the rule in words and why points were lost; then its
 * components, bonus items, vetoes, totals and ranks. Points are `score`'s, rounded alike. Pure.
 */
export function scorecard(scoring: Scoring, evidence: EvidenceTable): Scorecard {
  const { system } = scoring;
  const p = system.precision;
  const counties = scoring.counties.map((c): CountyScorecard => {
    const cells = evidence.get(c.county.id);
    return {
      id: c.county.id,
      name: c.county.name,
      prefecture: c.county.prefecture,
      total: round(c.total, p),
      base: round(c.base, p),
      composite: c.composite === null ? null : round(c.composite, p),
      bonus: round(c.bonus, p),
      deducted: round(c.deducted, p),
      grade: c.grade,
      rank: c.rank,
      prefectureRank: c.prefectureRank,
      disqualified: c.disqualified,
      rows: scorecardRows(scoring, c, cells),
      components: componentRows(scoring, c, cells),
      bonusItems: (system.bonus?.items ?? []).map((b) => ({
        id: b.id,
        name: b.name,
        max: b.rule.type === 'check' ? (b.rule.points ?? 0) : (b.rule.max ?? 0),
        score: round(c.bonusItems.get(b.id) ?? 0, p),
        ...evidenceOf(cells?.get(b.id)),
        rule: [bonusCriterion(b.rule)],
      })),
      vetoes: c.vetoBasis,
      overclaimed: c.overclaimed,
      falseReport: round(c.deducted - vetoDeductions(c.vetoBasis), p),
    };
  });
  return {
    system: {
      ...systemFacts(system),
      grades: system.grades.map((g) => ({ label: g.label, min: g.min })),
      bonusCap: system.bonus?.cap ?? null,
      combine: system.assessors?.combine ?? 'mean',
      components: system.components.map((c) => ({ name: c.name, share: c.max / system.scale })),
    },
    counties,
  };
}

export type { BonusRow, CountyScorecard, RowStatus, Scorecard, ScorecardRow } from './scorecard-model.js';
