import { NodeRow } from '../model/node-row.js';
import type { CountyScore } from '../model/scoring.js';

/**
 * The scoring invariant that no input can break: every number of a county's result is finite.
 * Evidence values and the indicator file's numbers are bounded when read (model/number.ts), so
 * a NaN or Infinity here is a bug in fazhi. It is thrown as one (exit 3), so that it can never be
 * printed, graded or ranked.
 */
export function finiteScore(score: CountyScore): CountyScore {
  const bad = (what: string, x: number | null | undefined): void => {
    if (x !== null && x !== undefined && !Number.isFinite(x))
      throw new Error(`fazhi invariant broken: ${what} of county ${score.county.id} is ${x}, not a finite number`);
  };
  bad('the total', score.total);
  bad('the base', score.base);
  bad('the bonus', score.bonus);
  bad('the deduction', score.deducted);
  bad('the composite', score.composite);
  // A NodeRow checks each result as it is set.
  if (!(score.nodes instanceof NodeRow)) for (const [id, r] of score.nodes) bad(`the points of ${id}`, r.points);
  for (const [id, r] of score.components ?? []) bad(`the points of ${id}`, r.points);
  for (const [id, x] of score.bonusItems) bad(`the bonus of ${id}`, x);
  return score;
}
