/**
 * Arrays of any length without spreading them into a call: `Math.max(...xs)` and
 * `push(...xs)` pass every element as an argument and overflow the call stack past about
 * 100,000 elements. Use these wherever the array grows with the input (counties, rows, problems).
 */

/** The largest number, `-Infinity` for none (as `Math.max()`); NaN if any is NaN (as `Math.max`). */
export function maxOf(xs: Iterable<number>): number {
  let max = -Infinity;
  for (const x of xs) {
    if (Number.isNaN(x)) return Number.NaN;
    if (x > max || (x === 0 && Object.is(max, -0))) max = x; // +0 over -0, as Math.max
  }
  return max;
}

/** The smallest number, `Infinity` for none (as `Math.min()`); NaN if any is NaN (as `Math.min`). */
export function minOf(xs: Iterable<number>): number {
  let min = Infinity;
  for (const x of xs) {
    if (Number.isNaN(x)) return Number.NaN;
    if (x < min || (x === 0 && min === 0 && Object.is(x, -0))) min = x; // -0 over +0, as Math.min
  }
  return min;
}

/** Appends every item to `to` in order and returns `to` (as `to.push(...items)`, at any length). */
export function append<T>(to: T[], items: Iterable<T>): T[] {
  for (const x of items) to.push(x);
  return to;
}

/** Items grouped by a key, groups in the order their first item comes, items in their order: one pass. */
export function groupBy<T>(items: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [x]);
    else g.push(x);
  }
  return groups;
}
