import type { EvidenceCell } from '../model/evaluation.js';
import type { BonusRuleData, RangeData, RuleData, UnitData, VetoEffectData } from '../model/indicator-data.js';
import { evidenceRef } from '../model/location.js';
import { num } from '../model/number.js';
import { ruleFor } from '../model/rules/index.js';
import type { CountyResult, NodeResult, Scoring, VetoBasis } from '../model/scoring.js';
import type { Scorable, SystemNode } from '../model/system.js';
import { round } from '../score/round.js';
import { usable } from '../score/score.js';

/** How one county's score for one id came about, step by step. Pure data; renderers word it. */
export interface Explanation {
  /** What the id is: a system, group or item (`node`), a component, a bonus item or a veto. */
  readonly kind: 'node' | 'component' | 'bonus' | 'veto';
  readonly county: { readonly id: string; readonly name: string; readonly prefecture: string };
  readonly node: {
    readonly id: string;
    readonly name: string;
    readonly max: number;
    readonly weight: number;
    readonly rule: RuleData | null;
    /** The value checks of an item or component, when set. */
    readonly unit?: UnitData | undefined;
    readonly range?: RangeData | undefined;
  };
  /** The evidence cell used, as found in its file. */
  readonly evidence: {
    readonly at: string;
    readonly raw: string;
    readonly source: string | null;
    readonly note: string | null;
    /** Who gave it (the `by` column), when the evidence says. */
    readonly by: string | null;
    /** Each assessor's value, for a combined `assessed` cell. */
    readonly assessors: Readonly<Record<string, number>> | null;
    /** How they were combined (`raw` is the result), or `null` for a plain cell. */
    readonly combine: 'mean' | 'median' | null;
  } | null;
  /** The node's or component's outcome; `null` for a bonus item or a veto. */
  readonly status: NodeResult['status'] | null;
  /** Why there is no usable evidence, if there is none. */
  readonly noEvidence: NodeResult['noEvidence'] | null;
  /** Whether the item had too few cases (so 不适用 under `few: na`). */
  readonly fewCases: boolean;
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
  /** A bonus item's rule and the points it gives before the cap. */
  readonly bonusItem?: { readonly rule: BonusRuleData; readonly points: number; readonly cap: number } | undefined;
  /** A veto: what it does and whether this county triggered it. */
  readonly veto?: { readonly effect: VetoEffectData; readonly triggered: boolean } | undefined;
  readonly base: number;
  /** The weighted composite of the components, or `null` without components. */
  readonly composite: number | null;
  readonly bonus: number;
  readonly deducted: number;
  readonly total: number;
  readonly grade: string | null;
  readonly rank: number | null;
  /** Every veto the county triggered, with its basis. */
  readonly vetoes: readonly VetoBasis[];
  readonly precision: number;
}

/** How yes and no are written in the arithmetic. */
export interface YesNo {
  readonly yes: string;
  readonly no: string;
}

const at = (cell: EvidenceCell): string => evidenceRef(cell.file, cell.line, cell.column);

const rounded = (x: number | null | undefined, p: number): number | null =>
  x === null || x === undefined ? null : round(x, p);

/** The parts every explanation shares: the county, its totals and vetoes, and the cell. */
function common(scoring: Scoring, county: CountyResult, cell: EvidenceCell | undefined) {
  const p = scoring.system.precision;
  return {
    county: { id: county.county.id, name: county.county.name, prefecture: county.county.prefecture },
    evidence: cell
      ? {
          at: at(cell),
          raw: cell.raw,
          source: cell.source,
          note: cell.note,
          by: cell.by ?? null,
          assessors: cell.assessors ?? null,
          combine: cell.assessors ? (scoring.system.assessors?.combine ?? 'mean') : null,
        }
      : null,
    base: round(county.base, p),
    composite: rounded(county.composite, p),
    bonus: round(county.bonus, p),
    deducted: round(county.deducted, p),
    total: round(county.total, p),
    grade: county.grade,
    rank: county.rank,
    vetoes: county.vetoBasis,
    precision: p,
  };
}

/**
 * How a county's points for an id came about: a system, group or item with its roll-up, a
 * component, a bonus item or a veto; `null` for an id the indicator system does not have.
 */
export function explain(
  scoring: Scoring,
  county: CountyResult,
  id: string,
  cell: EvidenceCell | undefined,
  words: YesNo,
): Explanation | null {
  const system = scoring.system;
  const p = system.precision;
  const node = system.nodes.find((n) => n.id === id);
  if (node) return explainNode(scoring, county, node, cell, words);
  const component = system.components.find((c) => c.id === id);
  if (component) {
    const result = county.components?.get(id) ?? { points: null, status: 'excluded' as const };
    const s = component.scorable;
    return {
      kind: 'component',
      ...common(scoring, county, cell),
      node: {
        id,
        name: component.name,
        max: Number(num(component.max)),
        weight: component.weight,
        rule: s?.rule ?? null,
      },
      status: result.status,
      noEvidence: result.noEvidence ?? null,
      fewCases: s !== null && cell !== undefined && 'few' in usable(s, cell),
      arithmetic:
        s === null
          ? `${num(component.max)} × ${num(county.base)} ÷ ${num(system.scale)} = ${rounded(result.points, p)?.toFixed(p)}`
          : result.status === 'scored' && cell !== undefined
            ? ruleArithmetic(s, cell, scoring, words)
            : null,
      points: rounded(result.points, p),
      rollup: [],
    };
  }
  const bonus = system.bonus?.items.find((b) => b.id === id);
  if (bonus) {
    const rule = bonus.rule;
    const points = county.bonusItems.get(id) ?? 0;
    return {
      kind: 'bonus',
      ...common(scoring, county, cell),
      node: {
        id,
        name: bonus.name,
        max: rule.type === 'check' ? (rule.points ?? 0) : (rule.max ?? 0),
        weight: 0,
        rule: null,
      },
      status: null,
      noEvidence: null,
      fewCases: false,
      arithmetic: null,
      points: round(points, p),
      rollup: [],
      bonusItem: { rule, points: round(points, p), cap: system.bonus?.cap ?? 0 },
    };
  }
  const veto = system.vetoes.find((v) => v.id === id);
  if (veto) {
    return {
      kind: 'veto',
      ...common(scoring, county, cell),
      node: { id, name: veto.name, max: 0, weight: 0, rule: null },
      status: null,
      noEvidence: null,
      fewCases: false,
      arithmetic: null,
      points: null,
      rollup: [],
      veto: { effect: veto.effect, triggered: county.vetoes.includes(id) },
    };
  }
  return null;
}

function explainNode(
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
    kind: 'node',
    ...common(scoring, county, cell),
    node: {
      id: node.id,
      name: node.name,
      max: Number(num(node.max)),
      weight: node.weight,
      rule: node.rule,
      ...(node.rule !== null && node.unit !== null ? { unit: node.unit } : {}),
      ...(node.rule !== null && node.range !== null ? { range: node.range } : {}),
    },
    status: result.status,
    noEvidence: result.noEvidence ?? null,
    fewCases: county.fewCases.includes(node.id),
    arithmetic,
    points: pointsOf(county, node.id, p),
    rollup,
  };
}

function pointsOf(county: CountyResult, id: string, p: number): number | null {
  return rounded(county.nodes.get(id)?.points, p);
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

function ruleArithmetic(s: Scorable, cell: EvidenceCell, scoring: Scoring, words: YesNo): string {
  const u = usable(s, cell);
  if (!('x' in u)) return '—';
  const xs = typeof u.x === 'number' ? num(u.x) : String(u.x);
  // A count fraction shows its cases: x = 17/20 = 0.85.
  const shown = cell.value.kind === 'number' && cell.value.cases !== undefined ? `${cell.raw} = ${xs}` : xs;
  const context = { max: s.max, range: scoring.ranges.get(s.id) ?? null, shown, ...words };
  return ruleFor(s.rule).steps(s.rule, u.x, context);
}
