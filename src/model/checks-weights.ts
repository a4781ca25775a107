import type { Check } from './checks.js';
import type { NodeInput } from './indicator-data.js';
import { MIN_POINTS, num } from './number.js';
import { error, type Finding, type Path } from './problem.js';

/**
 * A node or component of positive weight must be worth at least MIN_POINTS, its maximum worked out
 * as `buildSystem` does (its weight under `points`, the parent's maximum × its share under
 * `relative`). A weight of 1e-300, or a share that underflows on the way down, is refused here
 * instead of quietly scoring as report-only. Only the topmost such node is named.
 */
export const weightsMeasurable: Check = (file) => {
  const found: Finding[] = [];
  const flag = (id: string, weight: number, max: number, path: Path): void => {
    found.push(
      error('weight-too-small', path, {
        id,
        weight: num(weight),
        max: String(Number(max.toPrecision(3))),
        min: num(MIN_POINTS),
      }),
    );
  };
  const visit = (nodes: readonly NodeInput[], parentMax: number, path: Path): void => {
    const sum = nodes.reduce((acc, n) => acc + n.weight, 0);
    for (const [i, node] of nodes.entries()) {
      const here = [...path, i];
      const max = file.weighting === 'points' ? node.weight : sum > 0 ? (parentMax * node.weight) / sum : 0;
      const small = node.weight > 0 && parentMax > 0 && !(max >= MIN_POINTS);
      if (small) flag(node.id, node.weight, max, [...here, 'weight']);
      if (node.items) visit(node.items, small ? 0 : max, [...here, 'items']);
    }
  };
  visit(file.systems, file.scale, ['systems']);
  const components = file.components ?? [];
  const sum = components.reduce((acc, c) => acc + c.weight, 0);
  for (const [i, c] of components.entries()) {
    const max = sum > 0 ? (file.scale * c.weight) / sum : 0;
    if (c.weight > 0 && !(max >= MIN_POINTS)) flag(c.id, c.weight, max, ['components', i, 'weight']);
  }
  return found;
};
