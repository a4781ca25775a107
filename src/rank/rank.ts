import { groupBy } from '../model/arrays.js';
import type { CountyResult, CountyScore, Scores, Scoring } from '../model/scoring.js';
import { round } from '../score/round.js';

/** Something ranked: its id, its value (already rounded), and whether it stays out of rankings. */
export interface Rankable {
  readonly id: string;
  readonly value: number;
  readonly excluded?: boolean;
}

/** Code-point order, never locale order (FORMATS.md §2). */
export const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A value that can be ranked: a finite number (never NaN, ±Infinity, or a `null` from a caller without types). */
const rankable = (e: Rankable): boolean => !e.excluded && typeof e.value === 'number' && Number.isFinite(e.value);

/**
 * Standard competition ranking (1, 2, 2, 4), highest value first, over values the caller
 * has rounded to the reported precision, so float noise can neither split nor make a tie.
 * Returns the ids in listing order (rank, then id; the excluded last by id) with their ranks.
 * Defensive: a value that is not a finite number (which scoring never gives, see
 * score/finite.ts) is never ranked: it gets no rank and is listed with the excluded, by id.
 * (A NaN compares false with everything, so a plain sort could put it anywhere, even first.)
 */
export function competitionRanks(entries: readonly Rankable[]): { id: string; rank: number | null }[] {
  const ranked = entries.filter(rankable).sort((a, b) => b.value - a.value || byId(a, b));
  const out: { id: string; rank: number | null }[] = [];
  ranked.forEach((e, i) => {
    const prev = ranked[i - 1];
    const rank = prev !== undefined && prev.value === e.value ? (out[i - 1]?.rank ?? null) : i + 1;
    out.push({ id: e.id, rank });
  });
  for (const e of entries.filter((x) => !rankable(x)).sort(byId)) out.push({ id: e.id, rank: null });
  return out;
}

/**
 * Ranks scored counties on their totals rounded to the system's precision, province-wide and
 * within each prefecture; lists them in rank order, the disqualified last by id.
 */
export function rankScores(scores: Scores): Scoring {
  const precision = scores.system.precision;
  const entry = (r: CountyScore): Rankable => ({
    id: r.county.id,
    value: round(r.total, precision),
    excluded: r.disqualified,
  });
  const overall = new Map(
    competitionRanks(scores.counties.map(entry)).map((x, i) => [x.id, { rank: x.rank, order: i }]),
  );
  const within = new Map<string, number | null>();
  for (const members of groupBy(scores.counties, (r) => r.county.prefecture).values())
    for (const x of competitionRanks(members.map(entry))) within.set(x.id, x.rank);
  const place = (r: CountyScore) => overall.get(r.county.id) ?? { rank: null, order: Infinity };
  const counties = scores.counties
    .map((r): CountyResult => ({ ...r, rank: place(r).rank, prefectureRank: within.get(r.county.id) ?? null }))
    .sort((a, b) => place(a).order - place(b).order);
  return { ...scores, counties };
}
