import type { Scoring } from '../model/scoring.js';
import { Reweighing } from '../score/reweigh.js';
import { round } from '../score/round.js';
import { uniform } from './random.js';

/**
 * How far the ranks depend on the weights (CLI.md, `fazhi sensitivity`): `runs` times, every
 * weight w (systems, groups and items at every depth, then components, in file order) is drawn
 * uniformly from w·(1 − spread) … w·(1 + spread), the totals worked out again from what each
 * county scored (score/reweigh.ts) and ranked as `score` ranks them (competition ranking on the
 * rounded totals, the disqualified left out). Per county: the rank as written, and the 5th, 50th
 * and 95th percentile of its ranks by nearest rank (the ⌈p·N⌉-th smallest). Per system: the mean
 * absolute change of rank when that system alone is left out (its weight 0). Pure: the same
 * scoring, runs, spread and seed give the same result.
 */

/** What `fazhi sensitivity` and `report --sensitivity` draw without flags. */
export const SENSITIVITY_DEFAULTS = { runs: 1000, spread: 0.2, seed: 1 } as const;

export interface SensitivityOptions {
  /** Runs, ≥ 1. */
  readonly runs: number;
  /** How far a weight may move, as a share of itself: 0 … 1. */
  readonly spread: number;
  /** The random generator's seed: a whole number 0 … 2⁵³ − 1. */
  readonly seed: number;
  /** Called after each run and each system left out: `done` of `total` steps. */
  readonly onStep?: (done: number, total: number) => void;
}

export interface CountySensitivity {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  /** The rank with the weights as written; `null` when disqualified (then the others are `null` too). */
  readonly rank: number | null;
  readonly medianRank: number | null;
  /** The 5th percentile of the ranks over the runs (the best end of the interval). */
  readonly low: number | null;
  /** The 95th percentile (the worst end). */
  readonly high: number | null;
}

export interface SystemShift {
  readonly id: string;
  readonly name: string;
  /** The mean absolute change of rank over the ranked counties with this system left out, rounded to 2 decimals. */
  readonly shift: number;
}

export interface Sensitivity {
  readonly runs: number;
  readonly spread: number;
  readonly seed: number;
  /** In `score`'s order: rank, then id, the disqualified last. */
  readonly counties: readonly CountySensitivity[];
  /** The top-level systems in file order. */
  readonly systems: readonly SystemShift[];
}

/** Ranks kept at the most (runs × counties): 512 MiB of 16-bit ranks. */
const MAX_RANKS = 2 ** 28;

/** The most runs `sensitivity` keeps every rank of, for this many counties. */
export const maxRuns = (counties: number): number => Math.floor(MAX_RANKS / Math.max(1, counties));

/** Which of `n` values, smallest first, is the `percent`-th percentile by nearest rank: ⌈p·N⌉ (1-based; p in percent, so that p·N/100 stays exact). */
export const nearestRankIndex = (n: number, percent: number): number => Math.max(1, Math.ceil((percent * n) / 100));

/** The ⌈p·N⌉-th smallest of `sorted`. */
export const nearestRank = (sorted: ArrayLike<number>, percent: number): number =>
  sorted[nearestRankIndex(sorted.length, percent) - 1] as number;

/**
 * What the outputs say of the whole drawing: how many counties are ranked, how many of them have
 * an interval of a single rank (equal 5th and 95th percentiles: at least nine runs in ten gave
 * that rank, not necessarily all), and the widest interval (the first in rank order among equals;
 * `null` when none is wider than one rank).
 */
export function intervalFacts(s: Sensitivity): { ranked: number; single: number; widest: CountySensitivity | null } {
  let ranked = 0;
  let single = 0;
  let widest: CountySensitivity | null = null;
  const width = (c: CountySensitivity) => (c.high ?? 0) - (c.low ?? 0);
  for (const c of s.counties) {
    if (c.rank === null) continue;
    ranked++;
    if (c.low === c.high) single++;
    if (width(c) > (widest ? width(widest) : 0)) widest = c;
  }
  return { ranked, single, widest };
}

export function sensitivity(scoring: Scoring, o: SensitivityOptions): Sensitivity {
  const { system, counties } = scoring;
  const reweigh = new Reweighing(system, counties);
  const n = counties.length;
  const excluded = Uint8Array.from(counties, (c) => (c.disqualified ? 1 : 0));
  const ranker = new Ranker(excluded, system.precision);
  const written = ranker.rank(reweigh.totals(reweigh.written)).slice();
  const steps = o.runs + reweigh.systems.length;

  if (o.runs > maxRuns(n))
    throw new RangeError(`sensitivity: ${o.runs} runs of ${n} counties are more than ${MAX_RANKS} ranks`);
  // ranks[j · runs + r]: county j's rank in run r (16 bits wherever ranks fit).
  const ranks = n < 2 ** 16 ? new Uint16Array(n * o.runs) : new Uint32Array(n * o.runs);
  const draw = uniform(o.seed);
  const weights = new Float64Array(reweigh.written.length);
  const totals = new Float64Array(n);
  for (let r = 0; r < o.runs; r++) {
    for (let k = 0; k < weights.length; k++)
      weights[k] = (reweigh.written[k] as number) * (1 + o.spread * (2 * draw() - 1));
    const run = ranker.rank(reweigh.totals(weights, totals));
    for (let j = 0; j < n; j++) ranks[j * o.runs + r] = run[j] as number;
    o.onStep?.(r + 1, steps);
  }

  const systems = Array.from(reweigh.systems, (s, i): SystemShift => {
    weights.set(reweigh.written);
    weights[s] = 0;
    const without = ranker.rank(reweigh.totals(weights, totals));
    let sum = 0;
    let ranked = 0;
    for (let j = 0; j < n; j++) {
      if (excluded[j] === 1) continue;
      sum += Math.abs((without[j] as number) - (written[j] as number));
      ranked++;
    }
    o.onStep?.(o.runs + i + 1, steps);
    const { id, name } = reweigh.weighted[s] as { id: string; name: string };
    return { id, name, shift: round(ranked > 0 ? sum / ranked : 0, 2) };
  });

  return {
    runs: o.runs,
    spread: o.spread,
    seed: o.seed,
    counties: counties.map((c, j): CountySensitivity => {
      const base = { id: c.county.id, name: c.county.name, prefecture: c.county.prefecture };
      if (excluded[j] === 1) return { ...base, rank: null, medianRank: null, low: null, high: null };
      const mine = ranks.subarray(j * o.runs, (j + 1) * o.runs).sort();
      return {
        ...base,
        rank: c.rank,
        medianRank: nearestRank(mine, 50),
        low: nearestRank(mine, 5),
        high: nearestRank(mine, 95),
      };
    }),
    systems,
  };
}

/**
 * Competition ranks (1, 2, 2, 4) of totals rounded to `precision`, highest first, the excluded
 * given 0: rank/rank.ts's ranking without its objects, for thousands of runs.
 */
class Ranker {
  private readonly order: number[];
  private readonly rounded: Float64Array;
  private readonly ranks: Uint32Array;

  constructor(
    excluded: Uint8Array,
    private readonly precision: number,
  ) {
    this.order = [];
    excluded.forEach((x, j) => {
      if (x === 0) this.order.push(j);
    });
    this.rounded = new Float64Array(excluded.length);
    this.ranks = new Uint32Array(excluded.length);
  }

  /** The ranks of `totals` (by county, in the order given); the array is reused by the next call. */
  rank(totals: Float64Array): Uint32Array {
    const { order, rounded, ranks } = this;
    for (const j of order) rounded[j] = round(totals[j] as number, this.precision);
    order.sort((a, b) => (rounded[b] as number) - (rounded[a] as number));
    for (let i = 0; i < order.length; i++) {
      const j = order[i] as number;
      const before = order[i - 1];
      ranks[j] = before !== undefined && rounded[before] === rounded[j] ? (ranks[before] as number) : i + 1;
    }
    return ranks;
  }
}
