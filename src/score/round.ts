/**
 * Rounding as FORMATS.md §2 fixes it: normalise to 12 significant digits first (so float noise
 * like 79.99499999999 and 79.995000000001 both read as 79.995), then round half away from zero
 * on the decimal value. Every reported number, tie, grade and distance goes through here.
 */
export function round(x: number, precision: number): number {
  if (!Number.isFinite(x)) return x;
  return quickRound(x, precision) ?? roundByStrings(x, precision);
}

/** round() the long way, on decimal strings: what every result must equal (the quick way is checked against it). */
export function roundByStrings(x: number, precision: number): number {
  if (!Number.isFinite(x)) return x;
  const normal = Number(x.toPrecision(12));
  const [mantissa, exponent = '0'] = String(Math.abs(normal)).split('e');
  // Shifting the decimal string (not multiplying) keeps x.5 exact before Math.round.
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + precision}`));
  const [m2, e2 = '0'] = String(shifted).split('e');
  const r = Number(`${m2}e${Number(e2) - precision}`);
  return normal < 0 && r !== 0 ? -r : r;
}

/** 10^0 … 10^9, exact as doubles. */
const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/**
 * The same result without strings, when it cannot differ: |x|·10^p below 2^31 (so it is within
 * 1.3e-3 of the normalised decimal shifted) and its fraction not within 0.01 of one half (so both
 * round to the same integer k); k / 10^p is then the double nearest k·10^-p, as Number('ke-p') is.
 * `null` when the string way must decide. Most numbers take this way: it is ten times faster.
 */
function quickRound(x: number, precision: number): number | null {
  const scale = POWERS[precision];
  if (scale === undefined) return null;
  const shifted = Math.abs(x) * scale;
  if (!(shifted < 2 ** 31)) return null;
  const whole = Math.floor(shifted);
  if (Math.abs(shifted - whole - 0.5) <= 0.01) return null;
  const r = (shifted - whole > 0.5 ? whole + 1 : whole) / scale;
  return x < 0 && r !== 0 ? -r : r;
}
