import { exact } from '../model/number.js';
import type { ComponentPoints, CountyScore } from '../model/scoring.js';
import type { IndicatorSystem } from '../model/system.js';
import { round } from './round.js';

/** A county's components, rounded, in file order; `null` when the file declares none. */
export function componentPoints(system: IndicatorSystem, county: CountyScore): ComponentPoints[] | null {
  if (county.components === null) return null;
  return system.components.map((c) => {
    const points = county.components?.get(c.id)?.points ?? null;
    return {
      id: c.id,
      name: c.name,
      points: points === null ? null : round(points, system.precision),
      max: exact(c.max),
    };
  });
}
