import { minOf } from './arrays.js';
import { weightsMeasurable } from './checks-weights.js';
import type { IndicatorFileData, NodeInput, RangeData, RuleData, UnitData } from './indicator-data.js';
import { num } from './number.js';
import { error, type Finding, type Path, warning } from './problem.js';

/**
 * The rules the schema cannot say: each a small function from a schema-valid file
 * to the problems it finds, located by their path in the document.
 */
export type Check = (file: IndicatorFileData) => Finding[];

/** Sums must match to this much (FORMATS.md §1: "exactly (to 1e-9)"). */
export const WEIGHT_TOLERANCE = 1e-9;

interface Visit {
  readonly node: NodeInput;
  readonly path: Path;
}

function* walk(nodes: readonly NodeInput[], path: Path): Generator<Visit> {
  for (const [i, node] of nodes.entries()) {
    const here = [...path, i];
    yield { node, path: here };
    if (node.items) yield* walk(node.items, [...here, 'items']);
  }
}

const visits = (file: IndicatorFileData): Visit[] => [...walk(file.systems, ['systems'])];

export { num } from './number.js';

export const uniqueIds: Check = (file) => {
  const seen = new Map<string, Path>();
  const found: Finding[] = [];
  const see = (id: string, path: Path): void => {
    const first = seen.get(id);
    if (first) found.push({ ...error('id-duplicate', [...path, 'id'], { id }), related: first });
    else seen.set(id, [...path, 'id']);
  };
  see(file.id, []);
  for (const { node, path } of visits(file)) see(node.id, path);
  for (const [i, veto] of (file.vetoes ?? []).entries()) see(veto.id, ['vetoes', i]);
  for (const [i, item] of (file.bonus?.items ?? []).entries()) see(item.id, ['bonus', 'items', i]);
  for (const [i, c] of (file.components ?? []).entries()) see(c.id, ['components', i]);
  return found;
};

export const itemsOrRule: Check = (file) =>
  visits(file).flatMap(({ node, path }) => {
    if (node.items !== undefined && node.rule !== undefined)
      return [error('node-items-and-rule', [...path, 'rule'], { id: node.id })];
    if (node.items === undefined && node.rule === undefined)
      return [error('node-no-items-or-rule', path, { id: node.id })];
    return [];
  });

export const positiveChild: Check = (file) => {
  const found: Finding[] = [];
  if (!file.systems.some((s) => s.weight > 0))
    found.push(error('group-no-positive-weight', ['systems'], { id: file.id }));
  for (const { node, path } of visits(file)) {
    if (node.items && !node.items.some((c) => c.weight > 0))
      found.push(error('group-no-positive-weight', [...path, 'items'], { id: node.id }));
  }
  return found;
};

const sum = (nodes: readonly NodeInput[]): number => nodes.reduce((acc, n) => acc + n.weight, 0);

export const pointsAddUp: Check = (file) => {
  if (file.weighting !== 'points') return [];
  const found: Finding[] = [];
  const total = sum(file.systems);
  if (Math.abs(total - file.scale) > WEIGHT_TOLERANCE)
    found.push({ ...error('systems-sum', ['systems'], { sum: num(total), scale: num(file.scale) }), atKey: true });
  for (const { node, path } of visits(file)) {
    if (!node.items || node.items.length === 0) continue;
    const s = sum(node.items);
    if (Math.abs(s - node.weight) > WEIGHT_TOLERANCE)
      found.push(
        error('weights-sum', [...path, 'weight'], {
          id: node.id,
          sum: num(s),
          weight: num(node.weight),
          parts: node.items.map((c) => num(c.weight)).join(' + '),
        }),
      );
  }
  return found;
};

/** Every rule of the file, with the id and path of its item or component. */
function* rules(
  file: IndicatorFileData,
): Generator<{ id: string; rule: RuleData; path: Path; unit?: UnitData | undefined; range?: RangeData | undefined }> {
  for (const { node, path } of visits(file))
    if (node.rule) yield { id: node.id, rule: node.rule, path, unit: node.unit, range: node.range };
  for (const [i, c] of (file.components ?? []).entries())
    if (c.rule) yield { id: c.id, rule: c.rule, path: ['components', i], unit: c.unit, range: c.range };
}

export const ruleParameters: Check = (file) =>
  [...rules(file)].flatMap(({ id, rule, path }) => {
    const node = { id };
    const at = [...path, 'rule'];
    if (rule.type === 'linear' && rule.full === rule.zero)
      return [error('linear-flat', [...at, 'full'], { id: node.id, value: num(rule.full) })];
    if (rule.type !== 'bands') return [];
    const found: Finding[] = [];
    const bounds = rule.bands.map((b, i) => {
      const bandPath = [...at, 'bands', i];
      if (b.min !== undefined && b.max !== undefined) found.push(error('band-both-bounds', bandPath, { id: node.id }));
      else if (b.min === undefined && b.max === undefined)
        found.push(error('band-no-bound', bandPath, { id: node.id }));
      return b.min !== undefined ? ('min' as const) : b.max !== undefined ? ('max' as const) : null;
    });
    if (found.length > 0) return found;
    const kind = bounds[0] as 'min' | 'max';
    const mixed = bounds.findIndex((b) => b !== kind);
    if (mixed >= 0) return [error('bands-mixed', [...at, 'bands', mixed], { id: node.id })];
    const values = rule.bands.map((b) => b[kind] ?? 0);
    for (let i = 1; i < values.length; i++) {
      const [prev = 0, cur = 0] = [values[i - 1], values[i]];
      const ordered = kind === 'min' ? cur < prev : cur > prev;
      if (!ordered)
        found.push(
          error('bands-order', [...at, 'bands', i, kind], { id: node.id, kind, prev: num(prev), value: num(cur) }),
        );
    }
    return found;
  });

/** What kind of value each rule reads, as far as `unit` is concerned. */
const READS: Readonly<Record<RuleData['type'], readonly UnitData[]>> = {
  check: [],
  linear: ['rate', 'count', 'number'],
  bands: ['rate', 'count', 'number'],
  minmax: ['rate', 'count', 'number'],
  fraction: ['rate', 'number'],
  deduct: ['count', 'number'],
  assessed: ['count', 'number'],
};
const KIND_OF: Readonly<Record<RuleData['type'], string>> = {
  check: 'yesno',
  linear: 'rate',
  bands: 'rate',
  minmax: 'rate',
  fraction: 'share',
  deduct: 'count',
  assessed: 'points',
};

/** `few` with `min_n`; `unit` and `range` on rules that read numbers, agreeing with them; ranges in order. */
export const valueChecks: Check = (file) =>
  [...rules(file)].flatMap(({ id, rule, path, unit, range }) => {
    const found: Finding[] = [];
    if ('few' in rule && rule.few !== undefined && rule.min_n === undefined)
      found.push(error('few-without-min-n', [...path, 'rule', 'few'], { id }));
    if (rule.type === 'check') {
      if (unit !== undefined) found.push(error('value-check-on-yes-no', [...path, 'unit'], { id, key: 'unit' }));
      if (range !== undefined) found.push(error('value-check-on-yes-no', [...path, 'range'], { id, key: 'range' }));
      return found;
    }
    if (unit !== undefined && !READS[rule.type].includes(unit))
      found.push(error('unit-conflict', [...path, 'unit'], { id, unit, type: rule.type, kind: KIND_OF[rule.type] }));
    const [lo, hi] = range ?? [null, null];
    if (lo !== null && hi !== null && lo > hi)
      found.push(error('range-order', [...path, 'range'], { id, lo: num(lo), hi: num(hi) }));
    const thresholds =
      rule.type === 'linear'
        ? [rule.zero, rule.full]
        : rule.type === 'bands'
          ? rule.bands.map((b) => b.min ?? b.max ?? 0)
          : null;
    if (thresholds !== null && unit === undefined && thresholds.every((x) => x >= 0 && x <= 1))
      found.push({ ...warning('rate-without-unit', path, { id }) });
    return found;
  });

/** Vetoes that set a grade name one of `grades`. */
export const vetoGrades: Check = (file) => {
  const labels = (file.grades ?? []).map((g) => g.label);
  return (file.vetoes ?? []).flatMap((veto, i) => {
    const effect = veto.effect;
    if (effect === 'disqualify') return [];
    const key = 'grade' in effect ? 'grade' : 'max_grade' in effect ? 'max_grade' : null;
    if (key === null) return [];
    const label = 'grade' in effect ? effect.grade : 'max_grade' in effect ? effect.max_grade : '';
    if (labels.includes(label)) return [];
    return [
      error('veto-grade-unknown', ['vetoes', i, 'effect', key], { id: veto.id, key, label, labels: labels.join('、') }),
    ];
  });
};

/** Exactly one component is the indicator systems, and some component counts. */
export const componentsComplete: Check = (file) => {
  const components = file.components;
  if (components === undefined) return [];
  const found: Finding[] = [];
  const systems = components.filter((c) => c.rule === undefined).length;
  if (systems !== 1) found.push({ ...error('components-systems', ['components'], { count: systems }), atKey: true });
  if (!components.some((c) => c.weight > 0))
    found.push({ ...error('components-no-positive-weight', ['components'], {}), atKey: true });
  return found;
};

/** A false-report deduction needs self-assessment rows to compare. */
export const assessorsUseful: Check = (file) =>
  file.assessors?.false_report !== undefined && file.assessors.self === undefined
    ? [warning('false-report-without-self', ['assessors', 'false_report'], {})]
    : [];

export const gradesDistinct: Check = (file) => {
  const found: Finding[] = [];
  const labels = new Map<string, number>();
  const mins = new Map<number, number>();
  for (const [i, g] of (file.grades ?? []).entries()) {
    if (labels.has(g.label)) found.push(error('grade-label-duplicate', ['grades', i, 'label'], { label: g.label }));
    else labels.set(g.label, i);
    if (mins.has(g.min)) found.push(error('grade-min-duplicate', ['grades', i, 'min'], { min: num(g.min) }));
    else mins.set(g.min, i);
  }
  return found;
};

export const bonusComplete: Check = (file) =>
  (file.bonus?.items ?? []).flatMap((item, i) => {
    const rule = item.rule;
    const need = rule.type === 'check' ? (['points'] as const) : (['per', 'max'] as const);
    const missing = need.filter((k) => (rule as Record<string, unknown>)[k] === undefined);
    return missing.length === 0
      ? []
      : [
          error('bonus-rule-incomplete', ['bonus', 'items', i, 'rule'], {
            id: item.id,
            type: rule.type,
            keys: missing.join(', '),
          }),
        ];
  });

/** The most a county can score: the scale plus the bonus cap. */
const ceiling = (file: IndicatorFileData): number => file.scale + (file.bonus?.cap ?? 0);

export const reachable: Check = (file) => {
  const found: Finding[] = [];
  if (file.pass !== undefined && file.pass > ceiling(file))
    found.push(warning('pass-unreachable', ['pass'], { pass: num(file.pass), max: num(ceiling(file)) }));
  for (const [i, veto] of (file.vetoes ?? []).entries()) {
    const effect = veto.effect;
    if (effect !== 'disqualify' && 'cap' in effect && effect.cap >= ceiling(file))
      found.push(
        warning('veto-cap-ineffective', ['vetoes', i, 'effect', 'cap'], {
          id: veto.id,
          cap: num(effect.cap),
          max: num(ceiling(file)),
        }),
      );
    if (veto.effect !== 'disqualify' && veto.label !== undefined)
      found.push(warning('veto-label-unused', ['vetoes', i, 'label'], { id: veto.id }));
  }
  const grades = file.grades ?? [];
  if (grades.length > 0 && !grades.some((g) => g.min <= 0))
    found.push(warning('grades-no-floor', ['grades'], { lowest: num(minOf(grades.map((g) => g.min))) }));
  return found;
};

/** Every check, in the order their problems are most useful to read. */
export const CHECKS: readonly Check[] = [
  uniqueIds,
  itemsOrRule,
  positiveChild,
  pointsAddUp,
  weightsMeasurable,
  ruleParameters,
  valueChecks,
  gradesDistinct,
  vetoGrades,
  bonusComplete,
  componentsComplete,
  assessorsUseful,
  reachable,
];

export const checkFile = (file: IndicatorFileData): Finding[] => CHECKS.flatMap((check) => check(file));
