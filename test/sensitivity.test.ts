import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniform } from '../src/analyze/random.js';
import { maxRuns, nearestRank, type Sensitivity, sensitivity } from '../src/analyze/sensitivity.js';
import { loadAndScore } from '../src/evaluate.js';
import type { Scoring } from '../src/model/scoring.js';
import { competitionRanks } from '../src/rank/rank.js';
import { Reweighing } from '../src/score/reweigh.js';
import { round } from '../src/score/round.js';
import { caseArb, scoreCase } from './random-evaluations.js';
import { fazhi } from './run-cli.js';

const sample = 'samples/yunnan-2022';
const midterm = (await loadAndScore(sample, { round: 'midterm', where: null })).scoring;
const v02 = (await loadAndScore('test/fixtures/eval/v02')).scoring;

/** Every ranked county's interval collapsed onto its rank, the disqualified without any. */
const collapsed = (s: Sensitivity, scoring: Scoring) =>
  s.counties.every((c, j) => {
    const r = scoring.counties[j]?.rank ?? null;
    return c.rank === r && c.medianRank === r && c.low === r && c.high === r;
  });

describe('random numbers', () => {
  it('are xoshiro128** seeded by splitmix32, as the reference C code draws them', () => {
    // The first five 32-bit outputs of the authors' C code, its state filled by splitmix32.
    const reference: Record<number, number[]> = {
      0: [3809008728, 1133695204, 53579671, 2891528803, 139681546],
      1: [2442144158, 3238099751, 3819917871, 2104621829, 2021136066],
      20211: [1354307087, 1241509857, 1483744429, 4066357977, 2827849017],
      4294967295: [835879718, 1921286648, 2356205009, 1885780724, 980451116],
    };
    for (const [seed, words] of Object.entries(reference)) {
      const next = uniform(Number(seed));
      expect(words.map(() => next() * 2 ** 32)).toEqual(words);
    }
  });

  it('take seeds past 32 bits apart', () => {
    const first = (seed: number) => uniform(seed)();
    expect(first(2 ** 32 + 1)).not.toBe(first(1));
    expect(first(Number.MAX_SAFE_INTEGER)).not.toBe(first(2 ** 32 - 1));
    expect(first(2 ** 40)).toBe(first(2 ** 40));
  });

  it('lie in [0, 1) and spread evenly', () => {
    const next = uniform(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = next();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]++;
    }
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('totals with other weights', () => {
  const engineTotals = (scoring: Scoring) => Float64Array.from(scoring.counties, (c) => c.total);

  it('are the engine’s totals to the bit with the weights as written (sample, v02 fixture)', () => {
    for (const scoring of [midterm, v02]) {
      const r = new Reweighing(scoring.system, scoring.counties);
      expect(r.totals(r.written)).toEqual(engineTotals(scoring));
    }
  });

  it('are the engine’s totals on random evaluations using every 0.2 key', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const scoring = scoreCase(c);
        const r = new Reweighing(scoring.system, scoring.counties);
        expect(r.totals(r.written)).toEqual(engineTotals(scoring));
      }),
      { numRuns: 300 },
    );
  });

  it('are the engine’s totals under relative weighting, with weights that add up to nothing in particular', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 2, max: 9 }), (c, k) => {
        const { file } = c;
        // Every system and item weighed anew (0 stays 0): shares among siblings, as relative weighting reads them.
        const reweigh = <T extends { weight: number }>(n: T, i: number): T => ({
          ...n,
          weight: n.weight * (1 + ((i * k) % 7)),
        });
        const relative = {
          ...file,
          weighting: 'relative' as const,
          systems: file.systems.map((s, i) => ({ ...reweigh(s, i), items: (s.items ?? []).map(reweigh) })),
        };
        const scoring = scoreCase(c, relative);
        const r = new Reweighing(scoring.system, scoring.counties);
        expect(r.totals(r.written)).toEqual(engineTotals(scoring));
      }),
      { numRuns: 200 },
    );
  });

  it('follow a changed weight as the engine would score a file written with it', () => {
    // Doubling a system's weight in relative terms = rescoring a file whose other systems weigh half.
    const r = new Reweighing(v02.system, v02.counties);
    const first = r.systems[0] as number;
    const w = Float64Array.from(r.written);
    w[first] = (w[first] as number) * 2;
    const totals = r.totals(w);
    // The same share by hand: every system's attainment (points ÷ max), weighted.
    v02.counties.forEach((c, j) => {
      if (c.components !== null || c.vetoes.length > 0 || c.bonus > 0) return;
      let num = 0;
      let den = 0;
      v02.system.systems.forEach((s, i) => {
        const p = c.nodes.get(s.id)?.points ?? null;
        if (p === null) return;
        const weight = s.weight * (i === 0 ? 2 : 1);
        num += weight * (p / s.max);
        den += weight;
      });
      expect(totals[j]).toBeCloseTo(den > 0 ? (v02.system.scale * num) / den : 0, 9);
    });
  });
});

describe('fazhi sensitivity', () => {
  it('gives every county its rank as written, with spread 0', () => {
    for (const scoring of [midterm, v02]) {
      const s = sensitivity(scoring, { runs: 50, spread: 0, seed: 3 });
      expect(collapsed(s, scoring)).toBe(true);
    }
  });

  it('gives spread-0 intervals equal to the written ranks on random evaluations', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (c, seed) => {
        const scoring = scoreCase(c);
        expect(collapsed(sensitivity(scoring, { runs: 5, spread: 0, seed }), scoring)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('holds the median always, and the written rank for nearly every county, on random evaluations', () => {
    let held = 0;
    let ranked = 0;
    for (const c of fc.sample(caseArb, { numRuns: 200, seed: 16 })) {
      const s = sensitivity(scoreCase(c), {
        runs: 100,
        spread: 0.3,
        seed: 1,
      });
      for (const c of s.counties) {
        if (c.rank === null || c.low === null || c.high === null || c.medianRank === null) continue;
        expect(c.low <= c.medianRank && c.medianRank <= c.high).toBe(true);
        ranked++;
        if (c.low <= c.rank && c.rank <= c.high) held++;
      }
    }
    expect(ranked).toBeGreaterThan(300);
    expect(held / ranked).toBeGreaterThan(0.95);
  });

  it('draws each weight from w·(1 − S) … w·(1 + S) in file order, and ranks each run as rank/ ranks', () => {
    // One run by hand: the seed's first draws, weight by weight, then totals, rounding and competition ranks.
    for (const [scoring, seed, spread] of [
      [midterm, 5, 0.3],
      [v02, 77, 0.5],
    ] as const) {
      const r = new Reweighing(scoring.system, scoring.counties);
      const next = uniform(seed);
      const drawn = r.written.map((w) => w * (1 + spread * (2 * next() - 1)));
      const totals = r.totals(drawn);
      const ranks = new Map(
        competitionRanks(
          scoring.counties.map((c, j) => ({
            id: c.county.id,
            value: round(totals[j] as number, scoring.system.precision),
            excluded: c.disqualified,
          })),
        ).map((x) => [x.id, x.rank]),
      );
      const s = sensitivity(scoring, { runs: 1, spread, seed });
      for (const c of s.counties) {
        const rank = ranks.get(c.id) ?? null;
        expect([c.medianRank, c.low, c.high]).toEqual([rank, rank, rank]);
      }
      // On the sample the drawn weights do move some ranks: the check above is not of the written ranks alone.
      if (scoring === midterm) expect(s.counties.some((c, j) => c.medianRank !== scoring.counties[j]?.rank)).toBe(true);
    }
  });

  it('is the same for the same seed, and another seed draws otherwise', () => {
    const a = sensitivity(midterm, { runs: 200, spread: 0.2, seed: 11 });
    expect(sensitivity(midterm, { runs: 200, spread: 0.2, seed: 11 })).toEqual(a);
    expect(sensitivity(midterm, { runs: 200, spread: 0.2, seed: 12 }).counties).not.toEqual(a.counties);
  });

  it('keeps each median within its interval, and the interval around the written rank for nearly every county', () => {
    const s = sensitivity(midterm, { runs: 400, spread: 0.2, seed: 5 });
    let around = 0;
    for (const c of s.counties) {
      if (c.rank === null) continue;
      expect(c.low).not.toBeNull();
      expect((c.low as number) <= (c.medianRank as number) && (c.medianRank as number) <= (c.high as number)).toBe(
        true,
      );
      if ((c.low as number) <= c.rank && c.rank <= (c.high as number)) around++;
    }
    const ranked = s.counties.filter((c) => c.rank !== null).length;
    expect(around / ranked).toBeGreaterThan(0.9);
  });

  it('moves ranks more the wider the spread', () => {
    const width = (s: Sensitivity) =>
      s.counties.reduce((n, c) => n + (c.high === null || c.low === null ? 0 : c.high - c.low), 0);
    const narrow = width(sensitivity(midterm, { runs: 300, spread: 0.05, seed: 1 }));
    const wide = width(sensitivity(midterm, { runs: 300, spread: 0.5, seed: 1 }));
    expect(narrow).toBeGreaterThan(0);
    expect(wide).toBeGreaterThan(narrow);
  });

  it('keeps a county far ahead first in every run', () => {
    const best = midterm.counties[0];
    const second = midterm.counties[1];
    if (!best || !second) throw new Error('the sample has counties');
    // The sample's best county, given full marks everywhere it scored: far ahead whatever the weights.
    const system = midterm.system;
    const nodes = new Map(best.nodes);
    for (const n of system.nodes) {
      const p = nodes.get(n.id);
      if (p && p.points !== null) nodes.set(n.id, { ...p, points: n.max });
    }
    const ahead = { ...best, nodes, total: system.scale + best.bonus };
    const scoring = { ...midterm, counties: [ahead, ...midterm.counties.slice(1)] };
    const s = sensitivity(scoring, { runs: 300, spread: 0.5, seed: 9 });
    expect(s.counties[0]).toMatchObject({ id: best.county.id, rank: 1, medianRank: 1, low: 1, high: 1 });
  });

  it('leaves the disqualified out, and ranks only the counties in scope', async () => {
    const scoped = (await loadAndScore(sample, { round: 'midterm' })).scoring;
    const s = sensitivity(scoped, { runs: 100, spread: 0.2, seed: 2 });
    expect(s.counties.map((c) => c.id)).toEqual(scoped.counties.map((c) => c.county.id));
    expect(s.counties.length).toBeLessThan(midterm.counties.length);
    const ranked = s.counties.filter((c) => c.rank !== null).length;
    for (const c of s.counties) {
      const out = scoped.counties.find((x) => x.county.id === c.id)?.disqualified;
      expect(c.rank === null).toBe(out);
      if (c.high !== null) expect(c.high).toBeLessThanOrEqual(ranked);
    }
  });

  it('says how far ranks move with each system left out', () => {
    const s = sensitivity(midterm, { runs: 1, spread: 0, seed: 1 });
    expect(s.systems.map((x) => x.id)).toEqual(midterm.system.systems.map((x) => x.id));
    // By hand for the first system: its weight 0, totals again, ranks against the written ones.
    const r = new Reweighing(midterm.system, midterm.counties);
    const w = Float64Array.from(r.written);
    w[r.systems[0] as number] = 0;
    const totals = r.totals(w);
    const entries = midterm.counties.map((c, j) => ({
      id: c.county.id,
      value: round(totals[j] as number, midterm.system.precision),
      excluded: c.disqualified,
    }));
    const without = new Map(competitionRanks(entries).map((x) => [x.id, x.rank]));
    const moved = midterm.counties
      .filter((c) => !c.disqualified)
      .map((c) => Math.abs((without.get(c.county.id) ?? 0) - (c.rank ?? 0)));
    expect(s.systems[0]?.shift).toBe(round(moved.reduce((a, x) => a + x, 0) / moved.length, 2));
    expect(s.systems.some((x) => x.shift > 0)).toBe(true);
  });

  it('ties counties that scored alike in every run, as rank/ ranks ties', () => {
    const first = midterm.counties[0];
    if (!first) throw new Error('the sample has counties');
    const twin = { ...first, county: { ...first.county, id: `${first.county.id}-twin` } };
    const all = [...midterm.counties, twin];
    const ranked = competitionRanks(
      all.map((c) => ({ id: c.county.id, value: round(c.total, 2), excluded: c.disqualified })),
    );
    const place = new Map(ranked.map((x, i) => [x.id, { rank: x.rank, i }]));
    const counties = all
      .map((c) => ({ ...c, rank: place.get(c.county.id)?.rank ?? null }))
      .sort((a, b) => (place.get(a.county.id)?.i ?? 0) - (place.get(b.county.id)?.i ?? 0));
    const scoring = { ...midterm, counties };
    expect(collapsed(sensitivity(scoring, { runs: 3, spread: 0, seed: 1 }), scoring)).toBe(true);
    const s = sensitivity(scoring, { runs: 200, spread: 0.3, seed: 4 });
    const pick = (id: string) => s.counties.find((c) => c.id === id);
    const { id: _, ...one } = pick(first.county.id) ?? {};
    const { id: __, ...other } = pick(twin.county.id) ?? {};
    expect(other).toEqual(one);
  });
});

describe('the ranks kept', () => {
  it('are bounded: runs × counties within 2²⁸, refused beyond', () => {
    expect(maxRuns(129)).toBeGreaterThan(100_000);
    expect(maxRuns(2844)).toBe(94_386);
    expect(() => sensitivity(v02, { runs: maxRuns(v02.counties.length) + 1, spread: 0.2, seed: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('nearest rank', () => {
  it('is the ⌈p·N⌉-th smallest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const sorted = Uint32Array.from(xs).sort();
        for (const p of [5, 50, 95]) {
          // The smallest x with at least p% of the values ≤ x.
          const k = [...sorted].find((x) => sorted.filter((y) => y <= x).length * 100 >= p * sorted.length);
          expect(nearestRank(sorted, p)).toBe(k);
        }
      }),
    );
  });
});

describe('fazhi sensitivity on the command line', () => {
  const args = [sample, '--round', 'midterm', '--format', 'json'];

  it('gives, at spread 0, the ranks `score` gives, for every county in scope', () => {
    const scored = JSON.parse(fazhi(['score', ...args]).stdout) as { counties: { id: string; rank: number | null }[] };
    const drawn = JSON.parse(fazhi(['sensitivity', ...args, '--spread', '0', '--runs', '20']).stdout) as Sensitivity;
    expect(drawn.counties.map((c) => [c.id, c.rank, c.medianRank, c.low, c.high])).toEqual(
      scored.counties.map((c) => [c.id, c.rank, c.rank, c.rank, c.rank]),
    );
  });

  it('writes the same bytes for the same seed, and says which seed it drew with', () => {
    const once = fazhi(['sensitivity', ...args, '--seed', '42', '--runs', '300']);
    expect(once.code).toBe(0);
    expect(fazhi(['sensitivity', ...args, '--seed', '42', '--runs', '300']).stdout).toBe(once.stdout);
    expect(JSON.parse(once.stdout)).toMatchObject({ runs: 300, spread: 0.2, seed: 42 });
    expect(fazhi(['sensitivity', ...args, '--seed', '43', '--runs', '300']).stdout).not.toBe(once.stdout);
  });

  it('writes English Markdown without Chinese punctuation of its own', () => {
    const md = fazhi(['sensitivity', sample, '--round', 'midterm', '--runs', '50', '--format', 'md', '--lang', 'en']);
    expect(md.code).toBe(0);
    // Names and the notice are the evaluation's own Chinese; the words around them are not.
    const own = md.stdout.replace(/^> .*$/m, '').replace(/\p{Script=Han}+[（）\p{Script=Han}]*/gu, '');
    expect(own).not.toMatch(/[；：，。（）]/);
  });
});
