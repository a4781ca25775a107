/**
 * A value the code's own invariants guarantee (a map entry made just before, a list of the same
 * length). Its absence is a bug in fazhi, reported as one, never an input problem.
 */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`fazhi invariant broken: no ${what}`);
  return value;
}
