import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { ComponentPoints } from '../model/scoring.js';
import { round } from '../score/round.js';

/** How the renderers write numbers: one place, so every output writes them alike. */

/** A rounded number at the system's precision, `—` for none. */
export const fixed = (x: number | null, p: number): string => (x === null ? '—' : toFixed(x, p));

/**
 * `x.toFixed(p)`, remembered: a report writes the same few scores (0.70, 1.00 …) hundreds of
 * thousands of times. A few thousand numbers at most are kept (-0 and 0 write alike, as Map keys).
 */
const written = new Map<number, Map<number, string>>();
function toFixed(x: number, p: number): string {
  let known = written.get(p);
  if (known === undefined) {
    known = new Map();
    written.set(p, known);
  }
  const text = known.get(x);
  if (text !== undefined) return text;
  if (known.size >= 4096) known.clear();
  const made = x.toFixed(p);
  known.set(x, made);
  return made;
}

/** A rank interval: `3–7`, or `5` when both ends are one rank. */
export const interval = (low: number, high: number): string => (low === high ? String(low) : `${low}–${high}`);

/** A signed change: `+1.50`, `-0.25`, `0.00`. */
export const signed = (x: number | null, p: number): string =>
  x === null ? '—' : x > 0 ? `+${x.toFixed(p)}` : x.toFixed(p);

/** An attainment as a percentage with one decimal: `87.5%`. */
export const percent = (a: number | null): string => (a === null ? '—' : `${round(a * 100, 1).toFixed(1)}%`);

/** A difference of attainments in percentage points: `+3.2`, `-10.0`. */
export const points = (d: number | null): string => {
  if (d === null) return '—';
  const r = round(d * 100, 1);
  return r > 0 ? `+${r.toFixed(1)}` : r.toFixed(1);
};

/** A rank or count, `—` for none. */
export const whole = (x: number | null): string => (x === null ? '—' : String(x));

/** A county's components on one line: `评估方式：书面评审 49.90/60，实地评估 17.00/20`. */
export const componentsLine = (parts: readonly ComponentPoints[], p: number, lang: Lang): string =>
  ui(lang).score.components(parts.map((k) => [k.name, fixed(k.points, p), String(k.max)] as const));
