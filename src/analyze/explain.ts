import type { EvidenceCell } from '../model/evaluation.js';
import type { RuleData } from '../model/indicator-data.js';
import { evidenceRef } from '../model/location.js';
import { num } from '../model/number.js';
import { ruleFor } from '../model/rules/index.js';
import type { CountyResult, NodeResult, Scoring } from '../model/scoring.js';
import type { ItemNode, SystemNode } from '../model/system.js';
import { round } from '../score/round.js';
import { usable } from '../score/score.js';

/** How one county's score for one node came about, step by step. Pure data; renderers word it. */
export interface Explanation {
  readonly county: { readonly id: string; readonly name: string; readonly prefecture: string };
  readonly node: {
    readonly id: string;
    readonly name: string;
    readonly max: number;
    readonly weight: number;
    readonly rule: RuleData | null;
  };
  /** The evidence cell used, as found in its file. */
  readonly evidence: {
    readonly at: string;
    readonly raw: string;
    readonly source: string | null;
    readonly note: string | null;
  } | null;
  readonly status: NodeResult['status'];
  /** Why there is no usable evidence, if there is none. */
  readonly noEvidence: NodeResult['noEvidence'] | null;
  /** The arithmetic of the rule, as `a = … = 0.7`; `null` when the item was not scored. */
  readonly arithmetic: string | null;
  readonly points: number | null;
  /** From the node up to its system: each level's weighted mean, written out. */
  readonly rollup: readonly {
    readonly id: string;
    readonly name: string;
    readonly points: number | null;
    readonly max: number;
    readonly arithmetic: string;
  }[];
  readonly base: number;
  readonly bonus: number;
  readonly total: number;
  readonly grade: string | null;
  readonly rank: number | null;
  readonly precision: number;
}

const at = (cell: EvidenceCell): string => evidenceRef(cell.file, cell.line, cell.column);

export function explain(
  scoring: Scoring,
  county: CountyResult,
  node: SystemNode,
  cell: EvidenceCell | undefined,
  words: YesNo,
): Explanation {
  const p = scoring.system.precision;
  const result = county.nodes.get(node.id) ?? { points: null, status: 'excluded' };
  const byId = new Map(scoring.system.nodes.map((n) => [n.id, n]));
  const rollup: Explanation['rollup'][number][] = [];
  for (let g = node.parent === null ? undefined : byId.get(node.parent); g !== undefined; ) {
    rollup.push({
      id: g.id,
      name: g.name,
      points: pointsOf(county, g.id, p),
      max: Number(num(g.max)),
      arithmetic: groupArithmetic(g, county, p),
    });
    g = g.parent === null ? undefined : byId.get(g.parent);
  }
  const arithmetic =
    node.rule === null
      ? groupArithmetic(node, county, p)
      : result.status === 'scored' && cell !== undefined
        ? ruleArithmetic(node, cell, scoring, words)
        : null;
  return {
    county: { id: county.county.id, name: county.county.name, prefecture: county.county.prefecture },
    node: { id: node.id, name: node.name, max: Number(num(node.max)), weight: node.weight, rule: node.rule },
    evidence: cell ? { at: at(cell), raw: cell.raw, source: cell.source, note: cell.note } : null,
    status: result.status,
    noEvidence: result.noEvidence ?? null,
    arithmetic,
    points: pointsOf(county, node.id, p),
    rollup,
    base: round(county.base, p),
    bonus: round(county.bonus, p),
    total: round(county.total, p),
    grade: county.grade,
    rank: county.rank,
    precision: p,
  };
}

function pointsOf(county: CountyResult, id: string, p: number): number | null {
  const points = county.nodes.get(id)?.points ?? null;
  return points === null ? null : round(points, p);
}

/** `max × (w·a + …) ÷ (w + …) = points`, over the children counted. */
function groupArithmetic(g: SystemNode, county: CountyResult, p: number): string {
  const points = (n: SystemNode): number | null => county.nodes.get(n.id)?.points ?? null;
  const counted = g.children.flatMap((c) => {
    const x = points(c);
    return c.weight > 0 && c.max > 0 && x !== null ? [{ c, a: x / c.max }] : [];
  });
  const total = points(g);
  if (counted.length === 0 || total === null) return '—';
  const terms = counted.map(({ c, a }) => `${num(c.weight)}×${num(a)}`);
  const weights = counted.map(({ c }) => num(c.weight));
  return `${num(g.max)} × (${terms.join(' + ')}) ÷ (${weights.join(' + ')}) = ${round(total, p).toFixed(p)}`;
}

/** How yes and no are written in the arithmetic. */
export interface YesNo {
  readonly yes: string;
  readonly no: string;
}

function ruleArithmetic(node: ItemNode, cell: EvidenceCell, scoring: Scoring, words: YesNo): string {
  const u = usable(node, cell);
  if (!('x' in u)) return '—';
  const xs = typeof u.x === 'number' ? num(u.x) : String(u.x);
  // A count fraction shows its cases: x = 17/20 = 0.85.
  const shown = cell.value.kind === 'number' && cell.value.cases !== undefined ? `${cell.raw} = ${xs}` : xs;
  const context = { max: node.max, range: scoring.ranges.get(node.id) ?? null, shown, ...words };
  return ruleFor(node.rule).steps(node.rule, u.x, context);
}
