import type { VetoData } from '../model/indicator-data.js';
import type { IndicatorSystem } from '../model/system.js';
import { round } from './round.js';

/** The label of the first grade (highest min first) whose min the rounded total reaches. */
export function gradeOf(system: IndicatorSystem, total: number): string | null {
  const t = round(total, system.precision);
  return system.grades.find((g) => g.min <= t)?.label ?? null;
}

/**
 * The grade after the triggered vetoes (FORMATS.md §6): judged on the rounded total, lowered to
 * the worst triggered `max_grade` (never raised; no grade stays none), then replaced by the first
 * triggered `grade` in file order. A disqualifying veto is the caller's: it overrides all this.
 */
export function gradeAfterVetoes(
  system: IndicatorSystem,
  rounded: number,
  triggered: readonly VetoData[],
): string | null {
  const labels = system.grades.map((g) => g.label);
  let grade = system.grades.find((g) => g.min <= rounded)?.label ?? null;
  const limits = triggered.flatMap((v) =>
    typeof v.effect === 'object' && 'max_grade' in v.effect ? [labels.indexOf(v.effect.max_grade)] : [],
  );
  const worst = limits.reduce((w, l) => Math.max(w, l), -1);
  if (grade !== null && worst >= 0 && labels.indexOf(grade) < worst) grade = labels[worst] ?? grade;
  const fixed = triggered.find((v) => typeof v.effect === 'object' && 'grade' in v.effect);
  if (fixed && typeof fixed.effect === 'object' && 'grade' in fixed.effect) grade = fixed.effect.grade;
  return grade;
}
