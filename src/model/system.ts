import type {
  BonusItemData,
  FewPolicy,
  GradeData,
  IndicatorFileData,
  MissingPolicy,
  NodeInput,
  RangeData,
  RuleData,
  UnitData,
  VetoData,
} from './indicator-data.js';

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
  /** The policy for no evidence in force here: its own, else its nearest ancestor's, else the file's. */
  readonly missing: MissingPolicy;
  readonly description: string | null;
  readonly source: string | null;
  readonly evidence: string | null;
}

/** What scores from one evidence cell through a rule: a scored item, or a component with a rule. */
export interface Scorable {
  readonly id: string;
  readonly rule: RuleData;
  readonly max: number;
  readonly missing: MissingPolicy;
  /** What too few cases mean (the rule's `few`, default `na`). */
  readonly few: FewPolicy;
  readonly unit: UnitData | null;
  readonly range: RangeData | null;
}

/** A system or group: its points are the weighted mean of its children's. */
export interface GroupNode extends NodeFields {
  readonly rule: null;
  readonly children: readonly SystemNode[];
}

/** A scored item: its points come from one evidence cell through its rule. */
export interface ItemNode extends NodeFields, Scorable {
  readonly rule: RuleData;
  readonly children: readonly [];
}

/** A system, group or scored item, with its maximum points worked out from the weights. */
export type SystemNode = GroupNode | ItemNode;

export const isItem = (node: SystemNode): node is ItemNode => node.rule !== null;

/** One assessment of the composite (FORMATS.md §6, Components). */
export interface ComponentNode {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  /** scale × weight ÷ the sum of the components' weights. */
  readonly max: number;
  /** `null` for the indicator systems' own component. */
  readonly scorable: Scorable | null;
  readonly description: string | null;
}

export interface Assessors {
  /** The `by` value of self-assessment rows, or `null` when there are none. */
  readonly self: string | null;
  readonly combine: 'mean' | 'median';
  readonly falseReport: { readonly per: number; readonly limit: number | null } | null;
}

export interface IndicatorSystem {
  readonly id: string;
  readonly name: string;
  readonly version: string | null;
  readonly description: string | null;
  readonly scale: number;
  readonly weighting: 'points' | 'relative';
  readonly precision: number;
  readonly missing: MissingPolicy;
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
  /** The assessments of a composite, in file order; empty when the file declares none. */
  readonly components: readonly ComponentNode[];
  /** `null` when the file declares no assessors. */
  readonly assessors: Assessors | null;
}

const fewOf = (rule: RuleData): FewPolicy => ('few' in rule && rule.few !== undefined ? rule.few : 'na');

/**
 * Builds the scoring model from a file that passed the schema and the checks.
 * Under points weighting a node's maximum is its weight; under relative weighting
 * it is the parent's maximum × weight ÷ the siblings' weights.
 */
export function buildSystem(file: IndicatorFileData): IndicatorSystem {
  const nodes: SystemNode[] = [];
  const build = (
    input: NodeInput,
    parent: string | null,
    system: string,
    depth: number,
    max: number,
    inherited: MissingPolicy,
  ): SystemNode => {
    const missing = input.missing ?? inherited;
    const fields: NodeFields = {
      id: input.id,
      name: input.name,
      weight: input.weight,
      parent,
      depth,
      system,
      max,
      missing,
      description: input.description ?? null,
      source: input.source ?? null,
      evidence: input.evidence ?? null,
    };
    if (input.rule !== undefined) {
      const item: ItemNode = {
        ...fields,
        rule: input.rule,
        children: [],
        few: fewOf(input.rule),
        unit: input.unit ?? null,
        range: input.range ?? null,
      };
      nodes.push(item);
      return item;
    }
    const children: SystemNode[] = [];
    const group: GroupNode = { ...fields, rule: null, children };
    nodes.push(group);
    for (const [child, childMax] of shares(input.items ?? [], max, file.weighting)) {
      children.push(build(child, input.id, system, depth + 1, childMax, missing));
    }
    return group;
  };
  const systems = shares(file.systems, file.scale, file.weighting).map(([s, max]) =>
    build(s, null, s.id, 1, max, file.missing),
  );
  const componentWeights = (file.components ?? []).reduce((acc, c) => acc + c.weight, 0);
  const components = (file.components ?? []).map((c): ComponentNode => {
    const max = componentWeights > 0 ? (file.scale * c.weight) / componentWeights : 0;
    return {
      id: c.id,
      name: c.name,
      weight: c.weight,
      max,
      scorable:
        c.rule === undefined
          ? null
          : {
              id: c.id,
              rule: c.rule,
              max,
              missing: file.missing,
              few: fewOf(c.rule),
              unit: c.unit ?? null,
              range: c.range ?? null,
            },
      description: c.description ?? null,
    };
  });
  const a = file.assessors;
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
    grades: [...(file.grades ?? [])].sort((x, y) => y.min - x.min),
    systems,
    nodes,
    items: nodes.filter(isItem),
    vetoes: file.vetoes ?? [],
    bonus: file.bonus ?? null,
    components,
    assessors:
      a === undefined
        ? null
        : {
            self: a.self ?? null,
            combine: a.combine ?? 'mean',
            falseReport: a.false_report ? { per: a.false_report.per, limit: a.false_report.limit ?? null } : null,
          },
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
