import { maxRuns, SENSITIVITY_DEFAULTS, type Sensitivity, sensitivity } from '../analyze/sensitivity.js';
import type { Ui } from '../i18n/ui.js';
import type { Scoring } from '../model/scoring.js';
import { UsageError } from './errors.js';
import { progress } from './progress.js';

/** `--runs`, `--spread`, `--seed` as given (`sensitivity`, `report --sensitivity`). */
export interface DrawFlags {
  readonly runs?: number | undefined;
  readonly spread?: number | undefined;
  readonly seed?: number | undefined;
}

/**
 * The sensitivity runs the flags ask for (their defaults where not given), with a progress bar
 * on a terminal; more runs than the ranks kept allow for this many counties is a usage error.
 */
export function drawRanks(scoring: Scoring, o: DrawFlags, t: Ui): Sensitivity {
  const runs = o.runs ?? SENSITIVITY_DEFAULTS.runs;
  const most = maxRuns(scoring.counties.length);
  if (runs > most) throw new UsageError(t.sensitivity.tooManyRuns(runs, scoring.counties.length, most));
  const bar = progress(t.sensitivity.progress);
  try {
    return sensitivity(scoring, {
      runs,
      spread: o.spread ?? SENSITIVITY_DEFAULTS.spread,
      seed: o.seed ?? SENSITIVITY_DEFAULTS.seed,
      onStep: (done, total) => bar.step(done, total),
    });
  } finally {
    bar.end();
  }
}
