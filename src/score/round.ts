/**
 * Rounding as FORMATS.md §2 fixes it: normalise to 12 significant digits first (so float noise
 * like 79.99499999999 and 79.995000000001 both read as 79.995), then round half away from zero
 * on the decimal value. Every reported number, tie, grade and distance goes through here.
 */
export function round(x: number, precision: number): number {
  if (!Number.isFinite(x)) return x;
  const normal = Number(x.toPrecision(12));
  const [mantissa, exponent = '0'] = String(Math.abs(normal)).split('e');
  // Shifting the decimal string (not multiplying) keeps x.5 exact before Math.round.
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + precision}`));
  const [m2, e2 = '0'] = String(shifted).split('e');
  const r = Number(`${m2}e${Number(e2) - precision}`);
  return normal < 0 && r !== 0 ? -r : r;
}
