/**
 * The evidence value grammar (FORMATS.md §4), one cell at a time. Pure.
 * Text is NFKC-normalised and trimmed first, so full-width `９０％` reads as `90%`.
 */

import type { CellValue, ValueKind } from '../model/evaluation.js';
import type { RangeData, UnitData } from '../model/indicator-data.js';
import { MAX_VALUE } from '../model/number.js';

export type { CellValue, ValueKind };

export type ValueError =
  | { readonly error: 'not-yesno' }
  | { readonly error: 'not-number' }
  | { readonly error: 'percent-not-allowed' }
  | { readonly error: 'fraction-not-allowed' }
  | { readonly error: 'fraction-over' }
  | { readonly error: 'not-count' }
  /** Not finite, or beyond ±MAX_VALUE (`1e999`, `1e308`, a/b with a or b over it). */
  | { readonly error: 'too-large'; readonly limit: number }
  | { readonly error: 'out-of-range'; readonly min: number; readonly max: number }
  /** `unit: rate` and a value outside 0…1; `suggest` is the percentage the writer probably meant. */
  | { readonly error: 'not-rate'; readonly suggest: string | null }
  /** Outside the item's `range`. */
  | { readonly error: 'outside-range'; readonly lo: number | null; readonly hi: number | null };

/** What an item asks of its values besides its rule (FORMATS.md §6, Value checks). */
export interface ValueChecks {
  readonly unit: UnitData | null;
  readonly range: RangeData | null;
}

const YES = new Set(['是', '有', 'yes', 'y', 'true', '1', '√', '✓']);
const NO = new Set(['否', '无', 'no', 'n', 'false', '0', '×', '✗']);
const NONE = new Set(['', 'na', 'n/a', '-', '—']);
/** A clerk's `/` (or full-width `／`, the same after NFKC) in a cell means 不适用. */
const NOT_APPLICABLE = new Set(['不适用', 'not applicable', '/']);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const COUNT_FRACTION = /^(\d+)\s*\/\s*(\d+)$/;

const ASCII = /^[\x20-\x7e]*$/;

/** NFKC then trim; plain ASCII (most cells) needs no normalising. */
export const normaliseText = (text: string): string => (ASCII.test(text) ? text : text.normalize('NFKC')).trim();

/**
 * Parses one cell for a rule. `max` bounds `points` (the item's maximum points); `checks` are
 * the item's `unit` and `range`. Returns the value, or what is wrong with it.
 */
export function parseValue(raw: string, kind: ValueKind, max = Infinity, checks?: ValueChecks): CellValue | ValueError {
  const value = parseKind(raw, kind, max);
  if ('error' in value || value.kind !== 'number' || checks === undefined) return value;
  const x = value.value;
  if (checks.unit === 'rate' && !(x >= 0 && x <= 1)) {
    const text = normaliseText(raw);
    const meant = NUMBER.test(text) && x / 100 >= 0 && x / 100 <= 1;
    return { error: 'not-rate', suggest: meant ? `${text}%` : null };
  }
  if (checks.unit === 'count' && !(Number.isInteger(x) && x >= 0)) return { error: 'not-count' };
  const [lo, hi] = checks.range ?? [null, null];
  if ((lo !== null && x < lo) || (hi !== null && x > hi)) return { error: 'outside-range', lo, hi };
  return value;
}

function parseKind(raw: string, kind: ValueKind, max: number): CellValue | ValueError {
  const text = normaliseText(raw);
  const lower = text.toLowerCase();
  if (NONE.has(lower)) return { kind: 'none' };
  if (NOT_APPLICABLE.has(lower)) return { kind: 'na' };
  switch (kind) {
    case 'yesno':
      if (YES.has(lower)) return { kind: 'bool', value: true };
      if (NO.has(lower)) return { kind: 'bool', value: false };
      return { error: 'not-yesno' };
    case 'count': {
      if (lower === '无' || lower === '否') return { kind: 'number', value: 0 };
      const n = plainNumber(text);
      if ('error' in n) return n;
      return Number.isInteger(n.value) && n.value >= 0 ? n : { error: 'not-count' };
    }
    case 'points': {
      const n = plainNumber(text);
      if ('error' in n) return n;
      return n.value >= 0 && n.value <= max ? n : { error: 'out-of-range', min: 0, max };
    }
    case 'rate':
    case 'share': {
      const n = rate(text);
      if ('error' in n || kind === 'rate') return n;
      return n.value >= 0 && n.value <= 1 ? n : { error: 'out-of-range', min: 0, max: 1 };
    }
  }
}

const TOO_LARGE: ValueError = { error: 'too-large', limit: MAX_VALUE };

/** A number read from a cell, unless it is not finite or beyond ±MAX_VALUE. */
const bounded = (value: number): { kind: 'number'; value: number } | ValueError =>
  Number.isFinite(value) && Math.abs(value) <= MAX_VALUE ? { kind: 'number', value } : TOO_LARGE;

/** A decimal (with an optional exponent); `%` and `a/b` are refused with their own reason. */
function plainNumber(text: string): { kind: 'number'; value: number } | ValueError {
  if (text.endsWith('%') && NUMBER.test(text.slice(0, -1).trim())) return { error: 'percent-not-allowed' };
  if (COUNT_FRACTION.test(text)) return { error: 'fraction-not-allowed' };
  if (!NUMBER.test(text)) return { error: 'not-number' };
  return bounded(Number(text));
}

/** A decimal, a percentage (`90%` is exactly 90 ÷ 100) or a count fraction (`17/20`, 20 cases). */
function rate(text: string): { kind: 'number'; value: number; cases?: number } | ValueError {
  const fraction = COUNT_FRACTION.exec(text);
  if (fraction) {
    const a = Number(fraction[1]);
    const b = Number(fraction[2]);
    if (a > MAX_VALUE || b > MAX_VALUE) return TOO_LARGE;
    if (a > b) return { error: 'fraction-over' };
    return { kind: 'number', value: b === 0 ? 0 : a / b, cases: b };
  }
  if (text.endsWith('%')) {
    const body = text.slice(0, -1).trim();
    if (!NUMBER.test(body)) return { error: 'not-number' };
    // Shift the decimal string rather than divide, so 12.34% reads exactly as 0.1234 does.
    const [mantissa, exponent = '0'] = body.toLowerCase().split('e');
    const shifted = Number(`${mantissa}e${Number(exponent) - 2}`);
    // An exponent too long to shift as text (1e-99999999999999999999999%) is read by division.
    return bounded(Number.isNaN(shifted) ? Number(body) / 100 : shifted);
  }
  if (!NUMBER.test(text)) return { error: 'not-number' };
  return bounded(Number(text));
}
