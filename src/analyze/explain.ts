import { num } from '../model/checks.js';
import type { RuleData } from '../model/indicator-data.js';
import { evidenceRef } from '../model/location.js';
import type { SystemNode } from '../model/system.js';
import { round } from '../score/round.js';
import { expectsYes } from '../score/rules/check.js';
import { type CountyResult, type EvidenceCell, type NodeResult, type Scoring, usable } from '../score/score.js';

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
  const result = county.nodes.get(node.id)!;
  const byId = new Map(scoring.system.nodes.map((n) => [n.id, n]));
  const rollup: Explanation['rollup'][number][] = [];
  for (let parent = node.parent; parent !== null; parent = byId.get(parent)!.parent) {
    const g = byId.get(parent)!;
    rollup.push({
      id: g.id,
      name: g.name,
      points: pointsOf(county, g.id, p),
      max: Number(num(g.max)),
      arithmetic: groupArithmetic(g, county, p),
    });
  }
  return {
    county: { id: county.county.id, name: county.county.name, prefecture: county.county.prefecture },
    node: { id: node.id, name: node.name, max: Number(num(node.max)), weight: node.weight, rule: node.rule },
    evidence: cell ? { at: at(cell), raw: cell.raw, source: cell.source, note: cell.note } : null,
    status: result.status,
    noEvidence: result.noEvidence ?? null,
    arithmetic:
      node.rule && result.status === 'scored'
        ? ruleArithmetic(node, cell!, scoring, words)
        : node.rule
          ? null
          : groupArithmetic(node, county, p),
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
  const counted = g.children.filter((c) => c.weight > 0 && c.max > 0 && county.nodes.get(c.id)?.points != null);
  if (counted.length === 0) return '—';
  const terms = counted.map((c) => `${num(c.weight)}×${num(county.nodes.get(c.id)!.points! / c.max)}`);
  const weights = counted.map((c) => num(c.weight));
  const points = county.nodes.get(g.id)!.points!;
  return `${num(g.max)} × (${terms.join(' + ')}) ÷ (${weights.join(' + ')}) = ${round(points, p).toFixed(p)}`;
}

/** How yes and no are written in the arithmetic. */
export interface YesNo {
  readonly yes: string;
  readonly no: string;
}

function ruleArithmetic(node: SystemNode, cell: EvidenceCell, scoring: Scoring, words: YesNo): string {
  const rule = node.rule!;
  const u = usable(node, cell);
  const x = 'x' in u ? u.x : null;
  const xs = typeof x === 'number' ? num(x) : String(x);
  // A count fraction shows its cases: x = 17/20 = 0.85.
  const shown = cell.value.kind === 'number' && cell.value.cases !== undefined ? `${cell.raw} = ${xs}` : xs;
  return formula(node, rule, x, xs, scoring, words).replace(/^x = [^;→ ]+/, `x = ${shown}`);
}

function formula(
  node: SystemNode,
  rule: RuleData,
  x: number | boolean | null,
  xs: string,
  scoring: Scoring,
  words: YesNo,
): string {
  const max = num(node.max);
  switch (rule.type) {
    case 'check':
      return `x = ${x ? words.yes : words.no}; ${expectsYes(rule) ? 'a = x ? 1 : 0' : 'a = x ? 0 : 1'} = ${x === expectsYes(rule) ? 1 : 0}`;
    case 'linear': {
      const v = Math.min(1, Math.max(0, ((x as number) - rule.zero) / (rule.full - rule.zero)));
      return `x = ${xs}; a = clamp((${xs} − ${num(rule.zero)}) ÷ (${num(rule.full)} − ${num(rule.zero)}), 0, 1) = ${num(v)}`;
    }
    case 'bands': {
      const v = x as number;
      const band = rule.bands.find((b) => (b.min !== undefined ? v >= b.min : v <= b.max!));
      if (!band)
        return `x = ${xs}; ${rule.bands.map((b) => (b.min !== undefined ? `≥ ${num(b.min)}` : `≤ ${num(b.max!)}`)).join(', ')} → a = 0`;
      return `x = ${xs} ${band.min !== undefined ? `≥ ${num(band.min)}` : `≤ ${num(band.max!)}`} → a = ${num(band.score)}`;
    }
    case 'deduct': {
      const deducted = Math.min(rule.per * (x as number), rule.limit ?? Infinity);
      const limit =
        rule.limit !== undefined ? `min(${num(rule.per)} × ${xs}, ${num(rule.limit)})` : `${num(rule.per)} × ${xs}`;
      return `x = ${xs}; a = max(0, ${max} − ${limit}) ÷ ${max} = ${num(Math.max(0, node.max - deducted) / node.max)}`;
    }
    case 'assessed':
      return `x = ${xs}; a = ${xs} ÷ ${max} = ${num((x as number) / node.max)}`;
    case 'fraction':
      return `x = ${xs}; a = x = ${xs}`;
    case 'minmax': {
      const range = scoring.ranges.get(node.id);
      if (!range || range.hi === range.lo) return `x = ${xs}; lo = hi → a = 1`;
      const [lo, hi] = [num(range.lo), num(range.hi)];
      const v =
        rule.direction === 'lower'
          ? (range.hi - (x as number)) / (range.hi - range.lo)
          : ((x as number) - range.lo) / (range.hi - range.lo);
      return rule.direction === 'lower'
        ? `x = ${xs}; a = (hi − x) ÷ (hi − lo) = (${hi} − ${xs}) ÷ (${hi} − ${lo}) = ${num(v)}`
        : `x = ${xs}; a = (x − lo) ÷ (hi − lo) = (${xs} − ${lo}) ÷ (${hi} − ${lo}) = ${num(v)}`;
    }
  }
}
