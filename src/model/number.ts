/** A number as people write it: exact to 12 significant digits, so float noise never shows (0.1 + 0.2 → 0.3). */
export const exact = (x: number): number => Number(x.toPrecision(12));

/** `exact`, as text: `0.3`, `12.5`, `1e-7`. */
export const num = (x: number): string => String(exact(x));

/**
 * The largest magnitude of an evidence value (and of every threshold compared with one: `zero`,
 * `full`, band bounds, `range`, `min_n`): 10¹⁵. Below 2⁵³ ≈ 9.007 × 10¹⁵ every whole number is
 * exact, so counts and the a, b of `a/b` are read exactly; the widest `minmax` span (2 × 10¹⁵) and
 * the largest product (`per` × a count, 10⁹ × 10¹⁵) stay far below the 1.8 × 10³⁰⁸ where numbers
 * overflow to Infinity. No real quantity of a county (a budget in yuan is about 10¹¹) comes near.
 */
export const MAX_VALUE = 1e15;

/**
 * The largest points-like number of an indicator file (`scale`, weights, `pass`, grade `min`,
 * `per`, `limit`, `cap`, `deduct`, bonus `points`, `max`): 10⁹. Every sum and product of them
 * (a parent's maximum × a weight is at most 10¹⁸) stays finite and exact to 12 digits.
 */
export const MAX_POINTS = 1e9;

/**
 * The least maximum a node of positive weight may be worth: 10⁻⁹ points, the tolerance to which
 * weights must add up. A smaller share cannot be told from 0 by the format's own sums, and is not
 * shown at any precision.
 */
export const MIN_POINTS = 1e-9;

/** Whether a number is finite and within ±MAX_VALUE. */
export const inValueRange = (x: number): boolean => Number.isFinite(x) && Math.abs(x) <= MAX_VALUE;
