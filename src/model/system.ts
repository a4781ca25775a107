import type { BonusItemData, GradeData, IndicatorFileData, NodeInput, RuleData, VetoData } from './indicator-data.js';

interface NodeFields {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  /** The parent's id; `null` for a top-level system. */
  readonly parent: string | null;
  /** 1 for a system, 2 for its items, … */
  readonly depth: number;
  /** The id of the top-level system it belongs to (its own, for a system). */
  readonly system: string;
  /** The most points this node can give (FORMATS.md §1). */
  readonly max: number;
  readonly description: string | null;
  readonly source: string | null;
  readonly evidence: string | null;
}

/** A system or group: its points are the weighted mean of its children's. */
export interface GroupNode extends NodeFields {
  readonly rule: null;
  readonly children: readonly SystemNode[];
}

/** A scored item: its points come from one evidence cell through its rule. */
export interface ItemNode extends NodeFields {
  readonly rule: RuleData;
  readonly children: readonly [];
}

/** A system, group or scored item, with its maximum points worked out from the weights. */
export type SystemNode = GroupNode | ItemNode;

export const isItem = (node: SystemNode): node is ItemNode => node.rule !== null;

export interface IndicatorSystem {
  readonly id: string;
  readonly name: string;
  readonly version: string | null;
  readonly description: string | null;
  readonly scale: number;
  readonly weighting: 'points' | 'relative';
  readonly precision: number;
  readonly missing: 'zero' | 'exclude' | 'error';
  readonly pass: number | null;
  /** Highest `min` first, as they are judged. */
  readonly grades: readonly GradeData[];
  readonly systems: readonly SystemNode[];
  /** Every system, group and item in file order (pre-order). */
  readonly nodes: readonly SystemNode[];
  /** The scored items (nodes with a rule), in file order. */
  readonly items: readonly ItemNode[];
  readonly vetoes: readonly VetoData[];
  readonly bonus: { readonly cap: number; readonly items: readonly BonusItemData[] } | null;
}

/**
 * Builds the scoring model from a file that passed the schema and the checks.
 * Under points weighting a node's maximum is its weight; under relative weighting
 * it is the parent's maximum × weight ÷ the siblings' weights.
 */
export function buildSystem(file: IndicatorFileData): IndicatorSystem {
  const nodes: SystemNode[] = [];
  const build = (input: NodeInput, parent: string | null, system: string, depth: number, max: number): SystemNode => {
    const fields: NodeFields = {
      id: input.id,
      name: input.name,
      weight: input.weight,
      parent,
      depth,
      system,
      max,
      description: input.description ?? null,
      source: input.source ?? null,
      evidence: input.evidence ?? null,
    };
    if (input.rule !== undefined) {
      const item: ItemNode = { ...fields, rule: input.rule, children: [] };
      nodes.push(item);
      return item;
    }
    const children: SystemNode[] = [];
    const group: GroupNode = { ...fields, rule: null, children };
    nodes.push(group);
    for (const [child, childMax] of shares(input.items ?? [], max, file.weighting)) {
      children.push(build(child, input.id, system, depth + 1, childMax));
    }
    return group;
  };
  const systems = shares(file.systems, file.scale, file.weighting).map(([s, max]) => build(s, null, s.id, 1, max));
  return {
    id: file.id,
    name: file.name,
    version: file.version === undefined ? null : String(file.version),
    description: file.description ?? null,
    scale: file.scale,
    weighting: file.weighting,
    precision: file.precision,
    missing: file.missing,
    pass: file.pass ?? null,
    grades: [...(file.grades ?? [])].sort((a, b) => b.min - a.min),
    systems,
    nodes,
    items: nodes.filter(isItem),
    vetoes: file.vetoes ?? [],
    bonus: file.bonus ?? null,
  };
}

function shares(
  siblings: readonly NodeInput[],
  parentMax: number,
  weighting: 'points' | 'relative',
): [NodeInput, number][] {
  if (weighting === 'points') return siblings.map((s) => [s, s.weight]);
  const sum = siblings.reduce((acc, s) => acc + s.weight, 0);
  return siblings.map((s) => [s, sum > 0 ? (parentMax * s.weight) / sum : 0]);
}
