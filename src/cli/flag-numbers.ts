import { Option } from 'commander';
import type { Ui } from '../i18n/ui.js';
import { UsageError } from './errors.js';

/** ASCII digits only: no sign, space, point, exponent, `0x` or full-width digit. */
const WHOLE = /^[0-9]+$/;

/**
 * The parser of a whole-number flag, as strict as the flag reads to a person: ASCII digits only
 * (`0x2`, `1e1`, `2.0`, ` 3`, `''`, `-1` are refused, where `Number` would take most of them),
 * within `min`…`max`. A refusal is a usage error (exit 2) naming the flag and the range.
 */
export const wholeNumber =
  (t: Ui, flag: string, min: number, max: number) =>
  (given: string): number => {
    const n = WHOLE.test(given) ? Number(given) : Number.NaN;
    if (!(n >= min && n <= max)) throw new UsageError(t.usage.badWholeNumber(JSON.stringify(given), flag, min, max));
    return n;
  };

/** `gaps --top N`: 1 … 1 000 000 items per county. */
export const TOP_RANGE = [1, 1_000_000] as const;

/** `sensitivity --runs N`: 1 … 100 000 runs (each keeps a rank per county). */
export const RUNS_RANGE = [1, 100_000] as const;

/** `sensitivity --seed S`: the random generator's 32-bit seed. */
export const SEED_RANGE = [0, 4_294_967_295] as const;

/** A decimal such as `0.2`, `.25` or `1`, or a percentage such as `20%`: digits and one point only. */
const SHARE = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)(%?)$/;

/**
 * The parser of a share flag (`--spread 0.2` or `--spread 20%`): a number from 0 to 1, written
 * in digits with at most one decimal point, or the same as a percentage. A refusal is a usage
 * error (exit 2) naming the flag.
 */
export const shareNumber =
  (t: Ui, flag: string) =>
  (given: string): number => {
    const m = SHARE.exec(given);
    const n = m ? Number(m[1]) / (m[2] === '%' ? 100 : 1) : Number.NaN;
    if (!(n >= 0 && n <= 1)) throw new UsageError(t.usage.badShare(JSON.stringify(given), flag));
    return n;
  };

/** `--runs`, `--spread`, `--seed`: how `sensitivity` (and `report --sensitivity`) draws. */
export const draws = (t: Ui): Option[] => [
  new Option('--runs <n>', t.sensitivity.runsOption).argParser(wholeNumber(t, '--runs', ...RUNS_RANGE)),
  new Option('--spread <share>', t.sensitivity.spreadOption).argParser(shareNumber(t, '--spread')),
  new Option('--seed <n>', t.sensitivity.seedOption).argParser(wholeNumber(t, '--seed', ...SEED_RANGE)),
];
