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
